package org.threadline.synth.names;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.random.RandomGenerator;

/**
 * Walker's alias method: after O(n) set-up, each weighted draw costs one random double and one array look-up, whatever n is.
 * Immutable after construction, so one table is shared by every generator thread.
 */
final class AliasTable {

    private final double[] probability;
    private final int[] alias;

    AliasTable(double[] weights) {
        int n = weights.length;
        if (n == 0) {
            throw new IllegalArgumentException("an alias table needs at least one weight");
        }
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weights must be finite and non-negative: " + w);
            }
            total += w;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("weights must not all be zero");
        }
        probability = new double[n];
        alias = new int[n];
        double[] scaled = new double[n];
        Deque<Integer> small = new ArrayDeque<>();
        Deque<Integer> large = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / total;
            (scaled[i] < 1.0 ? small : large).push(i);
        }
        while (!small.isEmpty() && !large.isEmpty()) {
            int s = small.pop();
            int l = large.pop();
            probability[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1.0;
            (scaled[l] < 1.0 ? small : large).push(l);
        }
        // Whatever is left is 1.0 up to rounding error.
        while (!large.isEmpty()) {
            probability[large.pop()] = 1.0;
        }
        while (!small.isEmpty()) {
            probability[small.pop()] = 1.0;
        }
    }

    /** Draws an index with probability proportional to its weight. */
    int sample(RandomGenerator r) {
        int column = r.nextInt(probability.length);
        return r.nextDouble() < probability[column] ? column : alias[column];
    }

    int size() {
        return probability.length;
    }
}
