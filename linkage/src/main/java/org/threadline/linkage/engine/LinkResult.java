package org.threadline.linkage.engine;

import java.util.List;
import java.util.Map;
import org.threadline.linkage.blocking.CandidatePairs;
import org.threadline.linkage.clustering.Clustering;
import org.threadline.linkage.model.LinkageModel;

/**
 * What a linkage run produced.
 *
 * @param model      the model used (trained in this run, or as given)
 * @param pairs      the candidate pairs scored
 * @param weights    the match weight of each pair
 * @param clustering clusters (join threshold), their states (fracture check) and the review band
 * @param millis     wall time of each phase, in order: blocking, comparing, training, scoring, clustering
 * @param warnings   what training or blocking wants a person to know
 */
public record LinkResult(LinkageModel model, CandidatePairs pairs, double[] weights, Clustering clustering,
                         Map<String, Long> millis, List<String> warnings) {
}
