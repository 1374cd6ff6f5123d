package org.threadline.intake.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A load's quarantined rows as CSV, to send back to the partner: the row number as they see it in their file, the
 * sheet, why the row was quarantined, then the row's cells under the file's own header. Every value, reasons
 * included, passes through {@link SpreadsheetSafe#neutralise}, so the file is safe to open in a spreadsheet.
 */
public final class RejectedRowsCsv implements AutoCloseable {
    private final CSVPrinter printer;
    private final int columns;
    private long rows;

    /**
     * @param out    where the CSV goes (UTF-8 is the caller's choice of writer)
     * @param header the file's header; a row quarantined for having more cells than it runs on past the header
     */
    public RejectedRowsCsv(Writer out, List<String> header) {
        this.columns = header.size();
        List<String> names = new ArrayList<>(List.of("row", "sheet", "reasons"));
        header.forEach(h -> names.add(SpreadsheetSafe.neutralise(h)));
        try {
            this.printer = new CSVPrinter(out, CSVFormat.RFC4180);
            printer.printRecord(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One quarantined row. */
    public void write(long row, String sheet, Map<String, String> reasons, List<String> cells) {
        List<String> record = new ArrayList<>(3 + Math.max(columns, cells.size()));
        record.add(Long.toString(row));
        record.add(SpreadsheetSafe.neutralise(sheet));
        record.add(SpreadsheetSafe.neutralise(reasons.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "))));
        for (String cell : cells) {
            record.add(SpreadsheetSafe.neutralise(cell));
        }
        try {
            printer.printRecord(record);
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
