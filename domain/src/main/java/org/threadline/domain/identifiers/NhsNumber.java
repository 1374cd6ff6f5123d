package org.threadline.domain.identifiers;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * An NHS number (England, Wales, Isle of Man): ten digits, the last a modulus-11 check digit.
 *
 * <p>The value is always held as a string of digits, never a number, so that leading zeros survive.
 * Algorithm and test vectors: DOMAIN.md §1.1 and §7.
 *
 * @param value ten digits with a correct check digit
 */
public record NhsNumber(String value) {

    /** The first serial that {@link #testRange(long)} does not accept. */
    public static final long TEST_RANGE_SERIALS = 900_000L;

    private static final String SEPARATORS = "-/.";
    private static final long TEST_RANGE_START = 999_000_000L;

    /** @throws IllegalArgumentException if {@code value} is not a valid NHS number in normalised form */
    public NhsNumber {
        check(value).requireValidNormalised("NHS number");
    }

    /** Parses a raw value, returning it only when valid. */
    public static Optional<NhsNumber> parse(String raw) {
        return check(raw).ifValid(NhsNumber::new);
    }

    /** Removes spaces, hyphens, slashes and dots: {@code "943 476 5919"} becomes {@code "9434765919"}. */
    public static String normalise(String raw) {
        return Separators.strip(raw, SEPARATORS);
    }

    /** True when the raw value normalises to ten digits with the right check digit. */
    public static boolean isValid(String raw) {
        return check(raw).isValid();
    }

    /** Checks a raw value and says why it is or is not a valid NHS number. */
    public static IdentifierCheck check(String raw) {
        String input = Separators.orEmpty(raw);
        String n = normalise(raw);
        if (n.isEmpty()) {
            return IdentifierCheck.of(input, n, CheckReason.BLANK, "no digits");
        }
        if (!Separators.allDigits(n)) {
            return IdentifierCheck.of(input, n, CheckReason.NOT_NUMERIC, "an NHS number is digits only");
        }
        if (n.length() != 10) {
            return IdentifierCheck.of(input, n, CheckReason.WRONG_LENGTH, "expected 10 digits, found " + n.length());
        }
        OptionalInt expected = checkDigit(n.substring(0, 9));
        if (expected.isEmpty()) {
            return IdentifierCheck.of(input, n, CheckReason.NO_POSSIBLE_CHECK_DIGIT,
                    "the first nine digits give check value 10, which is never issued");
        }
        int found = n.charAt(9) - '0';
        if (found != expected.getAsInt()) {
            return IdentifierCheck.of(input, n, CheckReason.BAD_CHECK_DIGIT,
                    "expected check digit " + expected.getAsInt() + ", found " + found);
        }
        return IdentifierCheck.ok(input, n);
    }

    /**
     * The modulus-11 check digit for nine digits: weights 10 down to 2, {@code 11 - (sum mod 11)}, with 11 read as 0.
     *
     * @return the check digit, or empty when the result would be 10: such numbers are never issued
     * @throws IllegalArgumentException if the argument is not exactly nine digits
     */
    public static OptionalInt checkDigit(String nineDigits) {
        if (nineDigits == null || nineDigits.length() != 9 || !Separators.allDigits(nineDigits)) {
            throw new IllegalArgumentException("expected nine digits: " + nineDigits);
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            return OptionalInt.of(0);
        }
        return check == 10 ? OptionalInt.empty() : OptionalInt.of(check);
    }

    /**
     * A valid NHS number in the reserved test range 999 000 0000–999 999 9999, derived from a serial.
     *
     * <p>The rule, which never changes because generated populations must be reproducible: the nine-digit stems
     * {@code 999000000…999999999} fall into blocks of ten sharing their first eight digits. Serial {@code s} picks
     * block {@code s / 9} and, within it, the {@code (s % 9)}-th stem (counting from 0, in ascending order) whose check
     * digit is not 10. Each block has at most one unusable stem, because stepping the last digit (weight 2) moves the
     * remainder through ten distinct values mod 11; so every serial below {@link #TEST_RANGE_SERIALS} gives a distinct
     * number, and the numbers ascend with the serial. Serial 0 gives {@code 9990000018}.
     *
     * @throws IllegalArgumentException if {@code serial} is negative or not below {@link #TEST_RANGE_SERIALS}
     */
    public static NhsNumber testRange(long serial) {
        if (serial < 0 || serial >= TEST_RANGE_SERIALS) {
            throw new IllegalArgumentException("serial must be in [0, " + TEST_RANGE_SERIALS + "): " + serial);
        }
        long blockStart = TEST_RANGE_START + (serial / 9) * 10;
        long wanted = serial % 9;
        for (int offset = 0; offset < 10; offset++) {
            String stem = Long.toString(blockStart + offset);
            OptionalInt digit = checkDigit(stem);
            if (digit.isPresent() && wanted-- == 0) {
                return new NhsNumber(stem + digit.getAsInt());
            }
        }
        throw new AssertionError("a block of ten stems always has nine usable ones: " + blockStart);
    }

    /**
     * Formats ten digits for display as {@code NNN NNN NNNN}. The check digit is not verified, so data-quality reports
     * can show invalid numbers in the familiar layout.
     *
     * @throws IllegalArgumentException if the raw value does not normalise to ten digits
     */
    public static String format(String raw) {
        String n = normalise(raw);
        if (n.length() != 10 || !Separators.allDigits(n)) {
            throw new IllegalArgumentException("not ten digits: " + raw);
        }
        return n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6);
    }

    /** This number formatted as {@code NNN NNN NNNN}. */
    public String formatted() {
        return format(value);
    }
}
