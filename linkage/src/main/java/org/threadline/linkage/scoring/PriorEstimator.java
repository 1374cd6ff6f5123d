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
}
