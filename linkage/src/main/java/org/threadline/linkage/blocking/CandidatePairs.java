package org.threadline.linkage.blocking;

/**
 * Candidate pairs as two parallel int arrays of record indices (left &lt; right for deduplication; left from the
 * first source for linking two files), plus the rule that found each pair.
 */
public record CandidatePairs(int[] left, int[] right, byte[] rule, int size) {

    public int left(int pair) {
        return left[pair];
    }

    public int right(int pair) {
        return right[pair];
    }
}
