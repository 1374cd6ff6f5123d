package org.threadline.synth.output;

import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * Translates a column's {@link DateTimeFormatter} pattern into the strict parser for its values and into the
 * Excel number format that shows a date the way the agency writes it.
 */
final class ExcelDateFormat {

    private ExcelDateFormat() {
    }

    /**
     * A strict parser for the pattern. STRICT rejects "31/02/2019" where the default SMART style would quietly make
     * it 28/02/2019; the generator injects such dates on purpose and they must stay visibly wrong. STRICT needs the
     * proleptic year {@code u} in place of year-of-era {@code y}.
     */
    static DateTimeFormatter strictParser(String pattern) {
        StringBuilder proleptic = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            proleptic.append(!quoted && c == 'y' ? 'u' : c);
        }
        // Locale.UK, not the machine's: month names must parse the same everywhere for the output to be deterministic.
        return DateTimeFormatter.ofPattern(proleptic.toString(), Locale.UK).withResolverStyle(ResolverStyle.STRICT);
    }

    /**
     * The Excel format code for the pattern, e.g. {@code dd/MM/yyyy HH:mm → dd/mm/yyyy hh:mm}; the fallback when
     * the pattern uses letters Excel has no counterpart for.
     */
    static String excelFormat(String pattern, ColumnType type) {
        String fallback = type == ColumnType.DATE ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm:ss";
        StringBuilder excel = new StringBuilder(pattern.length() + 4);
        boolean quoted = false;
        boolean twelveHour = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                excel.append('"');
            } else if (quoted || !Character.isLetter(c)) {
                excel.append(c);
            } else {
                switch (c) {
                    case 'y', 'u' -> excel.append('y');
                    case 'M' -> excel.append('m');
                    case 'd' -> excel.append('d');
                    case 'H' -> excel.append('h');
                    case 'h' -> {
                        excel.append('h');
                        twelveHour = true;
                    }
                    case 'm' -> excel.append('m');
                    case 's' -> excel.append('s');
                    case 'a' -> {
                        // Excel writes AM/PM once for the whole marker, however many 'a's the pattern has.
                        if (excel.length() == 0 || excel.charAt(excel.length() - 1) != 'M') {
                            excel.append("AM/PM");
                        }
                    }
                    default -> {
                        return fallback;
                    }
                }
            }
        }
        if (twelveHour != (excel.indexOf("AM/PM") >= 0)) {
            return fallback; // Excel reads 'h' as 24-hour unless AM/PM is present
        }
        return excel.toString();
    }
}
