package org.threadline.app.governance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.domain.governance.audit.AuditEvent;
import org.threadline.store.StoreException;
import org.threadline.store.audit.AuditRetention;
import org.threadline.store.audit.AuditStore;
import org.threadline.store.governance.DerivedRemoval;
import org.threadline.store.governance.RetentionRows;
import org.threadline.store.governance.RowKey;

/**
 * Enforces retention: for each feed the agreements name, the rows whose retention ended by {@code asOf} are removed
 * with every copy derived from them (one transaction and one ERASURE audit entry per feed), or listed for review
 * where an agreement says {@code then: review}; then the audit payloads past their own retention are removed. A dry
 * run does exactly the same work and rolls every transaction back, so what it lists is what a run would remove.
 */
public final class RetentionJob {
    /** The purpose recorded on the job's audit entries. */
    public static final String PURPOSE = "GOVERNANCE.RETENTION";

    private final DataSource dataSource;
    private final AuditStore audit;
    private final Clock clock;
    private final Path home;

    /** @param home THREADLINE_HOME, against which relative stored paths of landed files are resolved */
    public RetentionJob(DataSource dataSource, AuditStore audit, Clock clock, Path home) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.home = Objects.requireNonNull(home, "home");
    }

    /** One feed's outcome: how many rows are past retention, and what went (empty for review, or nothing due). */
    public record FeedOutcome(RetentionPolicy.FeedRule rule, LocalDate clockStartedBy, int expiredRows,
                              Optional<DerivedRemoval.Removed> removed) {
    }

    public record Report(LocalDate asOf, boolean dryRun, List<FeedOutcome> feeds, long auditPayloadsRemoved,
                         List<String> filesDeleted) {
        public Report {
            feeds = List.copyOf(feeds);
            filesDeleted = List.copyOf(filesDeleted);
        }
    }

    public Report run(RetentionPolicy policy, LocalDate asOf, boolean dryRun, String actor) throws IOException {
        List<FeedOutcome> outcomes = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        for (RetentionPolicy.FeedRule rule : policy.rules()) {
            LocalDate by = rule.lastStartExpiredOn(asOf);
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    List<RowKey> rows = RetentionRows.startedBy(c, rule.agency(), rule.feed(), by).stream()
                            .map(RetentionRows.DatedRow::row).toList();
                    Optional<DerivedRemoval.Removed> removed = Optional.empty();
                    if (rule.delete() && !rows.isEmpty()) {
                        removed = Optional.of(DerivedRemoval.remove(c, rows, Optional.empty(), audit,
                                counts -> event(actor, rule, asOf, counts)));
                    }
                    if (dryRun) {
                        c.rollback();
                    } else {
                        c.commit();
                        removed.ifPresent(r -> deleted.addAll(deleteFiles(r.emptiedFiles())));
                    }
                    outcomes.add(new FeedOutcome(rule, by, rows.size(), removed));
                } catch (RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Retention of " + rule.feed() + " failed: "
                        + StoreException.reason(e), StoreException.withoutValues(e));
            }
        }
        long redacted;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                redacted = new AuditRetention(audit, clock).redactExpired(c, actor, "",
                        UUID.randomUUID().toString());
                if (dryRun) {
                    c.rollback();
                } else {
                    c.commit();
                }
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Removing expired audit payloads failed: "
                    + StoreException.reason(e), StoreException.withoutValues(e));
        }
        return new Report(asOf, dryRun, outcomes, redacted, deleted);
    }

    private AuditEvent event(String actor, RetentionPolicy.FeedRule rule, LocalDate asOf,
                             DerivedRemoval.Removed counts) {
        List<String> reasons = new ArrayList<>(List.of("RETENTION_ENDED", "AS_OF=" + asOf, "KEEP=" + rule.keep()));
        reasons.addAll(counts.counts());
        return new AuditEvent(UUID.randomUUID().toString(), clock.instant(), actor, "", List.of(), PURPOSE, "",
                AuditAction.ERASURE, "", rule.feed(), List.of(), reasons, String.join(", ", rule.basis()));
    }

    /** Landed copies of files left with no rows: the data they hold has gone from the store, so it goes here too. */
    private List<String> deleteFiles(List<String> storedPaths) {
        return FileCopies.delete(home, storedPaths);
    }
}
