package org.threadline.linkage.engine;

import java.util.List;

/**
 * What incremental resolution decided for one new record.
 *
 * @param decision   MATCH (joins {@code cluster}), REVIEW (a person should decide) or NEW (a new person)
 * @param cluster    the cluster of the best candidate (for MATCH and REVIEW), else -1
 * @param weight     the best candidate's match weight, or negative infinity when there was no candidate
 * @param candidates every candidate found by the blocking keys, with its weight, best first
 */
public record Resolution(Decision decision, int cluster, double weight, List<Candidate> candidates) {

    public enum Decision {
        MATCH, REVIEW, NEW
    }

    /** A record the new one was compared with. */
    public record Candidate(int record, int cluster, double weight) {
    }
}
