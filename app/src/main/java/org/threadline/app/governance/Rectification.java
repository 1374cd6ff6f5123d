package org.threadline.app.governance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.threadline.app.indicators.IndicatorRun;
import org.threadline.app.people.PeopleBuilder;
import org.threadline.app.people.RowTies;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.chronology.EventVocabulary;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.domain.governance.audit.AuditEvent;
import org.threadline.intake.load.FieldValue;
import org.threadline.intake.load.Loader;
import org.threadline.intake.load.RowCorrection;
import org.threadline.intake.read.RawRow;
import org.threadline.intake.source.SourceDefinition;
import org.threadline.intake.source.SourceDefinitions;
import org.threadline.linkage.model.LinkageModel;
import org.threadline.store.StoreException;
import org.threadline.store.audit.AuditStore;
import org.threadline.store.governance.CaseLinkSuccession;
import org.threadline.store.governance.RowKey;
import org.threadline.store.indicators.AlertStore;
import org.threadline.store.governance.SourceRows;
import org.threadline.store.people.Build;
import org.threadline.store.people.PeopleStore;
import org.threadline.store.people.RowRewrite;
import org.threadline.store.people.StoredRow;
import org.threadline.store.people.TiesAround;

/**
 * Corrects one field of one stored source row in place, with every copy derived from it (a data subject's right to
 * rectification, UK GDPR Art. 16; ADR 0028). The new value is standardised and validated by the rules of the row's
 * source definition, as intake would have; a value intake would refuse is refused, naming the file, row and field.
 *
 * <p>In one transaction: one RECTIFICATION audit entry (naming the feed, the row and the field, never a value) is
 * appended and named in {@code threadline.rectification_entry}, without which the database refuses the UPDATE of the
 * row (migration V21); the row's cells and standardised fields change; the row's person records (identity fields and
 * lookup keys, so search finds the corrected value), its chronology events and the review items about its records
 * are made again, the records' links re-decided by incremental resolution (a corrected date of birth can move a
 * record to another person, or to review: the result says so), and the persons touched get their summary from their
 * records; the relationships and residences the row's correction changes are remade ({@link RowTies}: a corrected
 * parent, role or address changes the family read right after); the event rows of other feeds attached through the
 * row's record (a term's attendance by the pupil's UPN) are attached again by the build's rules, so they follow a
 * corrected key or a record that moved to another person (ADR 0033); and every alert citing one of the row's events,
 * or an event attached through it that went, is marked as resting on rectified evidence (ADR 0032: marked, never
 * changed or deleted - it was a real decision point). After the commit the indicators of the persons touched, of
 * those whose relationships or attached events changed, and of their families are re-evaluated, as after an intake
 * (which may raise a new alert). A dry run does the same work and rolls it back.
 */
public final class Rectification {
    /** The purpose recorded on the audit entry. */
    public static final String PURPOSE = "SUBJECT_RIGHTS.RECTIFICATION";

    private final DataSource dataSource;
    private final AuditStore audit;
    private final SourceDefinitions definitions;
    private final EventVocabulary vocabulary;
    private final LinkageModel model;
    private final Optional<IndicatorRun> indicators;
    private final Clock clock;

    public Rectification(DataSource dataSource, AuditStore audit, SourceDefinitions definitions,
                         EventVocabulary vocabulary, LinkageModel model, Optional<IndicatorRun> indicators,
                         Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.definitions = Objects.requireNonNull(definitions, "definitions");
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.model = Objects.requireNonNull(model, "model");
        this.indicators = Objects.requireNonNull(indicators, "indicators");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One correction asked for: {@code field} of row {@code row} of feed {@code source} becomes {@code value}. */
    public record Request(String source, RowKey row, String field, String value, String reason, String by,
                          String agency) {
        public Request {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a rectification needs a reason");
            }
        }
    }

    /**
     * What changed. {@code changed}: the standardised fields whose value changed (a name cell can change more than
     * one part); {@code eventsBefore}/{@code eventsAfter}: the row's events as (id, person, date, type);
     * {@code reevaluated}: the indicator re-evaluation after the commit (empty for a dry run, or when no indicator
     * run exists yet).
     */
    public record Result(Request request, String fileName, String column, List<String> changed,
                         List<PeopleBuilder.Move> moves, List<String[]> eventsBefore, List<String[]> eventsAfter,
                         int reviewItems, Set<String> personsTouched, Set<String> retired, long auditEntry,
                         boolean dryRun, Optional<IndicatorRun.Outcome> reevaluated, Optional<TiesAround.Counts> ties,
                         long alertsMarked, Set<String> personsReevaluated, List<String> caseChanges,
                         Optional<PeopleBuilder.Reattached> reattached) {
        Result withReevaluated(IndicatorRun.Outcome o) {
            return new Result(request, fileName, column, changed, moves, eventsBefore, eventsAfter, reviewItems,
                    personsTouched, retired, auditEntry, dryRun, Optional.of(o), ties, alertsMarked,
                    personsReevaluated, caseChanges, reattached);
        }
    }

    public Result rectify(Request q, boolean dryRun) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            Result result;
            try {
                result = rectify(c, q, dryRun);
                if (dryRun) {
                    c.rollback();
                } else {
                    c.commit();
                }
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            }
            if (!dryRun && indicators.isPresent() && indicators.get().hasRun()
                    && !result.personsReevaluated().isEmpty()) {
                IndicatorRun.Outcome o = indicators.get().reevaluate(result.personsReevaluated(), Optional.empty());
                result = result.withReevaluated(o);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Rectifying " + q.row() + " failed (nothing was changed): "
                    + StoreException.reason(e), StoreException.withoutValues(e));
        }
    }

    private Result rectify(Connection c, Request q, boolean dryRun) {
        SourceRows.Held held = SourceRows.lock(c, q.row()).orElseThrow(() -> new IllegalArgumentException(
                "no " + q.row() + " is held"));
        if (!held.definitionId().equals(q.source())) {
            throw new IllegalArgumentException(q.row() + " is a row of " + held.definitionId() + ", not "
                    + q.source());
        }
        if (held.quarantined()) {
            throw new IllegalArgumentException(held.fileName() + " row " + q.row().rowNumber() + " is quarantined:"
                    + " the agency's corrected extract replaces it (ingest it, then erase the quarantined row's file"
                    + " if need be)");
        }
        SourceDefinition definition = definitions.byId(q.source()).orElseThrow(() -> new IllegalArgumentException(
                "no source definition " + q.source() + " in config/sources"));
        if (definition.version() != held.definitionVersion()) {
            throw new IllegalArgumentException(held.fileName() + " was loaded under " + q.source() + " v"
                    + held.definitionVersion() + " and config/sources holds v" + definition.version()
                    + ": a row is corrected by the rules it was loaded under");
        }
        Path landed = Path.of(held.storedPath());
        if (!Files.isRegularFile(landed)) {
            throw new IllegalStateException("the landed copy of " + held.fileName() + " (" + landed + ") is missing:"
                    + " its header says which column is which");
        }
        List<String> header = Loader.header(landed, definition);
        RowCorrection.Corrected corrected;
        try {
            corrected = RowCorrection.correct(definition, header, new RawRow(held.sheet(), q.row().rowNumber(),
                    held.cells(), held.problem()), held.fields(), q.field(), q.value(), held.fileName(),
                    Year.from(held.landedAt().atZone(ZoneOffset.UTC)));
        } catch (RowCorrection.Refused e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, SourceRows.Field> fields = new LinkedHashMap<>();
        corrected.fields().forEach((k, v) -> {
            values.put(k, v.value());
            fields.put(k, field(v));
        });
        StoredRow row = new StoredRow(q.row().fileId(), q.row().rowNumber(), held.agency(), held.definitionId(),
                values);

        List<Build.RecordRow> before = RowRewrite.recordsOf(c, q.row().fileId(), q.row().rowNumber());
        List<String[]> eventsBefore = RowRewrite.eventsOf(c, q.row().fileId(), q.row().rowNumber());
        PeopleStore people = new PeopleStore(new OneTransaction(c));
        // A row of a file no build or increment has read yet gets its copies when one does: only the row changes.
        boolean built = people.latestRunId().isPresent()
                && !people.filesNotBuilt().contains(q.row().fileId());
        PeopleBuilder builder = new PeopleBuilder(people, vocabulary, model, clock, 1);
        Optional<PeopleBuilder.Relink> relink = built
                ? Optional.of(builder.relink(row, before, corrected.changed()))
                : Optional.empty();
        StoredRow stored = people.rowsAt(List.of(new long[] {q.row().fileId(), q.row().rowNumber()}))
                .get(q.row().fileId() + ":" + q.row().rowNumber());
        // Event rows of other feeds attached through the row's record (a term's attendance by the pupil's UPN)
        // follow its person and its key (ADR 0033), by the build's own attachment rules.
        Optional<PeopleBuilder.Reattached> reattached = relink.map(r -> builder.reattach(stored, row, r));
        // The relationships and residences around the row, and the alerts citing its events, are read before
        // anything is written: the plan compares the row's ties as they were with what they become.
        Optional<RowTies.Plan> ties = relink.map(r -> RowTies.plan(c, people, vocabulary, stored, row, before, r,
                reattached.map(PeopleBuilder.Reattached::rows).orElse(List.of())));
        List<String> citedEvents = new ArrayList<>(eventsBefore.stream().map(e -> e[0]).toList());
        reattached.ifPresent(a -> citedEvents.addAll(a.gone()));
        long alertsCiting = AlertStore.citing(c, citedEvents);

        Optional<String> subject = before.stream().filter(r -> r.part().isEmpty()).map(Build.RecordRow::personId)
                .findFirst().or(() -> before.stream().map(Build.RecordRow::personId).findFirst())
                .or(() -> eventsBefore.stream().map(e -> e[1]).findFirst());
        List<String> reasons = new ArrayList<>(List.of("RECTIFICATION_REQUESTED", "REASON=" + q.reason().strip(),
                "FILE=" + q.row().fileId(), "ROW=" + q.row().rowNumber(), "FIELD=" + q.field(),
                "COLUMN=" + corrected.column(), "FIELDS_CHANGED=" + String.join(",", corrected.changed())));
        relink.ifPresent(r -> {
            r.moves().forEach(m -> reasons.add("RECORD=" + m.recordKey() + ":" + m.outcome() + ":"
                    + m.from().orElse("-") + "->" + m.to()));
            reasons.add("EVENTS_REMADE=" + r.events().size());
            reasons.add("REVIEW_ITEMS=" + r.review().size());
            if (!r.retired().isEmpty()) {
                reasons.add("PERSONS_RETIRED=" + String.join(",", r.retired()));
            }
        });
        ties.ifPresent(t -> reasons.addAll(t.reasons()));
        reattached.ifPresent(a -> reasons.addAll(a.reasons()));
        reasons.add("ALERTS_MARKED=" + alertsCiting);
        if (relink.isEmpty()) {
            reasons.add("NOT_BUILT_YET");
        }
        long entry = audit.append(c, new AuditEvent(UUID.randomUUID().toString(), clock.instant(), q.by(),
                q.agency(), List.of(), PURPOSE, "", AuditAction.RECTIFICATION, subject.orElse(""), q.source(),
                List.of(q.field()), reasons, "")).sequence();
        SourceRows.markRectification(c, entry);
        SourceRows.write(c, q.row(), corrected.row().cells(), fields);
        relink.ifPresent(r -> RowRewrite.rewrite(c, q.row().fileId(), q.row().rowNumber(), r.persons(), r.records(),
                r.events(), r.review()));
        reattached.ifPresent(a -> RowRewrite.replaceEvents(c, a.gone(), a.come()));
        // A person the re-link merged into another, or whose records it moved, takes their case links along or
        // raises an item to check on the case (ADR 0031), in this transaction.
        List<String> caseChanges = relink.map(r -> new CaseLinkSuccession(Optional.of(audit)).afterRectification(c,
                entry, r.lineage(), clock.instant()).stream().map(CaseLinkSuccession.Followed::describe).toList())
                .orElse(List.of());
        Optional<TiesAround.Counts> tiesWritten = ties.map(t -> t.write(c));
        long alertsMarked = AlertStore.markRectified(c, citedEvents, entry, clock.instant());
        SourceRows.markRectification(c, -1);
        List<String[]> eventsAfter = relink.map(r -> r.events().stream().map(Rectification::describe).toList())
                .orElse(List.of());
        Set<String> touched = relink.map(r -> (Set<String>) new TreeSet<>(r.personsTouched())).orElse(Set.of());
        // Indicators read families: a person whose relationships changed may have a family that now meets one.
        Set<String> reevaluate = new TreeSet<>(touched);
        ties.ifPresent(t -> reevaluate.addAll(t.personsWhoseTiesChanged()));
        // So do the persons who gained or lost an event attached through the row's record.
        reattached.ifPresent(a -> reevaluate.addAll(a.personsMoved()));
        relink.ifPresent(r -> reevaluate.removeAll(r.retired()));
        return new Result(q, held.fileName(), corrected.column(), corrected.changed(),
                relink.map(PeopleBuilder.Relink::moves).orElse(List.of()), eventsBefore, eventsAfter,
                relink.map(r -> r.review().size()).orElse(0), touched,
                relink.map(PeopleBuilder.Relink::retired).orElse(Set.of()), dryRun ? -1 : entry, dryRun,
                Optional.empty(), tiesWritten, alertsMarked, reevaluate, caseChanges, reattached);
    }

    private static SourceRows.Field field(FieldValue v) {
        return new SourceRows.Field(v.value(), v.outcome().name(), v.reason());
    }

    private static String[] describe(ChronologyEvent e) {
        return new String[] {e.eventId(), e.personId(), e.date().date().toString(), e.type()};
    }
}
