package org.threadline.linkage.scoring;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Splits {@code [0, pairCount)} into fixed-size chunks and runs them on a pool. Chunk boundaries depend only on the
 * pair count, never on the number of threads, so any per-chunk sums combined in chunk order are reproducible.
 */
final class PairRanges {

    static final int CHUNK = 1 << 15;

    interface ChunkBody {
        void run(int chunk, int from, int to);
    }

    private PairRanges() {
    }

    static int chunkCount(int pairCount) {
        return (pairCount + CHUNK - 1) / CHUNK;
    }

    static void forEachChunk(ForkJoinPool pool, int pairCount, ChunkBody body) {
        int chunks = chunkCount(pairCount);
        if (chunks == 0) {
            return;
        }
        if (chunks == 1 || pool.getParallelism() == 1) {
            for (int k = 0; k < chunks; k++) {
                body.run(k, k * CHUNK, Math.min(pairCount, (k + 1) * CHUNK));
            }
            return;
        }
        pool.invoke(new Span(0, chunks, pairCount, body));
    }

    private static final class Span extends RecursiveAction {
        private final int fromChunk;
        private final int toChunk;
        private final int pairCount;
        private final ChunkBody body;

        Span(int fromChunk, int toChunk, int pairCount, ChunkBody body) {
            this.fromChunk = fromChunk;
            this.toChunk = toChunk;
            this.pairCount = pairCount;
            this.body = body;
        }

        @Override
        protected void compute() {
            if (toChunk - fromChunk == 1) {
                body.run(fromChunk, fromChunk * CHUNK, Math.min(pairCount, (fromChunk + 1) * CHUNK));
                return;
            }
            int mid = (fromChunk + toChunk) >>> 1;
            invokeAll(new Span(fromChunk, mid, pairCount, body), new Span(mid, toChunk, pairCount, body));
        }
    }
}
