package org.threadline.linkage.comparison;

/**
 * Overlap between two small sets of values held as arrays: a person's aliases, previous postcodes, known phone
 * numbers. Agreement on any one is evidence even when the current values differ (a previous address of one
 * record is the current address of the other).
 *
 * <p>Arrays are expected to be short (tens of values at most), so a nested scan beats hashing and allocates
 * nothing. Null arrays, null elements and empty strings are ignored; a value repeated within one array counts
 * once, so the count is the number of distinct values the two arrays share and does not depend on order.
 */
public final class ArrayOverlap {

    private ArrayOverlap() {
    }

    /** Returns the number of distinct non-empty values present in both arrays. */
    public static int count(String[] a, String[] b) {
        return countUpTo(a, b, Integer.MAX_VALUE);
    }

    /** Returns whether the arrays share at least {@code min} distinct values; stops scanning once they do. */
    public static boolean overlaps(String[] a, String[] b, int min) {
        if (min < 1) {
            throw new IllegalArgumentException("min must be at least 1, was " + min);
        }
        return countUpTo(a, b, min) >= min;
    }

    private static int countUpTo(String[] a, String[] b, int stopAt) {
        if (a == null || b == null) {
            return 0;
        }
        int shared = 0;
        for (int i = 0; i < a.length && shared < stopAt; i++) {
            String value = a[i];
            if (value != null && !value.isEmpty() && !seenBefore(a, i) && contains(b, value)) {
                shared++;
            }
        }
        return shared;
    }

    private static boolean seenBefore(String[] values, int index) {
        for (int i = 0; i < index; i++) {
            if (values[index].equals(values[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(String[] values, String value) {
        for (String candidate : values) {
            if (value.equals(candidate)) {
                return true;
            }
        }
        return false;
    }
}
