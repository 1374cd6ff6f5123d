package org.threadline.linkage.comparison;

/**
 * Damerau-Levenshtein edit distance, <em>optimal string alignment</em> (OSA) variant: the fewest insertions,
 * deletions, substitutions and transpositions of adjacent characters that turn one string into the other, where
 * no substring is edited twice. So {@code CA -> AC} costs 1 but {@code CA -> ABC} costs 3 (the unrestricted
 * distance would say 2). OSA is what Splink's {@code DamerauLevenshteinAtThresholds} computes on DuckDB, and it
 * catches the typing errors a name field suffers (one slip, one swapped pair) at a fraction of the cost of the
 * unrestricted distance. It is symmetric but, unlike Levenshtein, does not obey the triangle inequality.
 *
 * <p>Characters are compared exactly, so callers standardise case beforehand. Nothing is allocated for strings
 * whose shorter side has at most 64 characters ({@link #distance} uses Hyyro's bit-parallel algorithm) or in
 * {@link #within} (a banded matrix in a per-thread scratch buffer).
 */
public final class DamerauLevenshtein {

    private static final int BITS = 64;
    private static final ThreadLocal<int[]> SCRATCH = ThreadLocal.withInitial(() -> new int[3 * 65]);

    private DamerauLevenshtein() {
    }

    /** Returns the OSA distance between two strings: 0 when equal, at most the longer length. */
    public static int distance(String a, String b) {
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        if (shorter.isEmpty()) {
            return longer.length();
        }
        return shorter.length() <= BITS ? bitParallel(shorter, longer) : fullMatrix(shorter, longer);
    }

    /**
     * Returns whether the OSA distance is at most {@code max}, stopping as soon as it cannot be: strings whose
     * lengths differ by more than {@code max} are rejected at once, only cells within {@code max} of the diagonal
     * are computed, and the scan stops at the first row whose every cell exceeds {@code max} (row minima never
     * fall). Agrees with {@code distance(a, b) <= max} for every input; a negative {@code max} is never met.
     */
    public static boolean within(String a, String b, int max) {
        if (max < 0 || Math.abs(a.length() - b.length()) > max) {
            return false;
        }
        // Columns run over the shorter string, so the scratch rows stay short.
        String rows = a.length() >= b.length() ? a : b;
        String cols = rows == a ? b : a;
        int n = cols.length();
        if (max >= rows.length()) {
            return true;
        }
        int stride = n + 1;
        int[] cells = scratch(3 * stride);
        int over = max + 1;
        int prevPrev = 0;
        int prev = stride;
        int cur = 2 * stride;
        for (int j = 0; j <= Math.min(n, max); j++) {
            cells[prev + j] = j;
        }
        if (max + 1 <= n) {
            cells[prev + max + 1] = over;
        }
        for (int i = 1; i <= rows.length(); i++) {
            int lo = Math.max(1, i - max);
            int hi = Math.min(n, i + max);
            cells[cur] = i <= max ? i : over;
            if (lo > 1) {
                cells[cur + lo - 1] = over;
            }
            int rowMin = cells[cur];
            char ri = rows.charAt(i - 1);
            for (int j = lo; j <= hi; j++) {
                char cj = cols.charAt(j - 1);
                int cost = ri == cj ? 0 : 1;
                int d = Math.min(Math.min(cells[prev + j] + 1, cells[cur + j - 1] + 1), cells[prev + j - 1] + cost);
                if (i > 1 && j > 1 && ri == cols.charAt(j - 2) && rows.charAt(i - 2) == cj) {
                    d = Math.min(d, cells[prevPrev + j - 2] + 1);
                }
                cells[cur + j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > max) {
                return false;
            }
            if (hi + 1 <= n) {
                cells[cur + hi + 1] = over;
            }
            int recycled = prevPrev;
            prevPrev = prev;
            prev = cur;
            cur = recycled;
        }
        return cells[prev + n] <= max;
    }

    private static int[] scratch(int size) {
        int[] cells = SCRATCH.get();
        if (cells.length < size) {
            cells = new int[size];
            SCRATCH.set(cells);
        }
        return cells;
    }

    /**
     * Hyyro (2003), "A bit-vector algorithm for computing Levenshtein and Damerau edit distances", as in
     * rapidfuzz: one machine word holds a column of the matrix as vertical deltas. The pattern is the shorter
     * string (at most 64 characters); its match mask for each character of the text is found by a scan.
     */
    private static int bitParallel(String pattern, String text) {
        int m = pattern.length();
        long vp = -1L;
        long vn = 0L;
        long d0 = 0L;
        long previousMatch = 0L;
        long last = 1L << (m - 1);
        int distance = m;
        for (int j = 0; j < text.length(); j++) {
            char c = text.charAt(j);
            long match = 0L;
            for (int i = 0; i < m; i++) {
                if (pattern.charAt(i) == c) {
                    match |= 1L << i;
                }
            }
            long transposition = ((~d0 & match) << 1) & previousMatch;
            d0 = (((match & vp) + vp) ^ vp) | match | vn | transposition;
            long hp = vn | ~(d0 | vp);
            long hn = d0 & vp;
            if ((hp & last) != 0) {
                distance++;
            }
            if ((hn & last) != 0) {
                distance--;
            }
            hp = (hp << 1) | 1L;
            hn = hn << 1;
            vp = hn | ~(d0 | hp);
            vn = hp & d0;
            previousMatch = match;
        }
        return distance;
    }

    /** The textbook three-row recurrence, for strings too long for one machine word; rare, so it allocates. */
    private static int fullMatrix(String a, String b) {
        int n = b.length();
        int[] prevPrev = new int[n + 1];
        int[] prev = new int[n + 1];
        int[] cur = new int[n + 1];
        for (int j = 0; j <= n; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            char ai = a.charAt(i - 1);
            for (int j = 1; j <= n; j++) {
                char bj = b.charAt(j - 1);
                int d = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + (ai == bj ? 0 : 1));
                if (i > 1 && j > 1 && ai == b.charAt(j - 2) && a.charAt(i - 2) == bj) {
                    d = Math.min(d, prevPrev[j - 2] + 1);
                }
                cur[j] = d;
            }
            int[] recycled = prevPrev;
            prevPrev = prev;
            prev = cur;
            cur = recycled;
        }
        return prev[n];
    }
}
