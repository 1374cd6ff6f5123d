package org.threadline.app.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.threadline.intake.export.RejectedRowsCsv;
import org.threadline.intake.load.LoadReport;
import org.threadline.intake.load.Loader;
import org.threadline.intake.quality.Scorecard;
import org.threadline.intake.quality.ScorecardBuilder;
import org.threadline.intake.source.SourceDefinition;
import org.threadline.store.intake.IntakeStore;
import org.threadline.store.intake.QuarantinedRows;

/**
 * One partner file loaded as {@code ./threadline ingest} loads it: kept under the landed folder, read and standardised
 * by the intake {@link Loader} in one transaction, its scorecard written under {@code reports/quality/}; and the
 * quarantined rows of a load read back, or exported with formula-like cells neutralised ({@link RejectedRowsCsv}).
 */
public final class PartnerLoads {
    private final DataSource dataSource;
    private final Path landed;
    private final Path reports;
    private final Clock clock;

    /**
     * @param landed where received files are kept ({@code THREADLINE_HOME/landed})
     * @param reports where scorecards go ({@code THREADLINE_HOME/reports})
     */
    public PartnerLoads(DataSource dataSource, Path landed, Path reports, Clock clock) {
        this.dataSource = dataSource;
        this.landed = landed;
        this.reports = reports;
        this.clock = clock;
    }

    /**
     * What a load did: the loader's report, and for a new file its scorecard (with drift against the feed's previous
     * load) and the landed file's id; a file already loaded has neither.
     */
    public record Loaded(LoadReport report, Optional<Scorecard> scorecard, Optional<QuarantinedRows.File> file) {
    }

    /**
     * Loads a file. Its name (as the loader keeps it) is the file's own name.
     *
     * @param landedBy who is loading, recorded with the file (a username, or {@code apikey.<name>})
     * @throws org.threadline.intake.load.LoadException when the file cannot be read as the definition says
     */
    public Loaded load(Path file, SourceDefinition definition, String landedBy) {
        Loader loader = new Loader(new IntakeStore(dataSource), landed, clock, landedBy);
        ScorecardBuilder quality = new ScorecardBuilder(definition.reference(), file.getFileName().toString());
        LoadReport report = loader.load(file, definition, quality::add);
        if (report.duplicate()) {
            return new Loaded(report, Optional.empty(), Optional.empty());
        }
        try {
            Scorecard card = quality.build(report.sha256());
            QualityReports.write(reports, definition.id(), card);
            Scorecard withDrift = QualityReports.read(reports, definition.id(), card.sha256()).orElse(card);
            return new Loaded(report, Optional.of(withDrift), new QuarantinedRows(dataSource).find(report.sha256()));
        } catch (IOException e) {
            throw new UncheckedIOException("the file loaded, but its scorecard could not be written under "
                    + reports + ": " + e.getMessage(), e);
        }
    }

    /** A landed file by its id (as a load returns it). */
    public Optional<QuarantinedRows.File> file(long id) {
        return new QuarantinedRows(dataSource).find(Long.toString(id));
    }

    /** One quarantined row: where it was, and for each field what was wrong. */
    public record Rejected(long row, String sheet, java.util.Map<String, String> reasons) {
    }

    /** The first {@code limit} quarantined rows of a landed file, with their reasons (never their cells). */
    public List<Rejected> rejected(QuarantinedRows.File file, int limit) {
        List<Rejected> out = new ArrayList<>();
        new QuarantinedRows(dataSource).forEach(file, r -> {
            if (out.size() < limit) {
                out.add(new Rejected(r.rowNumber(), r.sheet(), r.reasons()));
            }
        });
        return out;
    }

    /**
     * Writes a load's quarantined rows as received, with their reasons, as {@code ./threadline ingest rejected}
     * does: cells a spreadsheet would run as formulas are written behind an apostrophe.
     *
     * @return the rows written
     */
    public long exportRejected(QuarantinedRows.File file, Optional<SourceDefinition> definition, Writer out) {
        List<String> header = header(file, definition);
        try (RejectedRowsCsv csv = new RejectedRowsCsv(out, header)) {
            new QuarantinedRows(dataSource).forEach(file, r -> csv.write(r.rowNumber(), r.sheet(), r.reasons(),
                    r.cells()));
            return csv.rows();
        }
    }

    /** The file's own header, read from the kept copy; empty (cells without names) if that cannot be done. */
    public static List<String> header(QuarantinedRows.File file, Optional<SourceDefinition> definition) {
        try {
            Path kept = Path.of(file.storedPath());
            if (definition.isPresent() && Files.isRegularFile(kept)) {
                return Loader.header(kept, definition.get());
            }
        } catch (RuntimeException e) {
            // The export is still useful without column names: row numbers and reasons say what to fix.
        }
        return List.of();
    }
}
