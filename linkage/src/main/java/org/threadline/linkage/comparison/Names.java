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
