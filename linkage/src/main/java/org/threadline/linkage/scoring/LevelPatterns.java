package org.threadline.linkage.scoring;

import java.util.Arrays;
import java.util.Optional;

/**
 * The distinct comparison vectors of a batch and how many pairs share each, as Splink groups by the gamma columns
 * before EM. Posteriors depend only on the levels, so EM over patterns weighted by their counts is the same
 * computation as EM over pairs, on a few thousand rows instead of millions.
 *
 * <p>Patterns are keyed by a mixed-radix number over the comparisons' level counts and ordered by that key, so the
 * result does not depend on pair order.
 */
final class LevelPatterns {

    /** Patterns row-major, {@code size × comparisonCount}. */
    final byte[] levels;
    /** Pairs per pattern. */
    final double[] counts;
    final int size;

    private LevelPatterns(byte[] levels, double[] counts) {
        this.levels = levels;
        this.counts = counts;
        this.size = counts.length;
    }

    /** Empty when the level counts' product does not fit a long key (then EM runs pair by pair). */
    static Optional<LevelPatterns> of(ComparisonVectors v, ModelParameters model) {
        int cc = model.comparisonCount();
        long[] radix = new long[cc];
        long space = 1;
        for (int c = cc - 1; c >= 0; c--) {
            radix[c] = space;
            if (space > Long.MAX_VALUE / model.levelCount(c)) {
                return Optional.empty();
            }
            space *= model.levelCount(c);
        }
        LongCounts table = new LongCounts();
        byte[] lv = v.levels();
        for (int p = 0; p < v.pairCount(); p++) {
            long key = 0;
            int base = p * cc;
            for (int c = 0; c < cc; c++) {
                key += (lv[base + c] & 0xFF) * radix[c];
            }
            table.increment(key);
        }
        long[] keys = table.keys();
        Arrays.sort(keys);
        byte[] levels = new byte[keys.length * cc];
        double[] counts = new double[keys.length];
        for (int k = 0; k < keys.length; k++) {
            counts[k] = table.get(keys[k]);
            long rest = keys[k];
            for (int c = 0; c < cc; c++) {
                levels[k * cc + c] = (byte) (rest / radix[c]);
                rest %= radix[c];
            }
        }
        return Optional.of(new LevelPatterns(levels, counts));
    }

    /** Open-addressing long → count map; keys are stored plus one so that 0 marks an empty slot. */
    private static final class LongCounts {
        private long[] slots = new long[1 << 10];
        private long[] values = new long[1 << 10];
        private int used;

        void increment(long key) {
            int i = find(key);
            if (slots[i] == 0) {
                slots[i] = key + 1;
                used++;
                values[i] = 1;
                if (used * 2 > slots.length) {
                    grow();
                }
            } else {
                values[i]++;
            }
        }

        long get(long key) {
            return values[find(key)];
        }

        long[] keys() {
            long[] out = new long[used];
            int k = 0;
            for (long s : slots) {
                if (s != 0) {
                    out[k++] = s - 1;
                }
            }
            return out;
        }

        private int find(long key) {
            int mask = slots.length - 1;
            int i = (int) (mix(key) & mask);
            while (slots[i] != 0 && slots[i] != key + 1) {
                i = (i + 1) & mask;
            }
            return i;
        }

        private void grow() {
            long[] oldSlots = slots;
            long[] oldValues = values;
            slots = new long[oldSlots.length * 2];
            values = new long[oldSlots.length * 2];
            for (int j = 0; j < oldSlots.length; j++) {
                if (oldSlots[j] != 0) {
                    int i = find(oldSlots[j] - 1);
                    slots[i] = oldSlots[j];
                    values[i] = oldValues[j];
                }
            }
        }

        private static long mix(long x) {
            x ^= x >>> 33;
            x *= 0xff51afd7ed558ccdL;
            x ^= x >>> 33;
            return x;
        }
    }
}
