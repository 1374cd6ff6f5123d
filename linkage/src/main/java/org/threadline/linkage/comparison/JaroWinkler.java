package org.threadline.linkage.comparison;

/**
 * Jaro-Winkler similarity, the workhorse fuzzy comparison for names.
 *
 * <p>Gives the same value as Apache commons-text's {@code JaroWinklerSimilarity} (and so as Splink's
 * {@code JaroWinklerAtThresholds} on its DuckDB backend for ordinary names): Winkler's prefix scale 0.1, a common
 * prefix of at most 4 characters, and the prefix boost applied only when the Jaro similarity is at least 0.7.
 * Characters are compared exactly, so callers standardise case beforehand.
 *
 * <p>Own implementation rather than commons-text because this is the hot path: for strings of up to 64
 * characters (every real name) the match flags live in two {@code long} bit sets and nothing is allocated.
 * Longer strings fall back to arrays.
 */
public final class JaroWinkler {

    /** Winkler's prefix scale: each agreeing leading character closes 10% of the remaining gap. */
    private static final double PREFIX_SCALE = 0.1;
    /** Winkler's prefix boost only applies to pairs already this similar. */
    private static final double BOOST_THRESHOLD = 0.7;
    private static final int MAX_PREFIX = 4;
    private static final int BITS = 64;

    private JaroWinkler() {
    }

    /**
     * Returns the Jaro-Winkler similarity of two strings, in [0, 1]; 1 when they are equal (including both
     * empty), 0 when they share no characters within the matching window.
     */
    public static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        // commons-text scans the shorter string against the longer one; for equal lengths the second is "longer".
        String shorter = a.length() > b.length() ? b : a;
        String longer = a.length() > b.length() ? a : b;
        if (shorter.isEmpty()) {
            return 0.0;
        }
        long matchesAndTranspositions = longer.length() <= BITS
                ? matchWithBits(shorter, longer)
                : matchWithArrays(shorter, longer);
        int matches = (int) (matchesAndTranspositions >>> 32);
        if (matches == 0) {
            return 0.0;
        }
        int halfTranspositions = (int) matchesAndTranspositions;
        double m = matches;
        double jaro = (m / shorter.length() + m / longer.length() + (m - halfTranspositions / 2.0) / m) / 3.0;
        if (jaro < BOOST_THRESHOLD) {
            return jaro;
        }
        return jaro + PREFIX_SCALE * commonPrefix(a, b) * (1.0 - jaro);
    }

    private static int commonPrefix(String a, String b) {
        int limit = Math.min(MAX_PREFIX, Math.min(a.length(), b.length()));
        int prefix = 0;
        while (prefix < limit && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return prefix;
    }

    private static int window(String longer) {
        return Math.max(longer.length() / 2 - 1, 0);
    }

    /** Matches and half-transpositions packed into one long (high and low int), for strings of up to 64 chars. */
    private static long matchWithBits(String shorter, String longer) {
        int range = window(longer);
        long shorterFlags = 0L;
        long longerFlags = 0L;
        int matches = 0;
        for (int i = 0; i < shorter.length(); i++) {
            char c = shorter.charAt(i);
            for (int j = Math.max(i - range, 0), end = Math.min(i + range + 1, longer.length()); j < end; j++) {
                if ((longerFlags & (1L << j)) == 0 && c == longer.charAt(j)) {
                    shorterFlags |= 1L << i;
                    longerFlags |= 1L << j;
                    matches++;
                    break;
                }
            }
        }
        // Walk both sets of matched characters in order; each disagreement is half a transposition.
        int halfTranspositions = 0;
        while (shorterFlags != 0) {
            int i = Long.numberOfTrailingZeros(shorterFlags);
            int j = Long.numberOfTrailingZeros(longerFlags);
            if (shorter.charAt(i) != longer.charAt(j)) {
                halfTranspositions++;
            }
            shorterFlags &= shorterFlags - 1;
            longerFlags &= longerFlags - 1;
        }
        return ((long) matches << 32) | halfTranspositions;
    }

    /** The same algorithm for strings too long for a bit set; rare, so it may allocate. */
    private static long matchWithArrays(String shorter, String longer) {
        int range = window(longer);
        boolean[] shorterFlags = new boolean[shorter.length()];
        boolean[] longerFlags = new boolean[longer.length()];
        int matches = 0;
        for (int i = 0; i < shorter.length(); i++) {
            char c = shorter.charAt(i);
            for (int j = Math.max(i - range, 0), end = Math.min(i + range + 1, longer.length()); j < end; j++) {
                if (!longerFlags[j] && c == longer.charAt(j)) {
                    shorterFlags[i] = true;
                    longerFlags[j] = true;
                    matches++;
                    break;
                }
            }
        }
        int halfTranspositions = 0;
        for (int i = 0, j = 0; i < shorter.length(); i++) {
            if (shorterFlags[i]) {
                while (!longerFlags[j]) {
                    j++;
                }
                if (shorter.charAt(i) != longer.charAt(j)) {
                    halfTranspositions++;
                }
                j++;
            }
        }
        return ((long) matches << 32) | halfTranspositions;
    }
}
