package org.threadline.linkage.scoring;

import java.util.random.RandomGenerator;

/** Test fixture: comparison vectors drawn from known m, u and λ with a seeded generator. */
final class SyntheticPairs {

    private SyntheticPairs() {
    }

    /**
     * Each pair is a match with probability {@code lambda}; each comparison is null with probability
     * {@code nullRate}, else its level is drawn from m (match) or u (non-match) over levels 1..L-1.
     */
    static ComparisonVectors draw(RandomGenerator random, int pairs, double[][] m, double[][] u, double lambda,
            double nullRate) {
        int cc = m.length;
        byte[] levels = new byte[pairs * cc];
        int[] left = new int[pairs];
        int[] right = new int[pairs];
        for (int p = 0; p < pairs; p++) {
            boolean match = random.nextDouble() < lambda;
            left[p] = 2 * p;
            right[p] = 2 * p + 1;
            for (int c = 0; c < cc; c++) {
                levels[p * cc + c] = random.nextDouble() < nullRate ? 0
                        : (byte) drawLevel(random, match ? m[c] : u[c]);
            }
        }
        return ComparisonVectors.of(cc, levels, left, right);
    }

    private static int drawLevel(RandomGenerator random, double[] probabilities) {
        double x = random.nextDouble();
        double cumulative = 0;
        for (int l = 1; l < probabilities.length; l++) {
            cumulative += probabilities[l];
            if (x < cumulative) {
                return l;
            }
        }
        return probabilities.length - 1;
    }

    /** Random parameters for {@code cc} comparisons of 2..5 non-null levels: m rises and u falls up the ladder. */
    static ModelParameters ladder(RandomGenerator random, int cc, double lambda) {
        double[][] m = new double[cc][];
        double[][] u = new double[cc][];
        for (int c = 0; c < cc; c++) {
            int levels = 3 + random.nextInt(4);
            m[c] = sortedDistribution(random, levels, true);
            u[c] = sortedDistribution(random, levels, false);
        }
        return ModelParameters.of(m, u, lambda);
    }

    private static double[] sortedDistribution(RandomGenerator random, int levels, boolean rising) {
        double[] raw = new double[levels - 1];
        double sum = 0;
        for (int i = 0; i < raw.length; i++) {
            raw[i] = 0.05 + random.nextDouble();
            sum += raw[i];
        }
        java.util.Arrays.sort(raw);
        double[] out = new double[levels];
        out[0] = 1;
        for (int i = 0; i < raw.length; i++) {
            double v = raw[rising ? i : raw.length - 1 - i] / sum;
            out[i + 1] = v;
        }
        // Break ties so that "rising" and "falling" are strict.
        for (int l = 2; l < levels; l++) {
            if (rising ? out[l] <= out[l - 1] : out[l] >= out[l - 1]) {
                out[l] = rising ? Math.nextUp(out[l - 1]) : Math.nextDown(out[l - 1]);
            }
        }
        return out;
    }
}
