package org.threadline.linkage.evaluation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Cluster quality against truth.
 *
 * @param bCubedPrecision  mean over records of the share of its predicted cluster that is truly the same entity
 * @param bCubedRecall     mean over records of the share of its true entity that its predicted cluster holds
 * @param bCubedF1         their harmonic mean
 * @param clusters         predicted clusters (including singletons)
 * @param overMerged       predicted clusters holding records of more than one true entity
 * @param impliedPairs     pairwise metrics of the pairs implied by the clusters (every pair within a cluster)
 */
public record ClusterMetrics(double bCubedPrecision, double bCubedRecall, double bCubedF1, int clusters,
                             int overMerged, PairwiseMetrics impliedPairs) {

    /**
     * @param predicted the predicted cluster id of each record
     * @param truth     the true entity id of each record
     */
    public static ClusterMetrics of(int[] predicted, int[] truth) {
        Map<Long, Integer> both = new HashMap<>();
        Map<Integer, Integer> predictedSize = new HashMap<>();
        Map<Integer, Integer> truthSize = new HashMap<>();
        Map<Integer, Set<Integer>> entitiesIn = new HashMap<>();
        for (int r = 0; r < predicted.length; r++) {
            both.merge(((long) predicted[r] << 32) | (truth[r] & 0xFFFFFFFFL), 1, Integer::sum);
            predictedSize.merge(predicted[r], 1, Integer::sum);
            truthSize.merge(truth[r], 1, Integer::sum);
            entitiesIn.computeIfAbsent(predicted[r], k -> new HashSet<>()).add(truth[r]);
        }
        double precision = 0;
        double recall = 0;
        long tp = 0;
        for (var e : both.entrySet()) {
            int p = (int) (e.getKey() >>> 32);
            int t = (int) (long) e.getKey();
            long n = e.getValue();
            precision += (double) n * n / predictedSize.get(p);
            recall += (double) n * n / truthSize.get(t);
            tp += n * (n - 1) / 2;
        }
        precision /= predicted.length;
        recall /= predicted.length;
        long predictedPairs = 0;
        for (int s : predictedSize.values()) {
            predictedPairs += (long) s * (s - 1) / 2;
        }
        long truePairs = 0;
        for (int s : truthSize.values()) {
            truePairs += (long) s * (s - 1) / 2;
        }
        int overMerged = 0;
        for (Set<Integer> entities : entitiesIn.values()) {
            overMerged += entities.size() > 1 ? 1 : 0;
        }
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClusterMetrics(precision, recall, f1, predictedSize.size(), overMerged,
                PairwiseMetrics.of(Double.NaN, tp, predictedPairs - tp, truePairs - tp));
    }
}
