package org.threadline.linkage.scoring;

import java.util.TreeMap;

/**
 * The join threshold a trained model would choose for itself: the match weight that maximises its own expected
 * pairwise F1 over the scored candidate pairs, counting each pair as a match with its predicted probability
 * {@code p = 2^w / (1 + 2^w)}. With {@code T(t) = Σ_{w ≥ t} p}, {@code N(t) = #{w ≥ t}} and {@code M = Σ p} over all
 * pairs, the expected F1 is approximated by {@code 2 T(t) / (N(t) + M)}. No truth is used: if the model is calibrated
 * this lands where the true F1 peaks, near probability ½ (the optimum of F1 is at {@code p = F1/2}); if the model is
 * over- or under-confident the threshold moves with it, as a fixed weight would not.
 *
 * <p>Weights are grouped into bins of 1/64 bit (each bin remembers its lowest weight), so the search costs the bins,
 * not a sort of every pair.
 */
public final class ExpectedF1 {

    private ExpectedF1() {
    }

    /** The chosen threshold and the expected F1 there. */
    public record Choice(double threshold, double expectedF1) {
    }

    /**
     * @param weights each candidate pair's match weight (prior included); NaN not allowed
     * @return the lowest weight of the best prefix of pairs (so {@code weight >= threshold} selects exactly it), or
     *         {@code fallback} with expected F1 0 when there are no pairs
     */
    public static Choice bestThreshold(double[] weights, double fallback) {
        TreeMap<Long, double[]> bins = new TreeMap<>(); // key: bin; value: {count, Σ p, lowest weight}
        double expectedMatches = 0;
        for (double w : weights) {
            if (Double.isNaN(w)) {
                throw new IllegalArgumentException("a pair has a NaN weight");
            }
            long bin = Double.isInfinite(w) ? (w > 0 ? Long.MAX_VALUE : Long.MIN_VALUE) : (long) Math.floor(w * 64);
            double p = MatchWeights.probability(w);
            double[] b = bins.computeIfAbsent(bin, k -> new double[] {0, 0, Double.POSITIVE_INFINITY});
            b[0]++;
            b[1] += p;
            b[2] = Math.min(b[2], w);
            expectedMatches += p;
        }
        Choice best = new Choice(fallback, 0);
        double n = 0;
        double t = 0;
        for (double[] b : bins.descendingMap().values()) {
            n += b[0];
            t += b[1];
            double f1 = 2 * t / (n + expectedMatches);
            if (f1 > best.expectedF1()) {
                best = new Choice(b[2], f1);
            }
        }
        return best;
    }
}
