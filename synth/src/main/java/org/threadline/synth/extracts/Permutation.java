package org.threadline.synth.extracts;

/**
 * A keyed bijection of {@code [0, size)}: a four-round Feistel network with cycle walking. Record keys are made
 * from it so that they are unique yet reveal nothing (neither the true person nor which records share a family):
 * a key that leaked the lineage would let linkage cheat.
 */
final class Permutation {
    private final long size;
    private final int halfBits;
    private final long mask;
    private final long[] roundKeys = new long[4];

    Permutation(long seed, String purpose, long size) {
        if (size < 2) {
            throw new IllegalArgumentException("size must be at least 2");
        }
        this.size = size;
        int bits = 64 - Long.numberOfLeadingZeros(size - 1);
        this.halfBits = (bits + 1) / 2;
        this.mask = (1L << halfBits) - 1;
        long k = seed ^ purpose.hashCode() * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < 4; i++) {
            k = mix(k + 0x632BE59BD9B4E019L * (i + 1));
            roundKeys[i] = k;
        }
    }

    long apply(long x) {
        if (x < 0 || x >= size) {
            throw new IllegalArgumentException(x + " is outside [0, " + size + ")");
        }
        long y = x;
        do {
            y = feistel(y);
        } while (y >= size);
        return y;
    }

    private long feistel(long x) {
        long left = x >>> halfBits;
        long right = x & mask;
        for (long key : roundKeys) {
            long next = left ^ (mix(right ^ key) & mask);
            left = right;
            right = next;
        }
        return (left << halfBits) | right;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
