package org.threadline.linkage.scoring;

import java.util.concurrent.ForkJoinPool;

/**
 * Scores every pair of a {@link ComparisonVectors} batch into match weights, in parallel over fixed pair ranges.
 * Each pair's weight is computed independently in the same order of additions, so the result is identical whatever
 * the pool's parallelism.
 */
public final class Scorer {

    private final ForkJoinPool pool;

    /** @param pool the pool that runs the pair ranges; the caller owns it (and decides how many cores it gets). */
    public Scorer(ForkJoinPool pool) {
        this.pool = pool;
    }

    /** Match weights of all pairs, index-aligned with the batch. */
    public double[] score(MatchWeights weights, ComparisonVectors vectors) {
        weights.requireCompatible(vectors);
        double[] out = new double[vectors.pairCount()];
        PairRanges.forEachChunk(pool, vectors.pairCount(), (chunk, from, to) -> scoreRange(weights, vectors, from, to,
                out));
        return out;
    }

    /** Match probabilities for the given weights. */
    public static double[] probabilities(double[] weights) {
        double[] p = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            p[i] = MatchWeights.probability(weights[i]);
        }
        return p;
    }

    /** Scores pairs {@code [from, to)} on the calling thread into {@code out}. */
    public static void scoreRange(MatchWeights weights, ComparisonVectors vectors, int from, int to, double[] out) {
        weights.requireCompatible(vectors);
        final int cc = weights.comparisonCount();
        final byte[] levels = vectors.levels();
        final double[] table = weights.log2BayesFactor;
        final double prior = weights.priorWeight();
        if (weights.anyTf && vectors.hasTermFrequencies()) {
            scoreRangeWithTf(weights, vectors, from, to, out);
            return;
        }
        for (int p = from; p < to; p++) {
            int base = p * cc;
            double w = prior;
            for (int c = 0; c < cc; c++) {
                w += table[(c << 8) | (levels[base + c] & 0xFF)];
            }
            if (w != w) {
                throw unknownLevel(weights, vectors, p);
            }
            out[p] = w;
        }
    }

    private static void scoreRangeWithTf(MatchWeights weights, ComparisonVectors vectors, int from, int to,
            double[] out) {
        final int cc = weights.comparisonCount();
        final byte[] levels = vectors.levels();
        final double[] tfs = vectors.termFrequencies();
        final double[] table = weights.log2BayesFactor;
        final double[] tfTable = weights.log2MForTf;
        final double prior = weights.priorWeight();
        for (int p = from; p < to; p++) {
            int base = p * cc;
            double w = prior;
            for (int c = 0; c < cc; c++) {
                int slot = (c << 8) | (levels[base + c] & 0xFF);
                double tf = tfs[base + c];
                double log2M = tfTable[slot];
                // Same expression as MatchWeights.contribution, so explanation and scorer agree to the bit.
                w += (tf == tf && log2M == log2M) ? log2M - MatchWeights.log2(tf) : table[slot];
            }
            if (w != w) {
                throw unknownLevel(weights, vectors, p);
            }
            out[p] = w;
        }
    }

    private static IllegalArgumentException unknownLevel(MatchWeights weights, ComparisonVectors v, int p) {
        StringBuilder s = new StringBuilder("pair " + p + " has a level the model does not define: levels ");
        for (int c = 0; c < weights.comparisonCount(); c++) {
            s.append(c == 0 ? "[" : ", ").append(v.level(p, c)).append('/')
                    .append(weights.parameters().levelCount(c));
        }
        return new IllegalArgumentException(s.append(']').toString());
    }
}
