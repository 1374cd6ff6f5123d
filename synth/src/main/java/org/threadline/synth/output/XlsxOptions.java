package org.threadline.synth.output;

import java.util.List;
import java.util.Objects;

/**
 * How one agency lays out an XLSX extract.
 *
 * @param sheetName   the first sheet's name (at most 31 characters, none of {@code []:*?/\}); later sheets of a
 *                    long table are named {@code "<sheetName> (2)"}, {@code "(3)"} and so on
 * @param titleLines  lines written in column A above the header row, e.g. {@code "Sandwell Children's Services —
 *                    extract 31/03/2026"}, so that a reader has to find the header row; may be empty
 * @param excelDates  {@code true} to store DATE and DATETIME values that parse as real Excel dates (numbers with a
 *                    date format); {@code false} to store them as the text the generator passed
 */
public record XlsxOptions(String sheetName, List<String> titleLines, boolean excelDates) {

    /** Excel's limit on sheet name length. */
    public static final int MAX_SHEET_NAME = 31;

    /** Checks the sheet name against Excel's rules and copies the title lines. */
    public XlsxOptions {
        Objects.requireNonNull(sheetName, "sheetName");
        if (sheetName.isBlank() || sheetName.length() > MAX_SHEET_NAME) {
            throw new IllegalArgumentException("a sheet name has 1 to 31 characters: '" + sheetName + "'");
        }
        for (char c : sheetName.toCharArray()) {
            if ("[]:*?/\\".indexOf(c) >= 0) {
                throw new IllegalArgumentException("a sheet name cannot contain '" + c + "': '" + sheetName + "'");
            }
        }
        if (sheetName.startsWith("'") || sheetName.endsWith("'")) {
            throw new IllegalArgumentException("a sheet name cannot start or end with an apostrophe");
        }
        titleLines = List.copyOf(titleLines);
    }

    /** A sheet with no title lines and real Excel dates. */
    public static XlsxOptions sheet(String sheetName) {
        return new XlsxOptions(sheetName, List.of(), true);
    }

    /** These options with the given title lines above the header row. */
    public XlsxOptions withTitleLines(String... lines) {
        return new XlsxOptions(sheetName, List.of(lines), excelDates);
    }

    /** These options with dates stored as Excel dates ({@code true}) or as text ({@code false}). */
    public XlsxOptions withExcelDates(boolean newExcelDates) {
        return new XlsxOptions(sheetName, titleLines, newExcelDates);
    }
}
