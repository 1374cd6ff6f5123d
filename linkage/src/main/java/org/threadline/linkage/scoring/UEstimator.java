package org.threadline.linkage.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Estimates u probabilities from randomly sampled record pairs, as Splink's
 * {@code estimate_u_using_random_sampling} does: almost every random pair is a non-match, so the share of random pairs
 * at each level estimates P(level | non-match).
 *
 * <p>Smoothing (Laplace, add-one): for comparison c with {@code L} non-null levels and {@code n} sampled pairs whose
 * level is not null, {@code u[c][l] = (count[c][l] + 1) / (n + L)}. No u is ever 0 (a level the sample never saw
 * would otherwise give an infinite Bayes factor), the non-null u still sum to 1, and with a large sample the
 * correction is negligible. Null-level pairs are left out of the denominator because the null level carries no
 * evidence and has no u.
 */
public final class UEstimator {

    /** Supplies a batch of comparison vectors for {@code sampleSize} random record pairs drawn with {@code random}. */
    @FunctionalInterface
    public interface RandomPairSampler {
        ComparisonVectors sample(RandomGenerator random, int sampleSize);
    }

    /**
     * u per comparison and level ({@code u[c][0] = 1} for the null level), the raw level counts behind them, the
     * number of pairs sampled, and warnings (levels never seen, comparisons always null).
     */
    public record UEstimate(double[][] u, long[][] counts, int pairsSampled, List<String> warnings) {
        public UEstimate {
            warnings = List.copyOf(warnings);
        }
    }

    private final RandomPairSampler sampler;

    public UEstimator(RandomPairSampler sampler) {
        this.sampler = sampler;
    }

    /**
     * Samples pairs and counts levels.
     *
     * @param levelCounts number of levels (including the null level 0) of each comparison
     */
    public UEstimate estimate(RandomGenerator random, int sampleSize, int[] levelCounts) {
        if (sampleSize < 1) {
            throw new IllegalArgumentException("sampleSize must be positive, was " + sampleSize);
        }
        ComparisonVectors v = sampler.sample(random, sampleSize);
        if (v.comparisonCount() != levelCounts.length) {
            throw new IllegalArgumentException("sampler produced " + v.comparisonCount() + " comparisons, expected "
                    + levelCounts.length);
        }
        return fromCounts(count(v, levelCounts), v.pairCount());
    }

    /** u from already counted levels (exposed so that counts from several samples can be pooled). */
    public static UEstimate fromCounts(long[][] counts, int pairsSampled) {
        List<String> warnings = new ArrayList<>();
        double[][] u = new double[counts.length][];
        for (int c = 0; c < counts.length; c++) {
            int levels = counts[c].length;
            long nonNull = 0;
            for (int l = 1; l < levels; l++) {
                nonNull += counts[c][l];
            }
            u[c] = new double[levels];
            u[c][0] = 1.0;
            if (nonNull == 0) {
                warnings.add("comparison " + c + ": every sampled pair was null; u is uniform over its "
                        + (levels - 1) + " levels");
            }
            for (int l = 1; l < levels; l++) {
                if (counts[c][l] == 0 && nonNull > 0) {
                    warnings.add("comparison " + c + " level " + l + ": never seen in " + nonNull
                            + " non-null sampled pairs; u comes from smoothing alone");
                }
                u[c][l] = (counts[c][l] + 1.0) / (nonNull + (levels - 1.0));
            }
        }
        return new UEstimate(u, counts, pairsSampled, warnings);
    }

    static long[][] count(ComparisonVectors v, int[] levelCounts) {
        long[][] counts = new long[levelCounts.length][];
        for (int c = 0; c < levelCounts.length; c++) {
            counts[c] = new long[levelCounts[c]];
        }
        int cc = v.comparisonCount();
        for (int p = 0; p < v.pairCount(); p++) {
            for (int c = 0; c < cc; c++) {
                int l = v.level(p, c);
                if (l >= levelCounts[c]) {
                    throw new IllegalArgumentException("pair " + p + " comparison " + c + " has level " + l
                            + " but the comparison has " + levelCounts[c] + " levels");
                }
                counts[c][l]++;
            }
        }
        return counts;
    }
}
