package org.threadline.domain.identifiers;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UK postcode in normalised form: outward code, one space, inward code ({@code "B1 1BB"}).
 *
 * <p>Only the shape is checked (regex plus BS7666 positional letter rules); whether a postcode exists needs a
 * directory such as ONSPD. NHS pseudo-postcodes ({@code ZZ99 …}) fail the strict shape but mean something
 * ({@code ZZ99 3VZ} is no fixed abode, a homelessness signal), so they are recognised as {@link Verdict#PSEUDO}
 * rather than rejected. See DOMAIN.md §1.5 and {@code codes/nhs_pseudo_postcodes.csv}.
 *
 * @param outward the outward code (area and district), e.g. {@code "SW1A"}
 * @param inward  the inward code (sector digit and unit letters), e.g. {@code "1AA"}
 */
public record Postcode(String outward, String inward) {

    private static final Pattern SHAPE = Pattern.compile("([A-Z]{1,2})([0-9])([A-Z0-9]?) ([0-9])([A-Z]{2})");
    private static final String NOT_FIRST = "QVX";
    private static final String NOT_SECOND = "IJZ";
    private static final String THIRD_IN_A9A = "ABCDEFGHJKPSTUW";
    private static final String FOURTH_IN_AA9A = "ABEHMNPRVWXY";
    private static final String NOT_INWARD = "CIKMOV";

    /** @throws IllegalArgumentException unless the two parts form a valid or pseudo postcode in normalised form */
    public Postcode {
        IdentifierCheck result = check(outward + " " + inward);
        if (result.verdict() == Verdict.INVALID || !result.normalised().equals(outward + " " + inward)) {
            throw new IllegalArgumentException("not a normalised postcode: " + outward + " " + inward);
        }
    }

    /** Parses a raw value, returning valid and pseudo postcodes alike; ask {@link #isPseudo()} to tell them apart. */
    public static Optional<Postcode> parse(String raw) {
        IdentifierCheck result = check(raw);
        if (result.verdict() == Verdict.INVALID) {
            return Optional.empty();
        }
        String n = result.normalised();
        int space = n.indexOf(' ');
        return Optional.of(new Postcode(n.substring(0, space), n.substring(space + 1)));
    }

    /** Upper-cases, removes all whitespace, then puts one space before the last three characters. */
    public static String normalise(String raw) {
        String n = Separators.strip(raw, "");
        return n.length() > 3 ? n.substring(0, n.length() - 3) + " " + n.substring(n.length() - 3) : n;
    }

    /** True only for a postcode of strictly valid shape; a pseudo-postcode is not valid (see {@link #isPseudo(String)}). */
    public static boolean isValid(String raw) {
        return check(raw).isValid();
    }

    /** True for an NHS pseudo-postcode such as {@code ZZ99 3VZ}. */
    public static boolean isPseudo(String raw) {
        return check(raw).verdict() == Verdict.PSEUDO;
    }

    /** The meaning of an NHS pseudo-postcode from the project's table, or empty for anything else or an unlisted code. */
    public static Optional<String> pseudoMeaning(String raw) {
        String n = normalise(raw);
        return PseudoPostcodes.SHAPE.matcher(n).matches() ? PseudoPostcodes.meaningOf(n) : Optional.empty();
    }

    /** Checks a raw value: VALID, PSEUDO (with its meaning as the explanation) or INVALID with the rule that failed. */
    public static IdentifierCheck check(String raw) {
        String input = Separators.orEmpty(raw);
        String n = normalise(raw);
        int compactLength = n.replace(" ", "").length();
        if (compactLength == 0) {
            return IdentifierCheck.of(input, n, CheckReason.BLANK, "no characters");
        }
        if (compactLength < 5 || compactLength > 7) {
            return IdentifierCheck.of(input, n, CheckReason.WRONG_LENGTH,
                    "expected 5 to 7 characters, found " + compactLength);
        }
        if (PseudoPostcodes.SHAPE.matcher(n).matches()) {
            return IdentifierCheck.of(input, n, CheckReason.NHS_PSEUDO_POSTCODE,
                    PseudoPostcodes.meaningOf(n).orElse("NHS pseudo-postcode not in the table"));
        }
        if (n.equals("GIR 0AA")) {
            return IdentifierCheck.ok(input, n); // Girobank's historic non-geographic postcode
        }
        Matcher m = SHAPE.matcher(n);
        if (!m.matches()) {
            return IdentifierCheck.of(input, n, CheckReason.BAD_SHAPE,
                    "expected A9 9AA, A99 9AA, A9A 9AA, AA9 9AA, AA99 9AA or AA9A 9AA");
        }
        String problem = letterProblem(m.group(1), m.group(3), m.group(5));
        return problem == null ? IdentifierCheck.ok(input, n) : IdentifierCheck.of(input, n, CheckReason.BAD_LETTER, problem);
    }

    private static String letterProblem(String area, String districtSuffix, String unit) {
        if (NOT_FIRST.indexOf(area.charAt(0)) >= 0) {
            return "Q, V and X are not used as the first letter";
        }
        if (area.length() == 2 && NOT_SECOND.indexOf(area.charAt(1)) >= 0) {
            return "I, J and Z are not used as the second letter";
        }
        if (!districtSuffix.isEmpty() && Character.isLetter(districtSuffix.charAt(0))) {
            String allowed = area.length() == 1 ? THIRD_IN_A9A : FOURTH_IN_AA9A;
            if (allowed.indexOf(districtSuffix.charAt(0)) < 0) {
                return "the letter after the district digit must be one of " + allowed;
            }
        }
        for (char c : unit.toCharArray()) {
            if (NOT_INWARD.indexOf(c) >= 0) {
                return "C, I, K, M, O and V are not used in the inward code";
            }
        }
        return null;
    }

    /** The normalised postcode, e.g. {@code "B1 1BB"}. */
    public String value() {
        return outward + " " + inward;
    }

    /** The postcode area: the leading letters of the outward code ({@code "WV"} for {@code "WV1 1AA"}). */
    public String area() {
        int i = 0;
        while (i < outward.length() && Character.isLetter(outward.charAt(i))) {
            i++;
        }
        return outward.substring(0, i);
    }

    /** The postcode district, which is the whole outward code ({@code "SW1A"}). */
    public String district() {
        return outward;
    }

    /** The postcode sector: outward code, a space and the inward digit ({@code "SW1A 1"}). */
    public String sector() {
        return outward + " " + inward.charAt(0);
    }

    /** True for an NHS pseudo-postcode. */
    public boolean isPseudo() {
        return PseudoPostcodes.SHAPE.matcher(value()).matches();
    }

    /** The pseudo-postcode's meaning, when this is one the table lists. */
    public Optional<String> pseudoMeaning() {
        return isPseudo() ? PseudoPostcodes.meaningOf(value()) : Optional.empty();
    }
}
