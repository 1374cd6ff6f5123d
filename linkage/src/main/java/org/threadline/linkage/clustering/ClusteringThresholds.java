package org.threadline.linkage.clustering;

import java.util.ArrayList;
import java.util.List;

/**
 * Match-weight thresholds, after hmpps-person-record's join and fracture thresholds.
 *
 * @param join      pairs at or above it are joined into one cluster
 * @param fracture  a scored pair below it inside a cluster makes the cluster need attention; at most {@code join}
 * @param reviewLow pairs in {@code [reviewLow, join)} go to human review; at most {@code join}
 */
public record ClusteringThresholds(double join, double fracture, double reviewLow) {

    public ClusteringThresholds {
        List<String> errors = new ArrayList<>();
        if (!Double.isFinite(join) || !Double.isFinite(fracture) || !Double.isFinite(reviewLow)) {
            errors.add("thresholds must be finite: join " + join + ", fracture " + fracture + ", reviewLow "
                    + reviewLow);
        }
        if (fracture > join) {
            errors.add("fracture " + fracture + " must not exceed join " + join);
        }
        if (reviewLow > join) {
            errors.add("reviewLow " + reviewLow + " must not exceed join " + join);
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Invalid clustering thresholds: " + String.join("; ", errors));
        }
    }

    /**
     * The mean weight the scored pairs between two groups must reach for the groups to become one: the join
     * threshold, but never above 0 (probability one half). The mean asks whether, taken together, the pairs say "the
     * same person" more than "two people"; asking that they say it as surely as one joining pair must (a fixed join
     * of 3.0 is probability 0.89) refused true joins of one person's records held by agencies that record different
     * fields, and cost the people build 0.65 points of recall at 5,000 people with no gain in precision
     * (docs/people.md). Batch clustering and incremental resolution apply the same bar.
     */
    public static double averageBar(double join) {
        return Math.min(join, 0.0);
    }
}
