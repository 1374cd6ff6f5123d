package org.threadline.linkage.evaluation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Pairwise quality of scored candidate pairs against truth.
 *
 * <p>True pairs are counted from the truth alone (every pair of records of one true entity, or for linking two
 * sources every cross-source pair), so a true pair that blocking never produced counts as missed.
 *
 * @param threshold        the match weight at or above which a pair is predicted a match
 * @param truePositives    predicted pairs that are true
 * @param falsePositives   predicted pairs that are not
 * @param falseNegatives   true pairs not predicted
 * @param precision        TP / (TP + FP), 1 when nothing is predicted
 * @param recall           TP / (TP + FN), 1 when there are no true pairs
 * @param f1               harmonic mean of precision and recall
 */
public record PairwiseMetrics(double threshold, long truePositives, long falsePositives, long falseNegatives,
                              double precision, double recall, double f1) {

    static PairwiseMetrics of(double threshold, long tp, long fp, long fn) {
        double p = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        double r = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new PairwiseMetrics(threshold, tp, fp, fn, p, r, f);
    }

    /** The metrics at {@code threshold}. */
    public static PairwiseMetrics at(double threshold, int[] left, int[] right, double[] weights, int[] truth,
                                     int[] sources, boolean linkOnly) {
        long tp = 0;
        long fp = 0;
        for (int p = 0; p < weights.length; p++) {
            if (weights[p] >= threshold) {
                if (truth[left[p]] == truth[right[p]]) {
                    tp++;
                } else {
                    fp++;
                }
            }
        }
        return of(threshold, tp, fp, truePairs(truth, sources, linkOnly) - tp);
    }

    /** The threshold (among the scored weights) that maximises F1, with its metrics. */
    public static PairwiseMetrics best(int[] left, int[] right, double[] weights, int[] truth, int[] sources,
                                       boolean linkOnly) {
        long total = truePairs(truth, sources, linkOnly);
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(weights[b], weights[a]));
        PairwiseMetrics best = of(Double.POSITIVE_INFINITY, 0, 0, total);
        long tp = 0;
        long fp = 0;
        for (int i = 0; i < order.length; i++) {
            int p = order[i];
            if (truth[left[p]] == truth[right[p]]) {
                tp++;
            } else {
                fp++;
            }
            boolean lastOfWeight = i + 1 == order.length || weights[order[i + 1]] != weights[p];
            if (lastOfWeight) {
                PairwiseMetrics m = of(weights[p], tp, fp, total - tp);
                if (m.f1() > best.f1()) {
                    best = m;
                }
            }
        }
        return best;
    }

    /** The number of true pairs: same truth id (and, for linking, different sources). */
    public static long truePairs(int[] truth, int[] sources, boolean linkOnly) {
        Map<Integer, long[]> counts = new HashMap<>();
        for (int r = 0; r < truth.length; r++) {
            counts.computeIfAbsent(truth[r], k -> new long[2])[linkOnly ? Math.min(1, sources[r]) : 0]++;
        }
        long pairs = 0;
        for (long[] c : counts.values()) {
            pairs += linkOnly ? c[0] * c[1] : c[0] * (c[0] - 1) / 2;
        }
        return pairs;
    }
}
