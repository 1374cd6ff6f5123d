package org.threadline.linkage.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Estimates the prior λ (probability that two random records match) from deterministic rules, as Splink's
 * {@code estimate_probability_two_random_records_match} does:
 * {@code λ = (pairs meeting the rules / assumed recall of the rules) / total possible pairs}, where the total for
 * {@code N} records deduplicated is {@code N(N-1)/2}. The result is clamped into {@code [1e-10, 1 - 1e-10]} so that
 * the prior weight stays finite; the estimate says when it was clamped.
 */
public final class PriorEstimator {

    static final double MIN = 1e-10;
    static final double MAX = 1 - 1e-10;

    /** The prior and how it was reached. */
    public record PriorEstimate(double lambda, long pairsMeetingRules, double recall, double totalPairs,
            List<String> reasons) {
        public PriorEstimate {
            reasons = List.copyOf(reasons);
        }
    }

    private PriorEstimator() {
    }

    /** {@code N(N-1)/2}, as a double so that a few million records do not overflow anything downstream. */
    public static double totalPairs(long recordCount) {
        return recordCount * (recordCount - 1.0) / 2.0;
    }

    public static PriorEstimate estimate(long pairsMeetingRules, double recall, double totalPairs) {
        if (pairsMeetingRules < 0 || !(recall > 0 && recall <= 1) || !(totalPairs > 0)) {
            throw new IllegalArgumentException("need pairsMeetingRules >= 0, recall in (0, 1] and totalPairs > 0; got "
                    + pairsMeetingRules + ", " + recall + ", " + totalPairs);
        }
        List<String> reasons = new ArrayList<>();
        double raw = pairsMeetingRules / recall / totalPairs;
        reasons.add(String.format("λ = (%d / %.4f) / %.6g = %.6g", pairsMeetingRules, recall, totalPairs, raw));
        double lambda = raw;
        if (raw < MIN) {
            lambda = MIN;
            reasons.add("clamped up to " + MIN + " (no pairs, or too few, met the rules)");
        } else if (raw > MAX) {
            lambda = MAX;
            reasons.add("clamped down to " + MAX + " (the rules match more pairs than plausible)");
        }
        return new PriorEstimate(lambda, pairsMeetingRules, recall, totalPairs, reasons);
    }

    /**
     * λ from the scored candidate pairs once m and u are trained: the fixed point of
     * {@code λ = Σ over pairs of probability(w + log2(λ/(1-λ))) / totalPairs}, where {@code w} is each pair's match
     * weight without the prior. It is the E-step of EM with m and u held, over every candidate pair, scored as
     * prediction will score them (term frequencies included); the prior is the probability that two <em>random</em>
     * records match, so the Bayes factors of the fields a pair was blocked on stay in each pair's weight, and the
     * expected matches are divided by all possible pairs. Matches that blocking never produced are not counted, so
     * this is a lower bound. Weights are binned to 1/64 bit so each iteration costs the bins, not the pairs.
     *
     * @param weightsWithoutPrior each candidate pair's match weight with a prior weight of 0 (NaN not allowed)
     * @param totalPairs          all possible pairs ({@link #totalPairs} for deduplication)
     * @param start               where to start, in (0, 1)
     */
    public static double fromScoredPairs(double[] weightsWithoutPrior, double totalPairs, double start) {
        if (!(totalPairs > 0) || totalPairs < weightsWithoutPrior.length) {
            throw new IllegalArgumentException("totalPairs must be positive and at least the pairs scored, got "
                    + totalPairs);
        }
        if (weightsWithoutPrior.length == 0) {
            return clamp(start);
        }
        java.util.TreeMap<Long, long[]> bins = new java.util.TreeMap<>();
        for (double w : weightsWithoutPrior) {
            if (Double.isNaN(w)) {
                throw new IllegalArgumentException("a pair has a NaN weight");
            }
            long bin = Double.isInfinite(w) ? (w > 0 ? Long.MAX_VALUE : Long.MIN_VALUE) : Math.round(w * 64);
            bins.computeIfAbsent(bin, k -> new long[1])[0]++;
        }
        double[] weight = new double[bins.size()];
        double[] count = new double[bins.size()];
        int k = 0;
        for (var e : bins.entrySet()) {
            long bin = e.getKey();
            weight[k] = bin == Long.MAX_VALUE ? Double.POSITIVE_INFINITY
                    : bin == Long.MIN_VALUE ? Double.NEGATIVE_INFINITY : bin / 64.0;
            count[k++] = e.getValue()[0];
        }
        double lambda = clamp(start);
        for (int iteration = 0; iteration < 1000; iteration++) {
            double prior = MatchWeights.weightOf(lambda);
            double sum = 0;
            for (int i = 0; i < weight.length; i++) {
                sum += count[i] * MatchWeights.probability(weight[i] + prior);
            }
            double next = clamp(sum / totalPairs);
            boolean done = Math.abs(next - lambda) <= 1e-9 * lambda;
            lambda = next;
            if (done) {
                break;
            }
        }
        return lambda;
    }

    private static double clamp(double p) {
        return Math.min(MAX, Math.max(MIN, p));
    }
}
