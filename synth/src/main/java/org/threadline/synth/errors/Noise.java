package org.threadline.synth.errors;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.threadline.synth.extracts.Row;

/**
 * Injects recording errors into cells at the configured rates and logs each one on its row. One instance per
 * lineage, with that lineage's own random stream, so that the output stays a pure function of the seed.
 */
public final class Noise {
    private static final String[] KEYBOARD = {
        "qwertyuiop", "asdfghjkl", "zxcvbnm"
    };
    private static final String[][] OCR = {{"rn", "m"}, {"m", "rn"}, {"l", "1"}, {"I", "1"}, {"O", "0"}, {"0", "O"},
        {"S", "5"}, {"5", "S"}, {"B", "8"}, {"cl", "d"}, {"e", "c"}};
    static final LocalDate SENTINEL = LocalDate.of(1900, 1, 1);

    private final ErrorRates rates;
    private final RandomGenerator random;
    private final Function<String, List<String>> familiarForms;

    public Noise(ErrorRates rates, RandomGenerator random, Function<String, List<String>> familiarForms) {
        this.rates = rates;
        this.random = random;
        this.familiarForms = familiarForms;
    }

    public boolean happens(ErrorKind kind) {
        double rate = rates.rate(kind);
        return rate > 0 && random.nextDouble() < rate;
    }

    /** A plain random choice that is not an error (e.g. whether a phone number was taken). */
    public boolean coin(double p) {
        return random.nextDouble() < p;
    }

    /** A forename as recorded: sometimes a familiar form (where the agency would accept one), sometimes mistyped. */
    public String forename(Row row, int column, String formal, boolean familiarAllowed) {
        String value = formal;
        if (familiarAllowed && value != null) {
            List<String> forms = familiarForms.apply(value);
            if (!forms.isEmpty() && happens(ErrorKind.FAMILIAR_FORENAME)) {
                value = forms.get(random.nextInt(forms.size()));
                row.logError(new InjectedError(column, ErrorKind.FAMILIAR_FORENAME, formal, value));
            }
        }
        return slips(row, column, value);
    }

    /** A surname or other name as recorded: sometimes mistyped. */
    public String name(Row row, int column, String value) {
        return slips(row, column, value);
    }

    private String slips(Row row, int column, String value) {
        if (value == null || value.length() < 3) {
            return value;
        }
        String out = value;
        if (happens(ErrorKind.NAME_TYPO)) {
            out = typo(out);
            row.logError(new InjectedError(column, ErrorKind.NAME_TYPO, value, out));
        }
        if (happens(ErrorKind.OCR_SLIP)) {
            String before = out;
            out = ocr(out);
            if (!out.equals(before)) {
                row.logError(new InjectedError(column, ErrorKind.OCR_SLIP, before, out));
            }
        }
        return out;
    }

    /** Swaps the forename and surname cells of a row at the configured rate. */
    public void maybeSwapNames(Row row, int forename, int surname) {
        if (row.get(forename) != null && row.get(surname) != null && happens(ErrorKind.NAMES_SWAPPED)) {
            String f = row.get(forename);
            row.set(forename, row.get(surname));
            row.set(surname, f);
            row.logError(new InjectedError(forename, ErrorKind.NAMES_SWAPPED, f, row.get(forename)));
        }
    }

    /** A date of birth as recorded in {@code format}: sometimes transposed, mistyped, blank or the sentinel. */
    public String dateOfBirth(Row row, int column, LocalDate dob, DateTimeFormatter format) {
        String truth = format.format(dob);
        if (happens(ErrorKind.DOB_MISSING)) {
            row.logError(new InjectedError(column, ErrorKind.DOB_MISSING, truth, ""));
            return "";
        }
        if (happens(ErrorKind.DOB_SENTINEL)) {
            String s = format.format(SENTINEL);
            row.logError(new InjectedError(column, ErrorKind.DOB_SENTINEL, truth, s));
            return s;
        }
        if (dob.getDayOfMonth() <= 12 && dob.getDayOfMonth() != dob.getMonthValue()
                && happens(ErrorKind.DAY_MONTH_TRANSPOSED)) {
            String s = format.format(LocalDate.of(dob.getYear(), dob.getDayOfMonth(), dob.getMonthValue()));
            row.logError(new InjectedError(column, ErrorKind.DAY_MONTH_TRANSPOSED, truth, s));
            return s;
        }
        if (happens(ErrorKind.DOB_DIGIT_TYPO)) {
            String s = digitTypo(truth);
            row.logError(new InjectedError(column, ErrorKind.DOB_DIGIT_TYPO, truth, s));
            return s;
        }
        return truth;
    }

    /** A postcode as recorded: sometimes blank, sometimes with one character mistyped. */
    public String postcode(Row row, int column, String postcode) {
        if (postcode == null || postcode.isEmpty()) {
            return postcode;
        }
        if (happens(ErrorKind.POSTCODE_MISSING)) {
            row.logError(new InjectedError(column, ErrorKind.POSTCODE_MISSING, postcode, ""));
            return "";
        }
        if (happens(ErrorKind.POSTCODE_TYPO)) {
            String s = postcodeTypo(postcode);
            row.logError(new InjectedError(column, ErrorKind.POSTCODE_TYPO, postcode, s));
            return s;
        }
        return postcode;
    }

    /**
     * An identifier as recorded: sometimes blank, sometimes with a digit mistyped so that {@code valid} rejects it
     * (a slip the check character catches; a mistake it would not catch is not an "invalid" error).
     */
    public String identifier(Row row, int column, String value, Predicate<String> valid) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (happens(ErrorKind.IDENTIFIER_MISSING)) {
            row.logError(new InjectedError(column, ErrorKind.IDENTIFIER_MISSING, value, ""));
            return "";
        }
        if (happens(ErrorKind.IDENTIFIER_INVALID)) {
            for (int attempt = 0; attempt < 20; attempt++) {
                String s = digitTypo(value);
                if (!valid.test(s)) {
                    row.logError(new InjectedError(column, ErrorKind.IDENTIFIER_INVALID, value, s));
                    return s;
                }
            }
        }
        return value;
    }

    /** Logs that a stale address was recorded in {@code column}. */
    public void logStaleAddress(Row row, int column, String current, String recorded) {
        row.logError(new InjectedError(column, ErrorKind.STALE_ADDRESS, current, recorded));
    }

    private String typo(String s) {
        char[] c = s.toCharArray();
        int i = 1 + random.nextInt(c.length - 1);
        switch (random.nextInt(4)) {
            case 0 -> c[i] = neighbour(c[i]);
            case 1 -> {
                return s.substring(0, i) + s.substring(i + 1);
            }
            case 2 -> {
                return s.substring(0, i) + c[i] + s.substring(i);
            }
            default -> {
                int j = i == c.length - 1 ? i - 1 : i;
                char t = c[j];
                c[j] = c[j + 1];
                c[j + 1] = t;
            }
        }
        String out = new String(c);
        return out.equals(s) ? s.substring(0, i) + s.substring(i + 1) : out;
    }

    private char neighbour(char ch) {
        char lower = Character.toLowerCase(ch);
        for (String row : KEYBOARD) {
            int k = row.indexOf(lower);
            if (k >= 0) {
                int n = k == 0 ? 1 : k == row.length() - 1 ? k - 1 : k + (random.nextBoolean() ? 1 : -1);
                char r = row.charAt(n);
                return Character.isUpperCase(ch) ? Character.toUpperCase(r) : r;
            }
        }
        return ch == 'a' ? 'e' : 'a';
    }

    private String ocr(String s) {
        int start = random.nextInt(OCR.length);
        for (int k = 0; k < OCR.length; k++) {
            String[] pair = OCR[(start + k) % OCR.length];
            int at = s.indexOf(pair[0]);
            if (at > 0) {
                return s.substring(0, at) + pair[1] + s.substring(at + pair[0].length());
            }
        }
        return s;
    }

    private String digitTypo(String s) {
        int digits = 0;
        for (char ch : s.toCharArray()) {
            digits += Character.isDigit(ch) ? 1 : 0;
        }
        if (digits == 0) {
            return s;
        }
        int target = random.nextInt(digits);
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (Character.isDigit(c[i]) && target-- == 0) {
                c[i] = (char) ('0' + (c[i] - '0' + 1 + random.nextInt(9)) % 10);
                break;
            }
        }
        return new String(c);
    }

    private String postcodeTypo(String postcode) {
        char[] c = postcode.toCharArray();
        for (int attempt = 0; attempt < 10; attempt++) {
            int i = random.nextInt(c.length);
            if (Character.isDigit(c[i])) {
                c[i] = (char) ('0' + (c[i] - '0' + 1 + random.nextInt(9)) % 10);
                return new String(c);
            }
            if (Character.isLetter(c[i]) && i > 0) {
                c[i] = Character.toUpperCase(neighbour(c[i]));
                String out = new String(c);
                if (!out.equals(postcode)) {
                    return out;
                }
            }
        }
        return postcode.replace(" ", "");
    }
}
