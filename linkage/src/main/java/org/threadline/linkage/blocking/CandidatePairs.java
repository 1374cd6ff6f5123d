package org.threadline.linkage.blocking;

/**
 * Candidate pairs as two parallel int arrays of record indices (left &lt; right for deduplication; left from the
 * first source for linking two files), plus the rule that found each pair, and each record's key under each rule
 * ({@link Blocker#NO_KEY} when it has none), so that training can tell every rule a pair meets without hashing the
 * records again.
 */
public record CandidatePairs(int[] left, int[] right, byte[] rule, int size, int[][] keys) {

    /** Whether pair {@code pair} meets rule {@code r} (its records share a key under it), whichever rule found it. */
    public boolean meets(int pair, int r) {
        int k = keys[r][left[pair]];
        return k != Blocker.NO_KEY && k == keys[r][right[pair]];
    }

    public int left(int pair) {
        return left[pair];
    }

    public int right(int pair) {
        return right[pair];
    }
}
