package org.threadline.synth.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.poi.ss.SpreadsheetVersion;

/**
 * Opens {@link TableWriter}s for one generator run: the formats asked for and the fixed instant stamped into
 * file metadata. Create one per run and open one writer per table:
 *
 * <pre>{@code
 * TableOutput output = TableOutput.of(EnumSet.of(OutputFormat.CSV, OutputFormat.XLSX), extractInstant);
 * try (TableWriter writer = output.open(outDir.resolve("sandwell/referrals"), spec)) {
 *     writer.row("REF-001", "Jan Kowalski", "31/02/2019");
 * }
 * // wrote sandwell/referrals.csv and sandwell/referrals.xlsx
 * }</pre>
 *
 * <p>The instant must come from the run's options, never the clock: it is what makes two runs byte-identical.
 */
public final class TableOutput {

    /** Rows per sheet that Excel allows. */
    public static final int EXCEL_MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();

    private final Set<OutputFormat> formats;
    private final Instant timestamp;
    private final int maxRowsPerSheet;

    private TableOutput(Set<OutputFormat> formats, Instant timestamp, int maxRowsPerSheet) {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("at least one output format is needed");
        }
        this.formats = Set.copyOf(EnumSet.copyOf(formats));
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
        this.maxRowsPerSheet = maxRowsPerSheet;
        ZipRepacker.dosMillis(timestamp); // a ZIP can only hold 1980-2107
    }

    /**
     * Output in the given formats.
     *
     * @param formats   one or both formats; with both, each row goes to both files
     * @param timestamp the fixed creation time written into XLSX metadata and ZIP entries (1980-2107)
     */
    public static TableOutput of(Set<OutputFormat> formats, Instant timestamp) {
        return new TableOutput(formats, timestamp, EXCEL_MAX_ROWS);
    }

    /** The same output with fewer rows per XLSX sheet, so that tests can reach the sheet split. */
    TableOutput withMaxRowsPerSheet(int rows) {
        return new TableOutput(formats, timestamp, rows);
    }

    /** The formats this output writes. */
    public Set<OutputFormat> formats() {
        return formats;
    }

    /** The file written for {@code basePath} in {@code format}: the base path plus the format's extension. */
    public static Path fileFor(Path basePath, OutputFormat format) {
        return basePath.resolveSibling(basePath.getFileName() + "." + format.extension());
    }

    /**
     * Opens a writer for one table, creating the parent directory if needed and writing the header row.
     *
     * @param basePath the file path without extension, e.g. {@code out/sandwell/referrals}
     * @param spec     the table's columns and the agency's conventions
     */
    public TableWriter open(Path basePath, TableSpec spec) throws IOException {
        Path parent = basePath.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        List<TableWriter> opened = new ArrayList<>(2);
        try {
            for (OutputFormat format : OutputFormat.values()) { // enum order: the same on every run
                if (formats.contains(format)) {
                    opened.add(openOne(fileFor(basePath, format), spec, format));
                }
            }
        } catch (IOException | RuntimeException e) {
            try {
                FanOutTableWriter.closeAll(opened);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return opened.size() == 1 ? opened.get(0) : new FanOutTableWriter(opened);
    }

    private TableWriter openOne(Path file, TableSpec spec, OutputFormat format) throws IOException {
        return switch (format) {
            case CSV -> new CsvTableWriter(file, spec);
            case XLSX -> new XlsxTableWriter(file, spec, timestamp, maxRowsPerSheet);
        };
    }
}
