package org.threadline.app.governance;

import java.nio.file.Files;
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
import org.threadline.intake.load.Loader;
import org.threadline.intake.source.ColumnMapping;
import org.threadline.intake.source.SourceDefinition;
import org.threadline.intake.source.SourceDefinitions;
import org.threadline.store.StoreException;
import org.threadline.store.audit.AuditStore;
import org.threadline.store.governance.DerivedRemoval;
import org.threadline.store.governance.RowKey;
import org.threadline.store.governance.SourceRows;
import org.threadline.store.governance.SubjectStore;
import org.threadline.store.people.Build;
import org.threadline.store.people.RowRewrite;

/**
 * Erases one person: every source row their data lives in (their records' rows and their events' rows) and every copy
 * derived from them or about them, in one transaction with one ERASURE audit entry. A row that also names someone
 * else goes whole, and the result names those other persons so that their agencies can be told - except a row that
 * names the person only as a second person (a health visitor's contact is about the child and names the mother):
 * when another person's record is made of it and its source definition maps columns to that part, only the
 * person's cells are blanked and the row stays for the other person (ADR 0028). The audit log keeps its entries
 * about the person (the accountability record is not erased; its payloads go at the end of the audit retention).
 *
 * <p>Rectification corrects a field in place: {@link Rectification}.
 */
public final class Erasure {
    /** The purpose recorded on the audit entry. */
    public static final String PURPOSE = "SUBJECT_RIGHTS.ERASURE";

    private final DataSource dataSource;
    private final AuditStore audit;
    private final Clock clock;
    private final Path home;

    private final Optional<SourceDefinitions> definitions;

    /** An erasure that removes every row of the person whole (no source definitions to find a part's columns). */
    public Erasure(DataSource dataSource, AuditStore audit, Clock clock, Path home) {
        this(dataSource, audit, clock, home, Optional.empty());
    }

    /** An erasure that blanks the person's cells of rows naming them as a second person, per {@code definitions}. */
    public Erasure(DataSource dataSource, AuditStore audit, Clock clock, Path home,
                   Optional<SourceDefinitions> definitions) {
        this.definitions = Objects.requireNonNull(definitions, "definitions");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.home = Objects.requireNonNull(home, "home");
    }

    /** What went, and the other persons whose records shared a removed row. */
    /** What went, the rows kept with only the person's cells blanked, and the other persons whose rows went. */
    public record Result(String personId, Set<RowKey> rows, DerivedRemoval.Removed removed, Set<String> othersAffected,
                         List<String> filesDeleted, boolean dryRun, Set<RowKey> rowsBlanked) {
    }

    /** A row kept for another person, with the erased person's part and the cells (0-based) that hold it. */
    private record Blank(RowKey row, String part, List<Integer> cells) {
    }

    public Result erase(String personId, String reason, String by, String agency, boolean dryRun) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an erasure needs a reason");
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Set<RowKey> rows = new TreeSet<>(SubjectStore.rowsOf(c, personId));
                if (rows.isEmpty() && SubjectStore.read(c, personId).person().isEmpty()) {
                    throw new IllegalArgumentException("nothing is held about " + personId);
                }
                List<Blank> blanks = new ArrayList<>();
                for (RowKey row : Set.copyOf(rows)) {
                    blankable(c, personId, row).ifPresent(b -> {
                        blanks.add(b);
                        rows.remove(row);
                    });
                }
                DerivedRemoval.Removed removed = DerivedRemoval.remove(c, rows, Optional.of(personId), audit,
                        counts -> {
                            List<String> reasons = new ArrayList<>(List.of("ERASURE_REQUESTED",
                                    "REASON=" + reason.strip()));
                            reasons.addAll(counts.counts());
                            reasons.add("OTHER_PERSONS_AFFECTED=" + (counts.personsAffected().size() - 1));
                            reasons.add("ROWS_BLANKED=" + blanks.size());
                            return new AuditEvent(UUID.randomUUID().toString(), clock.instant(), by, agency,
                                    List.of(), PURPOSE, "", AuditAction.ERASURE, personId, "person", List.of(),
                                    reasons, "");
                        });
                if (!blanks.isEmpty()) {
                    SourceRows.markErasure(c, removed.auditEntry());
                    blanks.forEach(b -> SourceRows.blankPart(c, b.row(), b.cells(), b.part()));
                    SourceRows.markErasure(c, -1);
                }
                Set<String> others = new TreeSet<>(removed.personsAffected());
                others.remove(personId);
                List<String> files = List.of();
                if (dryRun) {
                    c.rollback();
                } else {
                    c.commit();
                    files = FileCopies.delete(home, removed.emptiedFiles());
                }
                Set<RowKey> blanked = new TreeSet<>();
                blanks.forEach(b -> blanked.add(b.row()));
                return new Result(personId, rows, removed, others, files, dryRun, blanked);
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
    /**
     * The row's blanking, when the person is only a second person in it (none of their records on it is its subject)
     * and another person's record is made of it, and the definition says which columns are that part; else empty
     * (the row goes whole, as before).
     */
    private Optional<Blank> blankable(Connection c, String personId, RowKey row) {
        if (definitions.isEmpty()) {
            return Optional.empty();
        }
        List<Build.RecordRow> records = RowRewrite.recordsOf(c, row.fileId(), row.rowNumber());
        List<Build.RecordRow> theirs = records.stream().filter(r -> r.personId().equals(personId)).toList();
        Set<String> parts = new TreeSet<>();
        theirs.forEach(r -> parts.add(r.part()));
        if (theirs.isEmpty() || parts.size() != 1 || parts.contains("")
                || records.stream().noneMatch(r -> !r.personId().equals(personId))) {
            return Optional.empty();
        }
        String part = parts.iterator().next();
        Optional<SourceRows.Held> held = SourceRows.lock(c, row);
        if (held.isEmpty()) {
            return Optional.empty();
        }
        Optional<SourceDefinition> definition = definitions.get().byId(held.get().definitionId())
                .filter(d -> d.version() == held.get().definitionVersion());
        Path landed = Path.of(held.get().storedPath());
        if (definition.isEmpty() || !Files.isRegularFile(landed)) {
            return Optional.empty();
        }
        List<String> header = Loader.header(landed, definition.get());
        List<Integer> cells = new ArrayList<>();
        for (ColumnMapping m : definition.get().columns()) {
            if (m.person().equals(part)) {
                int i = header.indexOf(m.source());
                for (int j = 0; i < 0 && j < header.size(); j++) {
                    i = header.get(j).strip().equalsIgnoreCase(m.source().strip()) ? j : -1;
                }
                if (i < 0) {
                    return Optional.empty();
                }
                cells.add(i);
            }
        }
        return cells.isEmpty() ? Optional.empty() : Optional.of(new Blank(row, part, cells));
    }
}
