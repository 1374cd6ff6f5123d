package org.threadline.synth.places;

/**
 * Stateless integer hashing. The gazetteer derives everything about an address from its number and the seed, so it needs
 * well-mixed bits from (number, seed, purpose) rather than a stream of random numbers.
 */
final class Mixing {

    private Mixing() {
    }

    /** The SplitMix64 finaliser: a bijection on longs that spreads every input bit over every output bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A hash of a value under a seed, salted per purpose so that different decisions are independent. */
    static long hash(long value, long seed, long salt) {
        return mix(mix(value + 0x9E3779B97F4A7C15L * salt) ^ mix(seed + 0xD1B54A32D192ED03L * (salt + 1)));
    }

    /** A uniform double in [0, 1) from a hash. */
    static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    /** A uniform index in [0, bound) from a hash. */
    static int index(long hash, int bound) {
        return (int) Math.floorMod(hash, (long) bound);
    }
}
