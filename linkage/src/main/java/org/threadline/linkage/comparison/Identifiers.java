package org.threadline.linkage.comparison;

import java.util.function.Predicate;

/**
 * Identifier comparison: equality counts only between valid identifiers, and disagreement between two valid
 * identifiers counts against a match.
 *
 * <p>Validity is the caller's: the domain module knows an NHS number's mod-11 check, a UPN's check letter and a
 * PNC ID's check character, and passes {@code NhsNumber::isValid} and the like. Linkage does not depend on the
 * domain. Values are compared exactly, so callers pass standardised identifiers (no spaces, upper case).
 * Validation runs per pair here; where the same records are compared many times, validate once per record and
 * pass a predicate that reads the stored result, or {@code v -> true} on values already known to be valid.
 */
public final class Identifiers {

    private Identifiers() {
    }

    /** Returns how the two values relate: null or empty first, then validity, then equality. */
    public static IdentifierAgreement agreement(String a, String b, Predicate<String> valid) {
        if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
            return IdentifierAgreement.NULL;
        }
        if (!valid.test(a) || !valid.test(b)) {
            return IdentifierAgreement.OTHER;
        }
        return a.equals(b) ? IdentifierAgreement.BOTH_VALID_EQUAL : IdentifierAgreement.BOTH_VALID_DIFFERENT;
    }
}
