package org.threadline.linkage.engine;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.threadline.linkage.scoring.ComparisonVectors;

/** Builds the comparison vectors of a batch of pairs, in parallel over ranges of pairs. */
final class VectorBuilder {
    private static final int CHUNK = 16_384;

    private final List<CompiledComparison> comparisons;
    private final boolean anyTf;

    VectorBuilder(List<CompiledComparison> comparisons) {
        this.comparisons = comparisons;
        this.anyTf = comparisons.stream().anyMatch(CompiledComparison::termFrequencyAdjusted);
    }

    int[] levelCounts() {
        return comparisons.stream().mapToInt(CompiledComparison::levels).toArray();
    }

    ComparisonVectors build(int[] left, int[] right, int count, ForkJoinPool pool) {
        int c = comparisons.size();
        byte[] levels = new byte[count * c];
        double[] tf = anyTf ? new double[count * c] : new double[0];
        int chunks = (count + CHUNK - 1) / CHUNK;
        Runnable work = () -> IntStream.range(0, chunks).parallel().forEach(k -> {
            int to = Math.min(count, (k + 1) * CHUNK);
            for (int p = k * CHUNK; p < to; p++) {
                int a = left[p];
                int b = right[p];
                for (int j = 0; j < c; j++) {
                    CompiledComparison comparison = comparisons.get(j);
                    int level = comparison.levelOf(a, b);
                    levels[p * c + j] = (byte) level;
                    if (anyTf) {
                        tf[p * c + j] = comparison.termFrequency(level, a);
                    }
                }
            }
        });
        pool.submit(work).join();
        int[] l = left.length == count ? left : java.util.Arrays.copyOf(left, count);
        int[] r = right.length == count ? right : java.util.Arrays.copyOf(right, count);
        ComparisonVectors v = ComparisonVectors.of(c, levels, l, r);
        return anyTf ? v.withTermFrequencies(tf) : v;
    }
}
