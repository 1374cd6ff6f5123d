package org.threadline.linkage.comparison;

import java.util.Set;
import java.util.function.Function;

/**
 * Name comparisons that are not string similarity: a forename and surname recorded the wrong way round, and a
 * familiar form standing for a formal one (Bill for William, Peggy for Margaret).
 */
public final class Names {

    private Names() {
    }

    /**
     * Returns whether A's forename is B's surname and A's surname is B's forename, ignoring case, with all four
     * present. A ladder asks this after exact agreement, so a name like JAMES JAMES has already matched there.
     */
    public static boolean swapped(String foreA, String surA, String foreB, String surB) {
        return present(foreA) && present(surA) && present(foreB) && present(surB)
                && foreA.equalsIgnoreCase(surB) && surA.equalsIgnoreCase(foreB);
    }

    /**
     * Returns whether a value was recorded in another column of the other record: A's value is similar to B's
     * other-column value, or B's value to A's other-column value, where similar means equal ignoring case or, below a
     * threshold of 1, a Jaro-Winkler similarity of the lower-cased values at least {@code threshold}. Symmetric: swapping
     * A and B gives the same answer.
     */
    public static boolean inOtherColumn(String valueA, String otherA, String valueB, String otherB, double threshold) {
        return similar(valueA, otherB, threshold) || similar(valueB, otherA, threshold);
    }

    private static boolean similar(String x, String y, double threshold) {
        if (!present(x) || !present(y)) {
            return false;
        }
        if (x.equalsIgnoreCase(y)) {
            return true;
        }
        return threshold < 1 && JaroWinkler.similarity(x.toLowerCase(java.util.Locale.ROOT),
                y.toLowerCase(java.util.Locale.ROOT)) >= threshold;
    }

    /**
     * Returns whether two names are equal (ignoring case) or one is among the other's known alternative forms.
     * The lookup is the caller's (the familiar-name table lives with the standardisers) and is consulted both
     * ways, so a one-directional table still gives a symmetric answer; it may return null for an unknown name.
     * Names are passed in the form the table is keyed by.
     */
    public static boolean equivalentForms(String a, String b, Function<String, Set<String>> aliases) {
        if (!present(a) || !present(b)) {
            return false;
        }
        return a.equalsIgnoreCase(b) || listed(aliases.apply(a), b) || listed(aliases.apply(b), a);
    }

    /** Case-insensitive: agencies write names in capitals, title case or lower case. */
    private static boolean listed(Set<String> forms, String name) {
        if (forms == null) {
            return false;
        }
        for (String f : forms) {
            if (f.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean present(String s) {
        return s != null && !s.isEmpty();
    }
}
