package org.threadline.synth.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a table as an XLSX workbook with POI's streaming {@link SXSSFWorkbook}: only a small window of rows stays
 * in memory, the rest goes to compressed temporary files that are deleted on close.
 *
 * <p>Excel holds 1,048,576 rows per sheet. A longer table continues on sheets named {@code "<sheet> (2)"},
 * {@code "(3)"}, each starting with the same title lines and header row, so every sheet reads the same way.
 *
 * <p>For byte-identical output the core properties' created and modified times are set to the caller's fixed
 * instant, and the finished file is re-packed with a fixed ZIP entry time ({@link ZipRepacker}).
 */
final class XlsxTableWriter implements TableWriter {

    /** Rows kept in memory before SXSSF flushes them to its temporary file. */
    private static final int ROW_WINDOW = 64;
    private static final String CREATOR = "Threadline synthetic data";

    private final Path file;
    private final TableSpec spec;
    private final Instant timestamp;
    private final int maxRowsPerSheet;
    private final SXSSFWorkbook workbook;
    private final XlsxCells cells;
    private SXSSFSheet sheet;
    private int sheetCount;
    private int nextRow;
    private long rows;
    private boolean closed;

    /**
     * @param maxRowsPerSheet Excel's limit in production; lower in tests so that sheet splitting is testable
     */
    XlsxTableWriter(Path file, TableSpec spec, Instant timestamp, int maxRowsPerSheet) {
        int fixedRows = spec.xlsx().titleLines().size() + 1;
        if (maxRowsPerSheet <= fixedRows) {
            throw new IllegalArgumentException("a sheet of " + maxRowsPerSheet + " rows has no room for data after "
                    + fixedRows + " title and header rows");
        }
        ZipRepacker.dosMillis(timestamp); // fail now, not after writing millions of rows
        this.file = file;
        this.spec = spec;
        this.timestamp = timestamp;
        this.maxRowsPerSheet = maxRowsPerSheet;
        this.workbook = new StreamingWorkbook(ROW_WINDOW);
        try {
            this.cells = new XlsxCells(workbook, spec.columns(), spec.xlsx().excelDates());
            startSheet();
        } catch (RuntimeException e) {
            try {
                workbook.close(); // since POI 5.3 close() also deletes the temporary files
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    @Override
    public void row(String... values) throws IOException {
        spec.checkWidth(values);
        if (nextRow == maxRowsPerSheet) {
            startSheet();
        }
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < values.length; i++) {
            cells.write(row, i, values[i]);
        }
        rows++;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        Path unpacked = file.resolveSibling(file.getFileName() + ".unpacked");
        try {
            POIXMLProperties.CoreProperties core = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
            core.setCreated(Optional.of(Date.from(timestamp)));
            core.setModified(Optional.of(Date.from(timestamp)));
            core.setCreator(CREATOR);
            try (OutputStream out = Files.newOutputStream(unpacked)) {
                workbook.write(out);
            }
            ZipRepacker.repack(unpacked, file, timestamp);
        } finally {
            try {
                workbook.close(); // since POI 5.3 close() also deletes the temporary files
            } finally {
                Files.deleteIfExists(unpacked);
            }
        }
    }

    private void startSheet() {
        sheetCount++;
        sheet = workbook.createSheet(sheetName(spec.xlsx().sheetName(), sheetCount));
        nextRow = 0;
        for (String title : spec.xlsx().titleLines()) {
            Row row = sheet.createRow(nextRow++);
            if (!title.isEmpty()) {
                XlsxCells.text(row.createCell(0), title);
            }
        }
        Row header = sheet.createRow(nextRow++);
        String[] headers = spec.headers();
        for (int i = 0; i < headers.length; i++) {
            XlsxCells.text(header.createCell(i), headers[i]);
        }
    }

    /** {@code base} for the first sheet, then {@code "base (n)"}, shortening base to keep within 31 characters. */
    static String sheetName(String base, int number) {
        if (number == 1) {
            return base;
        }
        String suffix = " (" + number + ")";
        int keep = Math.min(base.length(), XlsxOptions.MAX_SHEET_NAME - suffix.length());
        return base.substring(0, keep).stripTrailing() + suffix;
    }
}
