package org.threadline.domain.identifiers;

import java.time.Year;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Police National Computer ID. Canonical (long) form {@code YYYY/NNNNNNNX}: year of creation, seven-digit serial,
 * check letter. Short form {@code YY/N{1,7}X}; the slash is optional on input.
 *
 * <p>The check letter is {@code P[parseLong(YY + serial padded to 7) mod 23]} over {@code P =
 * "ZABCDEFGHJKLMNPQRTUVWXY"}, with YY the last two digits of the year even in the long form. The algorithm is the MoJ
 * implementation's (hmpps-person-record), not a published Home Office specification. Because only YY enters the check,
 * validity never depends on the century; expanding a short-form year does, so it takes an injected reference year and
 * never reads the clock. See DOMAIN.md §1.3 and §7.
 *
 * @param value the canonical form, {@code YYYY/NNNNNNNX}
 */
public record PncId(String value) {

    /** The check-letter alphabet: Z, then A–Y without I, O and S. */
    public static final String ALPHABET = "ZABCDEFGHJKLMNPQRTUVWXY";

    private static final Pattern WITH_SLASH = Pattern.compile("([0-9]{2}|[0-9]{4})/([0-9]{1,7})([A-Z])");
    // Without a slash the split is only unambiguous for 4+7 digits (long) or 2+1..7 digits (short).
    private static final Pattern LONG_NO_SLASH = Pattern.compile("([0-9]{4})([0-9]{7})([A-Z])");
    private static final Pattern SHORT_NO_SLASH = Pattern.compile("([0-9]{2})([0-9]{1,7})([A-Z])");
    private static final Pattern CANONICAL = Pattern.compile("[0-9]{4}/[0-9]{7}[A-Z]");

    /** @throws IllegalArgumentException if {@code value} is not a valid PNC ID in canonical form */
    public PncId {
        if (value == null || !CANONICAL.matcher(value).matches() || !isValid(value)) {
            throw new IllegalArgumentException("not a canonical PNC ID: " + value);
        }
    }

    private record Parts(String year, String serial, char letter) {
        String yy() {
            return year.substring(year.length() - 2);
        }

        String padded() {
            return year + "/" + "0".repeat(7 - serial.length()) + serial + letter;
        }
    }

    /**
     * Upper-cases and removes whitespace; a value of the right shape is then laid out with a slash and a seven-digit
     * serial, keeping the year as given ({@code "81/34u"} → {@code "81/0000034U"}). Use {@link #canonical} for the
     * four-digit year.
     */
    public static String normalise(String raw) {
        String n = Separators.strip(raw, "");
        return split(n).map(Parts::padded).orElse(n);
    }

    /** True when the raw value has a PNC ID's shape and the right check letter. */
    public static boolean isValid(String raw) {
        return check(raw).isValid();
    }

    /** Checks a raw value; the normalised form keeps a short-form year short (see {@link #normalise}). */
    public static IdentifierCheck check(String raw) {
        String input = Separators.orEmpty(raw);
        String n = Separators.strip(raw, "");
        if (n.isEmpty()) {
            return IdentifierCheck.of(input, n, CheckReason.BLANK, "no characters");
        }
        Optional<Parts> parts = split(n);
        if (parts.isEmpty()) {
            return IdentifierCheck.of(input, n, CheckReason.BAD_SHAPE,
                    "expected YYYY/NNNNNNNX or YY/N{1,7}X (slash optional; 4+7 digits when a long form has no slash)");
        }
        Parts p = parts.get();
        char expected = checkLetter(Integer.parseInt(p.yy()), Integer.parseInt(p.serial()));
        if (p.letter() != expected) {
            return IdentifierCheck.of(input, p.padded(), CheckReason.BAD_CHECK_LETTER,
                    "expected check letter " + expected + ", found " + p.letter());
        }
        return IdentifierCheck.ok(input, p.padded());
    }

    /** Checks a raw value, expanding a short-form year against {@code referenceYear} so the normalised form is canonical. */
    public static IdentifierCheck check(String raw, Year referenceYear) {
        IdentifierCheck result = check(raw);
        Optional<Parts> parts = split(result.normalised());
        if (parts.isEmpty() || parts.get().year().length() == 4) {
            return result;
        }
        Parts p = parts.get();
        String year = Integer.toString(expandYear(Integer.parseInt(p.year()), referenceYear));
        String canonical = new Parts(year, p.serial(), p.letter()).padded();
        return new IdentifierCheck(result.input(), canonical, result.reason(), result.explanation());
    }

    /** The canonical long form of a valid raw value, or empty when it is not valid. */
    public static Optional<String> canonical(String raw, Year referenceYear) {
        IdentifierCheck result = check(raw, referenceYear);
        return result.isValid() ? Optional.of(result.normalised()) : Optional.empty();
    }

    /** Parses a raw value in either form, returning it only when valid. */
    public static Optional<PncId> parse(String raw, Year referenceYear) {
        return canonical(raw, referenceYear).map(PncId::new);
    }

    /**
     * The century pivot for a two-digit year: the latest year ending in {@code yy} that is not after the reference
     * year. With reference year 2025, 25 → 2025, 26 → 1926, 81 → 1981, 00 → 2000.
     */
    public static int expandYear(int yy, Year referenceYear) {
        if (yy < 0 || yy > 99) {
            throw new IllegalArgumentException("two-digit year expected: " + yy);
        }
        int ref = referenceYear.getValue();
        int candidate = ref - Math.floorMod(ref, 100) + yy;
        return candidate > ref ? candidate - 100 : candidate;
    }

    /** The check letter for a year (only its last two digits count) and serial. */
    public static char checkLetter(int year, int serial) {
        if (serial < 0 || serial > 9_999_999) {
            throw new IllegalArgumentException("serial must be 0..9999999: " + serial);
        }
        long number = Math.floorMod(year, 100) * 10_000_000L + serial;
        return ALPHABET.charAt((int) (number % 23));
    }

    /** Builds a valid PNC ID in canonical form for a four-digit year and a serial. */
    public static PncId of(int year, int serial) {
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("four-digit year expected: " + year);
        }
        return new PncId(String.format("%04d/%07d%c", year, serial, checkLetter(year, serial)));
    }

    /** The four-digit year of creation. */
    public int year() {
        return Integer.parseInt(value.substring(0, 4));
    }

    /** The serial number within the year. */
    public int serial() {
        return Integer.parseInt(value.substring(5, 12));
    }

    private static Optional<Parts> split(String n) {
        Matcher m = n.indexOf('/') >= 0 ? WITH_SLASH.matcher(n)
                : n.length() == 12 ? LONG_NO_SLASH.matcher(n) : SHORT_NO_SLASH.matcher(n);
        return m.matches() ? Optional.of(new Parts(m.group(1), m.group(2), m.group(3).charAt(0))) : Optional.empty();
    }
}
