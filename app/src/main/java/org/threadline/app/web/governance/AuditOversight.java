package org.threadline.app.web.governance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.threadline.app.audit.AuditKeyFiles;
import org.threadline.app.audit.WitnessFile;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.domain.governance.agreements.BreakGlassRule;
import org.threadline.domain.governance.audit.AuditEvent;
import org.threadline.domain.governance.audit.Checkpoint;
import org.threadline.domain.governance.audit.CheckpointKeys;
import org.threadline.domain.governance.audit.LogProblem;
import org.threadline.domain.governance.audit.VerificationReport;
import org.threadline.store.StoreException;
import org.threadline.store.audit.AuditLogEntries;
import org.threadline.store.audit.AuditLogVerification;

/**
 * What the audit pages read: the newest entries, the latest signed checkpoint, the break-glass uses, and the
 * verifier's answer, from the same {@link AuditLogVerification} as {@code ./threadline audit verify}, with the
 * installation's public key and the checkpoint that command remembered (read, never moved: remembering is the
 * operator's verifier's job).
 */
public final class AuditOversight {
    /** How many entries the audit page lists. */
    static final int NEWEST = 50;
    /** GOVERNANCE.md b1.8: a break-glass use is reviewed within three days unless the agreement says sooner. */
    static final Duration DEFAULT_REVIEW = Duration.ofDays(3);

    private final DataSource dataSource;
    private final ThreadlineHome home;
    private final AgreementLibrary agreements;
    private final Clock clock;

    public AuditOversight(DataSource dataSource, ThreadlineHome home, AgreementLibrary agreements, Clock clock) {
        this.dataSource = dataSource;
        this.home = home;
        this.agreements = agreements;
        this.clock = clock;
    }

    /**
     * One entry as the audit page shows it: who did what, for which purpose, when, to which data item under which
     * agreement. Whom it was about and the case are not listed (see docs/web.md: a person's own question, answered
     * by a subject access request).
     */
    public record Row(long sequence, Instant time, String action, String actor, String agency, String roles,
                      String purpose, String dataItem, int fields, String agreement, String reasons,
                      boolean payloadRemoved) {
        public String when() {
            return AuditOversight.when(time);
        }
    }

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("d MMM yyyy HH:mm:ss 'UTC'", java.util.Locale.UK).withZone(java.time.ZoneOffset.UTC);

    /** A time as the pages show it (UTC, as the log records it). */
    public static String when(Instant t) {
        return WHEN.format(t);
    }

    /** The newest entries and the size of the log. */
    public record Recent(long total, List<Row> rows, Optional<Checkpoint> latestCheckpoint) {
    }

    public Recent recent() {
        try (Connection c = dataSource.getConnection()) {
            List<Row> rows = AuditLogEntries.newest(c, NEWEST).stream().map(AuditOversight::row).toList();
            return new Recent(AuditLogEntries.count(c), rows, AuditLogVerification.latestCheckpoint(c));
        } catch (SQLException e) {
            throw new StoreException("Reading the audit log failed: "
                    + StoreException.reason(e), StoreException.withoutValues(e));
        }
    }

    private static Row row(AuditLogEntries.Entry e) {
        if (e.event().isEmpty()) {
            return new Row(e.sequence(), e.time(), e.action(), "", "", "", "", "", 0, "", "", true);
        }
        AuditEvent a = e.event().get();
        return new Row(e.sequence(), e.time(), e.action(), a.actor(), a.agency(), String.join(", ", a.roles()),
                a.purpose(), a.dataItem(), a.fields().size(), a.agreement(), String.join(", ", a.reasonCodes()),
                false);
    }

    /** The verifier's answer, as the page shows it. */
    public record Verification(Instant checkedAt, boolean intact, long entries, long checkpoints, long redacted,
                               long unsealed, Optional<Checkpoint> latest, Optional<Checkpoint> remembered,
                               String firstBadEntry, String problem) {
    }

    /** Verifies the whole log now. */
    public Verification verify() {
        try (Connection c = dataSource.getConnection()) {
            Optional<Checkpoint> remembered = WitnessFile.read(WitnessFile.defaultPath(home));
            VerificationReport r = AuditLogVerification.verify(c, new CheckpointKeys(keys()), remembered);
            String first = r.problem().filter(p -> p.firstEntry() >= 0).map(p -> p.exact()
                    ? String.valueOf(p.firstEntry()) : "between " + p.firstEntry() + " and " + p.lastEntry())
                    .orElse("");
            return new Verification(clock.instant(), r.intact(), r.entries(), r.checkpoints(), r.redacted(),
                    r.unsealed(), r.latest(), remembered, first, r.problem().map(LogProblem::message).orElse(""));
        } catch (SQLException e) {
            throw new StoreException("Verifying the audit log failed: "
                    + StoreException.reason(e), StoreException.withoutValues(e));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the audit log's public key or remembered checkpoint in "
                    + home.root() + ": " + StoreException.reason(e), StoreException.withoutValues(e));
        }
    }

    private List<PublicKey> keys() throws IOException {
        Path own = AuditKeyFiles.publicKeyFile(home);
        List<PublicKey> keys = new ArrayList<>();
        if (Files.exists(own)) {
            keys.add(AuditKeyFiles.readPublic(own));
        }
        return keys;
    }

    /**
     * A use of break-glass, to be reviewed. The subject is shown here (unlike the log list): reviewing a
     * break-glass use means checking it reached only the one person its claim named, for the reason given.
     */
    public record BreakGlassUse(long sequence, Instant time, String actor, String agency, String roles,
                                String purpose, String caseRef, String subject, String dataItem, String reasons,
                                String agreement, Instant reviewDue, boolean overdue, String reviewState) {
        public String when() {
            return AuditOversight.when(time);
        }

        public String due() {
            return AuditOversight.when(reviewDue);
        }
    }

    /**
     * The newest break-glass entries of the audit log (up to 200): each grant and each source a grant released. The
     * grants and their reviews themselves are in the break-glass store (ADR 0018); this is the log's own account.
     */
    public List<BreakGlassUse> breakGlass() {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            List<BreakGlassUse> out = new ArrayList<>();
            for (AuditLogEntries.Entry e : AuditLogEntries.newest(c, "BREAK_GLASS", 200)) {
                Optional<AuditEvent> a = e.event();
                Duration within = a.flatMap(x -> agreements.version(x.agreement()))
                        .flatMap(v -> v.agreement().breakGlass()).map(BreakGlassRule::reviewWithin)
                        .orElse(DEFAULT_REVIEW);
                Instant due = e.time().plus(within);
                out.add(new BreakGlassUse(e.sequence(), e.time(), a.map(AuditEvent::actor).orElse(""),
                        a.map(AuditEvent::agency).orElse(""), a.map(x -> String.join(", ", x.roles())).orElse(""),
                        a.map(AuditEvent::purpose).orElse(""), a.map(AuditEvent::caseRef).orElse(""),
                        a.map(AuditEvent::subject).orElse(""), a.map(AuditEvent::dataItem).orElse(""),
                        a.map(x -> String.join(", ", x.reasonCodes())).orElse(""),
                        a.map(AuditEvent::agreement).orElse(""), due, now.isAfter(due),
                        now.isAfter(due) ? "Review overdue: no review recorded" : "No review recorded yet"));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Reading break-glass entries failed: "
                    + StoreException.reason(e), StoreException.withoutValues(e));
        }
    }
}
