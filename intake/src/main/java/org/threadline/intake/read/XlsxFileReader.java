package org.threadline.intake.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams one sheet of an XLSX workbook as {@link RawRow}s with bounded memory (POI's event API). The header row is
 * found rather than assumed: title lines above it ("Sandwell Children's Services — extract …") are skipped. Cells
 * holding real Excel dates come out as ISO text ({@code 2026-03-31}; {@code 2026-03-31T09:05} when the cell is
 * formatted with a time, midnight included);
 * numbers as plain digits; text as typed, formula-like text included (it is never evaluated). A workbook is refused
 * whole, with a message naming it, when any part inflates more than {@link Limits#minInflateRatio} allows (a zip
 * bomb) or beyond {@link Limits#maxEntryBytes}; a row with a cell past the {@link RowLimits} is quarantined.
 */
public final class XlsxFileReader {
    private static final int HEADER_SEARCH_ROWS = 20;

    /**
     * Limits on what a workbook may inflate to. POI applies them to every part as it is read.
     *
     * @param minInflateRatio the smallest compressed/inflated size ratio allowed (0.01: no part may inflate more
     *                        than 100 times; real sheets inflate 5 to 20 times)
     * @param maxEntryBytes   the most one part (a sheet's XML, the shared strings) may inflate to
     */
    public record Limits(double minInflateRatio, long maxEntryBytes) {
        /** 1:100 and 2 GiB: a 3,000,000-person population's largest sheet is well inside both. */
        public static final Limits DEFAULT = new Limits(0.01, 2L << 30);

        public Limits {
            if (minInflateRatio < 0 || minInflateRatio >= 1 || maxEntryBytes < 1 || maxEntryBytes > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("a ratio in [0, 1) and an entry size of 1 byte to 4 GiB: "
                        + minInflateRatio + ", " + maxEntryBytes);
            }
        }
    }

    private final Limits limits;
    private final RowLimits rowLimits;

    public XlsxFileReader() {
        this(Limits.DEFAULT, RowLimits.DEFAULT);
    }

    public XlsxFileReader(Limits limits, RowLimits rowLimits) {
        this.limits = limits;
        this.rowLimits = rowLimits;
    }

    /** The sheet read, and its header. */
    public record Layout(String sheet, List<String> header, long headerRow) {
    }

    /**
     * @param sheet the sheet's name, or null for the first sheet
     */
    public Layout read(Path file, String sheet, Consumer<RawRow> rows) throws IOException {
        return read(file, sheet, RowSink.rows(rows));
    }

    /** The same, telling {@code rows} the header (once it is found) before the first row. */
    public Layout read(Path file, String sheet, RowSink rows) throws IOException {
        try {
            return readWithin(file, sheet, rows);
        } catch (IOException | RuntimeException e) {
            if (zipBomb(e)) {
                throw new IOException(String.format("%s was refused: a part of the workbook inflates more than %.0f"
                        + " times its compressed size, or beyond %,d bytes (a zip bomb, or a workbook too large to"
                        + " read safely). POI said: %s", file.getFileName(), 1 / limits.minInflateRatio(),
                        limits.maxEntryBytes(), rootMessage(e)), e);
            }
            throw e;
        }
    }

    private Layout readWithin(Path file, String sheet, RowSink rows) throws IOException {
        // POI keeps these limits in static fields: every workbook this process reads gets the same ones.
        synchronized (XlsxFileReader.class) {
            ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
            ZipSecureFile.setMaxEntrySize(limits.maxEntryBytes());
        }
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            List<String> names = new ArrayList<>();
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    String name = sheets.getSheetName();
                    names.add(name);
                    if (sheet == null || sheet.equals(name)) {
                        return readSheet(file, name, in, reader.getStylesTable(),
                                new ReadOnlySharedStringsTable(pkg), rows, rowLimits);
                    }
                }
            }
            throw new IOException(file + " has no sheet '" + sheet + "'; its sheets are " + names);
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            throw new IOException(file + " is not an XLSX workbook: " + e.getMessage(), e);
        } catch (OpenXML4JException | SAXException e) {
            throw new IOException(file + " could not be read as XLSX: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            // POI signals its zip-bomb and size limits this way.
            throw new IOException(file + " was refused: " + e.getMessage(), e);
        }
    }

    private static boolean zipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("Zip bomb") || m.contains("max entry size") || m.contains("ZipSecureFile"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    private Layout readSheet(Path file, String name, InputStream in, StylesTable styles,
                             ReadOnlySharedStringsTable strings, RowSink rows, RowLimits rowLimits)
            throws IOException, SAXException {
        Collector collector = new Collector(name, rows, rowLimits);
        try {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, collector, new IsoDates(), false));
            xml.parse(new InputSource(in));
        } catch (ParserConfigurationException e) {
            throw new IOException(e);
        }
        collector.finish();
        if (collector.header == null) {
            throw new IOException(file + " sheet '" + name + "' has no header row");
        }
        return new Layout(name, collector.header, collector.headerRow);
    }

    /** Formats date cells as ISO text whatever display format the workbook gave them. */
    private static final class IsoDates extends DataFormatter {
        private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm", Locale.ROOT);
        private static final DateTimeFormatter SECONDS =
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

        IsoDates() {
            super(Locale.UK);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime t = DateUtil.getLocalDateTime(value, false, true);
                // A cell formatted with hours is a date-time even at midnight; one without is a day.
                if (!showsTime(formatString) && t.toLocalTime().toSecondOfDay() == 0) {
                    return t.toLocalDate().toString();
                }
                return t.format(t.getSecond() == 0 ? MINUTES : SECONDS);
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }

        /** Whether an Excel number format shows hours (h outside quoted text and [colour] brackets). */
        static boolean showsTime(String format) {
            if (format == null) {
                return false;
            }
            String unquoted = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^\\]]*\\]", "");
            return unquoted.toLowerCase(Locale.ROOT).indexOf('h') >= 0;
        }
    }

    /** Buffers the first rows to find the header, then streams. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final String sheet;
        private final RowSink out;
        private final RowLimits limits;
        private final List<List<String>> buffered = new ArrayList<>();
        private final List<Long> bufferedRows = new ArrayList<>();
        private List<String> current;
        private List<String> header;
        private long headerRow;

        Collector(String sheet, RowSink out, RowLimits limits) {
            this.sheet = sheet;
            this.out = out;
            this.limits = limits;
        }

        @Override
        public void startRow(int rowNum) {
            current = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (header == null && buffered.size() < HEADER_SEARCH_ROWS) {
                buffered.add(current);
                bufferedRows.add((long) rowNum + 1);
                if (buffered.size() == HEADER_SEARCH_ROWS) {
                    finish();
                }
            } else {
                emit(rowNum + 1L, current);
            }
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = new CellReference(ref).getCol();
            while (current.size() < col) {
                current.add("");
            }
            current.add(value == null ? "" : value);
        }

        /** The header is the first row as wide (in filled cells) as the widest of the rows buffered. */
        void finish() {
            if (header != null || buffered.isEmpty()) {
                return;
            }
            int widest = 0;
            for (List<String> r : buffered) {
                widest = Math.max(widest, filled(r));
            }
            int at = 0;
            while (filled(buffered.get(at)) < widest) {
                at++;
            }
            header = trimmed(buffered.get(at));
            headerRow = bufferedRows.get(at);
            out.header(header);
            for (int i = at + 1; i < buffered.size(); i++) {
                emit(bufferedRows.get(i), buffered.get(i));
            }
            buffered.clear();
        }

        private void emit(long row, List<String> cells) {
            if (filled(cells) == 0) {
                return;
            }
            List<String> padded = new ArrayList<>(cells);
            while (padded.size() < header.size()) {
                padded.add("");
            }
            String problem = filled(padded.subList(Math.min(header.size(), padded.size()), padded.size())) > 0
                    ? "has values beyond the header's " + header.size() + " columns" : limits.problem(header, padded);
            out.row(new RawRow(sheet, row, padded.subList(0, Math.max(header.size(),
                    problem.isEmpty() ? header.size() : padded.size())), problem));
        }

        private static int filled(List<String> r) {
            int n = 0;
            for (String c : r) {
                n += c.isBlank() ? 0 : 1;
            }
            return n;
        }

        private static List<String> trimmed(List<String> r) {
            int end = r.size();
            while (end > 0 && r.get(end - 1).isBlank()) {
                end--;
            }
            return List.copyOf(r.subList(0, end));
        }
    }
}
