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
import org.threadline.domain.governance.agreements.AgreementRegistry;
import org.threadline.domain.governance.agreements.FeedCoverage;
import org.threadline.intake.export.RejectedRowsCsv;
import org.threadline.intake.load.FeedAgreements;
import org.threadline.intake.load.FeedRefusedException;
import org.threadline.intake.load.LoadReport;
import org.threadline.intake.load.Loader;
import org.threadline.intake.quality.Scorecard;
import org.threadline.intake.quality.ScorecardBuilder;
import org.threadline.intake.source.SourceDefinition;
import org.threadline.store.audit.AuditStore;
import org.threadline.store.intake.IntakeStore;
import org.threadline.store.intake.QuarantinedRows;

/**
 * One partner file loaded as {@code ./threadline ingest} loads it: taken in only while a live agreement covers its
 * feed ({@link FeedAgreements}; a refusal is a SHARE_DECISION audit entry, {@link IntakeDecisions}), kept under the
 * landed folder, read and standardised by the intake {@link Loader} in one transaction that also appends the
 * FEED_ACCEPTED audit entry, its scorecard written under {@code reports/quality/}; and the quarantined rows of a load
 * read back, or exported with formula-like cells neutralised ({@link RejectedRowsCsv}).
 */
public final class PartnerLoads {
    private final DataSource dataSource;
    private final Path landed;
    private final Path reports;
    private final Clock clock;
    private final AgreementRegistry agreements;
    private final AuditStore audit;

    /**
     * @param landed where received files are kept ({@code THREADLINE_HOME/landed})
     * @param reports where scorecards go ({@code THREADLINE_HOME/reports})
     * @param clock the landing time, and "today" for the agreements' validity
     * @param agreements the signed agreements in force, one of which must cover a feed before it is taken in
     * @param audit where the decision to take a file in, or to refuse it, is recorded
     */
    public PartnerLoads(DataSource dataSource, Path landed, Path reports, Clock clock, AgreementRegistry agreements,
                        AuditStore audit) {
        this.dataSource = dataSource;
        this.landed = landed;
        this.reports = reports;
        this.clock = clock;
        this.agreements = agreements;
        this.audit = audit;
    }

    /** Whether a live agreement covers the definition's feed today, and which. */
    public FeedCoverage coverage(SourceDefinition definition) {
        return new FeedAgreements(agreements, clock).coverage(definition);
    }

    /**
     * What a load did: the loader's report, and for a new file its scorecard (with drift against the feed's previous
     * load) and the landed file's id; a file already loaded has neither.
     */
    public record Loaded(LoadReport report, Optional<Scorecard> scorecard, Optional<QuarantinedRows.File> file) {
    }

    /**
     * Loads a file as the hub's operator ({@code ./threadline ingest}). Its name (as the loader keeps it) is the
     * file's own name.
     *
     * @param landedBy who is loading, recorded with the file and in the audit log
     * @throws FeedRefusedException when no agreement in force covers the feed (recorded in the audit log)
     * @throws org.threadline.intake.load.LoadException when the file cannot be read as the definition says
     */
    public Loaded load(Path file, SourceDefinition definition, String landedBy) {
        return load(file, definition, new IntakeDecisions(dataSource, audit, clock, landedBy), landedBy);
    }

    /**
     * Loads a partner's own upload: the same, with the uploader ({@code apikey.<name>} or a username) and their
     * agreement party named in the audit log.
     */
    public Loaded load(Path file, SourceDefinition definition, String landedBy, String landedByAgency) {
        return load(file, definition, new IntakeDecisions(dataSource, audit, clock, landedBy, landedByAgency),
                landedBy);
    }

    private Loaded load(Path file, SourceDefinition definition, IntakeDecisions decisions, String landedBy) {
        Loader loader = new Loader(new IntakeStore(dataSource, decisions.accepted(agreements)), landed, clock,
                landedBy, new FeedAgreements(agreements, clock));
        ScorecardBuilder quality = new ScorecardBuilder(definition.reference(), file.getFileName().toString());
        LoadReport report;
        try {
            report = loader.load(file, definition, quality::add);
        } catch (FeedRefusedException refused) {
            decisions.refused(file, refused);
            throw refused;
        }
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

    /** The rejected rows of a landed file as CSV (see {@link #exportRejected(DataSource, QuarantinedRows.File, Optional, Writer)}). */
    public long exportRejected(QuarantinedRows.File file, Optional<SourceDefinition> definition, Writer out) {
        return exportRejected(dataSource, file, definition, out);
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
    public static long exportRejected(DataSource dataSource, QuarantinedRows.File file,
                                      Optional<SourceDefinition> definition, Writer out) {
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
