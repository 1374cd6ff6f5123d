package org.threadline.domain.identifiers;

import java.util.Optional;

/**
 * A Unique Pupil Number: check letter, LA code (3), establishment (4), academic year (2) and serial (3). A temporary
 * UPN ends in a letter instead of the last serial digit.
 *
 * <p>The check letter is {@code L[sum mod 23]} over {@code L = "ABCDEFGHJKLMNPQRTUVWXYZ"}, where the sum runs over
 * character positions 2..13 of value × position (a digit's value is itself, a trailing letter's value its index in
 * {@code L}). The worked example {@code B207000016049 → Q} copied across school MIS help pages is arithmetically
 * wrong (the sum is 266, so the letter is P). Whether chars 2–4 are a real LA code is not checked here: the LA code
 * list is not yet confirmed (DOMAIN.md §1.2, §8). See DOMAIN.md §1.2 and §7.
 *
 * @param value thirteen upper-case characters with a correct check letter
 */
public record Upn(String value) {

    /** The check-letter alphabet: A–Z without I, O and S. */
    public static final String ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ";

    private static final String SEPARATORS = "-/.";

    /** @throws IllegalArgumentException if {@code value} is not a valid UPN in normalised form */
    public Upn {
        check(value).requireValidNormalised("UPN");
    }

    /** Parses a raw value, returning it only when valid (temporary UPNs included). */
    public static Optional<Upn> parse(String raw) {
        return check(raw).ifValid(Upn::new);
    }

    /** Upper-cases and removes whitespace, hyphens, slashes and dots. */
    public static String normalise(String raw) {
        return Separators.strip(raw, SEPARATORS);
    }

    /** True when the raw value is a valid permanent or temporary UPN. */
    public static boolean isValid(String raw) {
        return check(raw).isValid();
    }

    /**
     * Checks a raw value. Reasons follow the census validator messages: a bad check letter (1510), chars 5–12 not
     * numeric (1540; here chars 2–12), and an invalid char 13 (1550).
     */
    public static IdentifierCheck check(String raw) {
        String input = Separators.orEmpty(raw);
        String n = normalise(raw);
        if (n.isEmpty()) {
            return IdentifierCheck.of(input, n, CheckReason.BLANK, "no characters");
        }
        if (n.length() != 13) {
            return IdentifierCheck.of(input, n, CheckReason.WRONG_LENGTH, "expected 13 characters, found " + n.length());
        }
        if (!Separators.allDigits(n.substring(1, 12))) {
            return IdentifierCheck.of(input, n, CheckReason.NOT_NUMERIC, "characters 2 to 12 must be digits");
        }
        char last = n.charAt(12);
        boolean temporary = !Character.isDigit(last);
        if (temporary && ALPHABET.indexOf(last) < 0) {
            return IdentifierCheck.of(input, n, CheckReason.BAD_SUFFIX,
                    "character 13 must be a digit or a letter other than I, O and S, found " + last);
        }
        char expected = checkLetter(n.substring(1));
        if (n.charAt(0) != expected) {
            return IdentifierCheck.of(input, n, CheckReason.BAD_CHECK_LETTER,
                    "expected check letter " + expected + ", found " + n.charAt(0));
        }
        return temporary
                ? IdentifierCheck.of(input, n, CheckReason.TEMPORARY_UPN, "valid temporary UPN")
                : IdentifierCheck.ok(input, n);
    }

    /**
     * The check letter for the twelve characters after it (positions 2..13).
     *
     * @throws IllegalArgumentException if the argument is not eleven digits followed by a digit or alphabet letter
     */
    public static char checkLetter(String twelveChars) {
        if (twelveChars == null || twelveChars.length() != 12 || !Separators.allDigits(twelveChars.substring(0, 11))) {
            throw new IllegalArgumentException("expected eleven digits and a digit or letter: " + twelveChars);
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += valueOf(twelveChars.charAt(i)) * (i + 2);
        }
        return ALPHABET.charAt(sum % 23);
    }

    private static int valueOf(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int index = ALPHABET.indexOf(c);
        if (index < 0) {
            throw new IllegalArgumentException("not a UPN character: " + c);
        }
        return index;
    }

    /**
     * Builds a valid UPN from its parts, computing the check letter.
     *
     * @param laCode3        the three-digit LA code, e.g. {@code "330"} (Birmingham)
     * @param establishment4 the four-digit establishment number
     * @param academicYear2  the last two digits of the academic year the number was allocated in
     * @param serial3        three digits, or two digits and a letter for a temporary UPN
     * @throws IllegalArgumentException if any part has the wrong shape
     */
    public static Upn of(String laCode3, String establishment4, String academicYear2, String serial3) {
        requireDigits("LA code", laCode3, 3);
        requireDigits("establishment", establishment4, 4);
        requireDigits("academic year", academicYear2, 2);
        if (serial3 == null || serial3.length() != 3 || !Separators.allDigits(serial3.substring(0, 2))
                || !(Character.isDigit(serial3.charAt(2)) || ALPHABET.indexOf(serial3.charAt(2)) >= 0)) {
            throw new IllegalArgumentException("serial must be three digits, or two digits and a letter: " + serial3);
        }
        String body = laCode3 + establishment4 + academicYear2 + serial3;
        return new Upn(checkLetter(body) + body);
    }

    private static void requireDigits(String part, String value, int length) {
        if (value == null || value.length() != length || !Separators.allDigits(value)) {
            throw new IllegalArgumentException(part + " must be " + length + " digits: " + value);
        }
    }

    /** True for a temporary UPN (one ending in a letter). */
    public boolean isTemporary() {
        return !Character.isDigit(value.charAt(12));
    }

    /** Characters 2–4: the LA code the number was allocated under. */
    public String laCode() {
        return value.substring(1, 4);
    }
}
