package org.threadline.app.governance;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.domain.governance.audit.AuditEvent;
import org.threadline.store.StoreException;
import org.threadline.store.audit.AuditStore;
import org.threadline.store.governance.DerivedRemoval;
import org.threadline.store.governance.RowKey;
import org.threadline.store.governance.SubjectStore;

/**
 * Erases one person: every source row their data lives in (their records' rows and their events' rows) and every copy
 * derived from them or about them, in one transaction with one ERASURE audit entry. A row that also names someone
 * else (a health visitor's contact names a child and the mother) goes whole: the result names those other persons so
 * that their agencies can be told. The audit log keeps its entries about the person (the accountability record is
 * not erased; its payloads go at the end of the audit retention).
 *
 * <p>Rectification is an erasure of the wrong rows followed by loading the agency's corrected file and rebuilding:
 * every derived copy is then made again from the corrected data.
 */
public final class Erasure {
    /** The purpose recorded on the audit entry. */
    public static final String PURPOSE = "SUBJECT_RIGHTS.ERASURE";

    private final DataSource dataSource;
    private final AuditStore audit;
    private final Clock clock;
    private final Path home;

    public Erasure(DataSource dataSource, AuditStore audit, Clock clock, Path home) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.home = Objects.requireNonNull(home, "home");
    }

    /** What went, and the other persons whose records shared a removed row. */
    public record Result(String personId, Set<RowKey> rows, DerivedRemoval.Removed removed, Set<String> othersAffected,
                         List<String> filesDeleted, boolean dryRun) {
    }

    public Result erase(String personId, String reason, String by, String agency, boolean dryRun) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an erasure needs a reason");
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Set<RowKey> rows = SubjectStore.rowsOf(c, personId);
                if (rows.isEmpty() && SubjectStore.read(c, personId).person().isEmpty()) {
                    throw new IllegalArgumentException("nothing is held about " + personId);
                }
                DerivedRemoval.Removed removed = DerivedRemoval.remove(c, rows, Optional.of(personId), audit,
                        counts -> {
                            List<String> reasons = new ArrayList<>(List.of("ERASURE_REQUESTED",
                                    "REASON=" + reason.strip()));
                            reasons.addAll(counts.counts());
                            reasons.add("OTHER_PERSONS_AFFECTED=" + (counts.personsAffected().size() - 1));
                            return new AuditEvent(UUID.randomUUID().toString(), clock.instant(), by, agency,
                                    List.of(), PURPOSE, "", AuditAction.ERASURE, personId, "person", List.of(),
                                    reasons, "");
                        });
                Set<String> others = new TreeSet<>(removed.personsAffected());
                others.remove(personId);
                List<String> files = List.of();
                if (dryRun) {
                    c.rollback();
                } else {
                    c.commit();
                    files = FileCopies.delete(home, removed.emptiedFiles());
                }
                return new Result(personId, rows, removed, others, files, dryRun);
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Erasing " + personId + " failed (nothing was erased): "
                    + StoreException.reason(e),
                    StoreException.withoutValues(e));
        }
    }
}
