package org.threadline.domain.identifiers;

import java.util.Optional;
import java.util.Set;

/**
 * A National Insurance number: two prefix letters, six digits, a suffix letter A–D.
 *
 * <p>There is no check digit, so a typo or transposition still looks valid: linkage should treat the NINO as a strong
 * but fallible key. Some legacy systems hold the suffix as blank; such values are valid but flagged with
 * {@link CheckReason#LEGACY_BLANK_SUFFIX}, and their normalised form has eight characters. See DOMAIN.md §1.4.
 *
 * @param value the normalised NINO: eight or nine upper-case characters, no spaces
 */
public record NiNumber(String value) {

    private static final String NOT_FIRST = "DFIQUV";
    private static final String NOT_SECOND = "DFIOQUV";
    private static final Set<String> UNALLOCATED = Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");
    private static final String SUFFIXES = "ABCD";

    /** @throws IllegalArgumentException if {@code value} is not a valid NINO in normalised form */
    public NiNumber {
        check(value).requireValidNormalised("NINO");
    }

    /** Parses a raw value, returning it only when valid (a legacy blank suffix included). */
    public static Optional<NiNumber> parse(String raw) {
        return check(raw).ifValid(NiNumber::new);
    }

    /** Upper-cases and removes whitespace and hyphens: {@code "ab 12 34 56 c"} becomes {@code "AB123456C"}. */
    public static String normalise(String raw) {
        return Separators.strip(raw, "-");
    }

    /** True when the raw value is a well-formed NINO, including one with a legacy blank suffix. */
    public static boolean isValid(String raw) {
        return check(raw).isValid();
    }

    /** Checks the format and prefix rules and says which one failed. */
    public static IdentifierCheck check(String raw) {
        String input = Separators.orEmpty(raw);
        String n = normalise(raw);
        if (n.isEmpty()) {
            return IdentifierCheck.of(input, n, CheckReason.BLANK, "no characters");
        }
        if (n.length() != 8 && n.length() != 9) {
            return IdentifierCheck.of(input, n, CheckReason.WRONG_LENGTH,
                    "expected 9 characters (8 with a blank suffix), found " + n.length());
        }
        char first = n.charAt(0);
        char second = n.charAt(1);
        if (!isLetter(first) || !isLetter(second)) {
            return IdentifierCheck.of(input, n, CheckReason.BAD_PREFIX, "the prefix must be two letters");
        }
        if (NOT_FIRST.indexOf(first) >= 0) {
            return IdentifierCheck.of(input, n, CheckReason.BAD_PREFIX, "the first letter is never " + first);
        }
        if (NOT_SECOND.indexOf(second) >= 0) {
            return IdentifierCheck.of(input, n, CheckReason.BAD_PREFIX, "the second letter is never " + second);
        }
        if (UNALLOCATED.contains(n.substring(0, 2))) {
            return IdentifierCheck.of(input, n, CheckReason.BAD_PREFIX,
                    "the prefix " + n.substring(0, 2) + " is not allocated");
        }
        if (!Separators.allDigits(n.substring(2, 8))) {
            return IdentifierCheck.of(input, n, CheckReason.NOT_NUMERIC, "characters 3 to 8 must be digits");
        }
        if (n.length() == 8) {
            return IdentifierCheck.of(input, n, CheckReason.LEGACY_BLANK_SUFFIX, "valid, but the suffix is blank");
        }
        if (SUFFIXES.indexOf(n.charAt(8)) < 0) {
            return IdentifierCheck.of(input, n, CheckReason.BAD_SUFFIX, "the suffix must be A, B, C or D");
        }
        return IdentifierCheck.ok(input, n);
    }

    /**
     * Builds a NINO from its parts. A NINO has no reserved test range, so any value built here could belong to a real
     * person: use it only in clearly synthetic data.
     *
     * @param prefix two letters allowed by the prefix rules
     * @param digits 0..999999, zero-padded to six digits
     * @param suffix A, B, C or D
     * @throws IllegalArgumentException if the result would not be valid
     */
    public static NiNumber of(String prefix, int digits, char suffix) {
        if (digits < 0 || digits > 999_999) {
            throw new IllegalArgumentException("digits must be 0..999999: " + digits);
        }
        return new NiNumber(String.format("%s%06d%c", prefix, digits, suffix));
    }

    /** True when the suffix was held blank. */
    public boolean hasBlankSuffix() {
        return value.length() == 8;
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
