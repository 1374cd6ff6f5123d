package org.threadline.synth.output;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Turns the generator's text values into XLSX cells: typed when the text parses losslessly, text otherwise.
 *
 * <p>"Losslessly" is deliberate: {@code 007} in an INTEGER column stays text because a number would lose the
 * zeros, {@code 31/02/2019} stays text because no such date exists, and dates before 1900 stay text because Excel
 * cannot hold them. The deliberate errors the generator injects thus reach the reader unchanged.
 *
 * <p>Styles are created once per column (dates) or once per number of decimal places, because a workbook holds at
 * most 64,000 styles and a style per cell would also grow memory with the row count.
 */
final class XlsxCells {

    /** Excel shows and stores at most 15 significant digits. */
    private static final int MAX_DIGITS = 15;
    private static final int MAX_SCALE = 10;
    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    private static final LocalDate FIRST_EXCEL_DATE = LocalDate.of(1900, 1, 1);
    private static final int LAST_EXCEL_YEAR = 9999;

    private final ColumnType[] types;
    private final DateTimeFormatter[] parsers;
    private final CellStyle[] dateStyles;
    private final CellStyle[] numberStyles = new CellStyle[MAX_SCALE + 1];
    private final Workbook workbook;
    private final DataFormat formats;

    XlsxCells(Workbook workbook, List<ColumnSpec> columns, boolean excelDates) {
        this.workbook = workbook;
        this.formats = workbook.createDataFormat();
        int n = columns.size();
        types = new ColumnType[n];
        parsers = new DateTimeFormatter[n];
        dateStyles = new CellStyle[n];
        for (int i = 0; i < n; i++) {
            ColumnSpec column = columns.get(i);
            types[i] = column.type().isTemporal() && !excelDates ? ColumnType.TEXT : column.type();
            if (types[i].isTemporal()) {
                parsers[i] = ExcelDateFormat.strictParser(column.pattern());
                dateStyles[i] = workbook.createCellStyle();
                dateStyles[i].setDataFormat(formats.getFormat(ExcelDateFormat.excelFormat(column.pattern(),
                        column.type())));
            }
        }
    }

    /** Writes {@code value} into column {@code column} of {@code row}; a missing value leaves the cell blank. */
    void write(Row row, int column, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        Cell cell = row.createCell(column);
        boolean typed = switch (types[column]) {
            case TEXT -> false;
            case INTEGER, DECIMAL -> writeNumber(cell, value, types[column] == ColumnType.INTEGER);
            case DATE -> writeDate(cell, column, value);
            case DATETIME -> writeDateTime(cell, column, value);
        };
        if (!typed) {
            text(cell, value);
        }
    }

    /** Writes a text cell, cut to Excel's limit of 32,767 characters. */
    static void text(Cell cell, String value) {
        cell.setCellValue(value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT) : value);
    }

    private boolean writeNumber(Cell cell, String value, boolean wholeOnly) {
        int scale = canonicalScale(value, wholeOnly);
        if (scale < 0) {
            return false;
        }
        cell.setCellValue(Double.parseDouble(value));
        cell.setCellStyle(numberStyle(scale));
        return true;
    }

    private boolean writeDate(Cell cell, int column, String value) {
        LocalDate date;
        try {
            date = LocalDate.parse(value, parsers[column]);
        } catch (DateTimeParseException e) {
            return false;
        }
        if (!inExcelRange(date)) {
            return false;
        }
        cell.setCellValue(date);
        cell.setCellStyle(dateStyles[column]);
        return true;
    }

    private boolean writeDateTime(Cell cell, int column, String value) {
        LocalDateTime dateTime;
        try {
            dateTime = LocalDateTime.parse(value, parsers[column]);
        } catch (DateTimeParseException e) {
            return false;
        }
        if (!inExcelRange(dateTime.toLocalDate())) {
            return false;
        }
        cell.setCellValue(dateTime);
        cell.setCellStyle(dateStyles[column]);
        return true;
    }

    private static boolean inExcelRange(LocalDate date) {
        return !date.isBefore(FIRST_EXCEL_DATE) && date.getYear() <= LAST_EXCEL_YEAR;
    }

    private CellStyle numberStyle(int scale) {
        if (numberStyles[scale] == null) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(formats.getFormat(scale == 0 ? "0" : "0." + "0".repeat(scale)));
            numberStyles[scale] = style;
        }
        return numberStyles[scale];
    }

    /**
     * The number of decimal places of {@code value} when it is a plain decimal Excel holds exactly (optional minus,
     * no superfluous leading zero, at most 15 digits, not negative zero); -1 otherwise.
     */
    static int canonicalScale(String value, boolean wholeOnly) {
        int length = value.length();
        int start = value.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        int point = -1;
        boolean nonZero = false;
        for (int i = start; i < length; i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                nonZero |= c != '0';
            } else if (c == '.' && point < 0 && !wholeOnly) {
                point = i;
            } else {
                return -1;
            }
        }
        int integerDigits = (point < 0 ? length : point) - start;
        int scale = point < 0 ? 0 : length - point - 1;
        boolean leadingZero = integerDigits > 1 && value.charAt(start) == '0';
        boolean negativeZero = start == 1 && !nonZero;
        if (integerDigits == 0 || (point >= 0 && scale == 0) || leadingZero || negativeZero
                || digits > MAX_DIGITS || scale > MAX_SCALE) {
            return -1;
        }
        return scale;
    }
}
