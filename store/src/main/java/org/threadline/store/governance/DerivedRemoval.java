package org.threadline.store.governance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.threadline.domain.governance.audit.AuditEvent;
import org.threadline.store.StoreException;
import org.threadline.store.audit.AuditStore;

/**
 * Removes source rows and every copy derived from them, in the caller's transaction, with one ERASURE audit entry
 * appended in the same transaction (the database refuses to delete alert steps and review decisions without it).
 *
 * <p>What is derived from a row: the person records made of it; chronology events sourced from it; indicator results
 * and alerts whose evidence names one of those events or the row itself; relationships and residences whose evidence
 * lists it (trimmed, and removed when no evidence is left); review items and decisions about its records; persons
 * left with no record; its standardised and quarantined forms. Erasing a person also removes every relationship,
 * indicator result, alert and review item about them, whatever its evidence. A landed file left with no rows is
 * named in the result (its copy on disk is removed by the caller after commit); its {@code landed_file} row stays, so
 * the same bytes are recognised and not loaded again.
 *
 * <p>Call in a READ COMMITTED transaction (the audit append needs it). A dry run is the same call, rolled back.
 */
public final class DerivedRemoval {
    /** What went. {@code emptiedFiles} are the stored paths of landed files left with no rows. */
    public record Removed(long sourceRows, long personRecords, long events, long relationshipsRemoved,
                          long relationshipsTrimmed, long residencesRemoved, long residencesTrimmed,
                          long indicatorResults, long alerts, long alertSteps, long reviewItems, long reviewDecisions,
                          long persons, long breakGlassGrants, long caseLinks, Set<String> personsAffected,
                          List<String> emptiedFiles, long auditEntry) {
        public Removed {
            personsAffected = Set.copyOf(personsAffected);
            emptiedFiles = List.copyOf(emptiedFiles);
        }

        /** The counts as audit reason codes (what went, never what it held). */
        public List<String> counts() {
            return List.of("SOURCE_ROWS=" + sourceRows, "PERSON_RECORDS=" + personRecords, "EVENTS=" + events,
                    "RELATIONSHIPS_REMOVED=" + relationshipsRemoved, "RELATIONSHIPS_TRIMMED=" + relationshipsTrimmed,
                    "RESIDENCES_REMOVED=" + residencesRemoved, "RESIDENCES_TRIMMED=" + residencesTrimmed,
                    "INDICATOR_RESULTS=" + indicatorResults, "ALERTS=" + alerts, "ALERT_STEPS=" + alertSteps,
                    "REVIEW_ITEMS=" + reviewItems, "REVIEW_DECISIONS=" + reviewDecisions, "PERSONS=" + persons,
                    "BREAK_GLASS_GRANTS_BLANKED=" + breakGlassGrants, "CASE_LINKS_REMOVED=" + caseLinks);
        }
    }

    private DerivedRemoval() {
    }

    /**
     * Removes {@code rows} and everything derived from them (and, for an erasure, everything about
     * {@code erasedPerson}); {@code event} makes the ERASURE audit event from the counts (its audit sequence is -1
     * there), which is appended before the append-only tables are touched.
     */
    public static Removed remove(Connection c, Collection<RowKey> rows, Optional<String> erasedPerson,
                                 AuditStore audit, Function<Removed, AuditEvent> event) {
        try {
            if (c.getAutoCommit()) {
                throw new IllegalStateException("removal runs in the caller's transaction: turn auto-commit off");
            }
            String[] person = erasedPerson.stream().toArray(String[]::new);
            prepare(c, rows);
            long events = update(c, "WITH d AS (DELETE FROM chronology_event e WHERE e.person_id = ANY(?) OR EXISTS"
                    + " (SELECT 1 FROM jsonb_array_elements(e.sources) s JOIN gone_row g ON g.file_id ="
                    + " (s->>'fileId')::bigint AND g.row_number = (s->>'rowNumber')::bigint) RETURNING event_id)"
                    + " INSERT INTO gone_event SELECT event_id FROM d", person);
            long results = update(c, "DELETE FROM indicator_result r WHERE r.subject_person_id = ANY(?) OR EXISTS"
                    + " (SELECT 1 FROM jsonb_array_elements(r.evidence) ev CROSS JOIN LATERAL"
                    + " jsonb_array_elements(ev->'events') x WHERE x->>'event_id' IN (SELECT event_id FROM gone_event)"
                    + " OR EXISTS (SELECT 1 FROM jsonb_array_elements(x->'sources') s JOIN gone_row g ON g.file_id ="
                    + " (s->>'file_id')::bigint AND g.row_number = (s->>'row_number')::bigint)) OR EXISTS"
                    + " (SELECT 1 FROM jsonb_array_elements(r.evidence) ev CROSS JOIN LATERAL"
                    + " jsonb_array_elements(ev->'relationship_sources') s JOIN gone_row g ON g.file_id ="
                    + " (s->>'file_id')::bigint AND g.row_number = (s->>'row_number')::bigint)", person);
            // the erased person's evaluation rows (ADR 0029) go with their results; another subject's evaluation
            // stays, its results citing what went removed above
            update(c, "DELETE FROM indicator_evaluation WHERE subject_person_id = ANY(?)", person);
            Set<String> affected = strings(c, "SELECT DISTINCT person_id FROM person_record p JOIN gone_row g"
                    + " ON g.file_id = p.file_id AND g.row_number = p.row_number");
            affected.addAll(erasedPerson.stream().toList());
            long records = update(c, "WITH d AS (DELETE FROM person_record p USING gone_row g WHERE p.file_id ="
                    + " g.file_id AND p.row_number = g.row_number RETURNING p.record_key)"
                    + " INSERT INTO gone_record SELECT record_key FROM d");
            // An erased person's records on rows that are kept (a row naming them as a second person, whose cells
            // the caller blanks) go too.
            records += update(c, "WITH d AS (DELETE FROM person_record p WHERE p.person_id = ANY(?)"
                    + " RETURNING p.record_key) INSERT INTO gone_record SELECT record_key FROM d", person);
            long reviewItems = update(c, "DELETE FROM review_item WHERE record_a IN (SELECT record_key FROM"
                    + " gone_record) OR record_b IN (SELECT record_key FROM gone_record) OR person_a = ANY(?)"
                    + " OR person_b = ANY(?)", person, person);
            long relationshipsRemoved = update(c, "DELETE FROM relationship WHERE from_person = ANY(?)"
                    + " OR to_person = ANY(?)", person, person);
            long relationshipsTrimmed = update(c, "UPDATE relationship r SET evidence = (SELECT coalesce(jsonb_agg(s),"
                    + " '[]'::jsonb) FROM jsonb_array_elements(r.evidence) s WHERE NOT EXISTS (SELECT 1 FROM gone_row g"
                    + " WHERE g.file_id = (s->>'fileId')::bigint AND g.row_number = (s->>'rowNumber')::bigint))"
                    + " WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(r.evidence) s JOIN gone_row g ON g.file_id ="
                    + " (s->>'fileId')::bigint AND g.row_number = (s->>'rowNumber')::bigint)");
            long emptyRelationships = update(c, "DELETE FROM relationship WHERE jsonb_array_length(evidence) = 0");
            long residencesRemoved = update(c, "DELETE FROM residence WHERE person_id = ANY(?)", person);
            // Residence sources are SourceRef texts ("<definition> file F row R"): matched on their ending.
            long residencesTrimmed = update(c, "UPDATE residence r SET sources = (SELECT coalesce(jsonb_agg(s),"
                    + " '[]'::jsonb) FROM jsonb_array_elements_text(r.sources) s WHERE NOT EXISTS (SELECT 1 FROM"
                    + " gone_row g WHERE s LIKE '% ' || g.suffix)) WHERE EXISTS (SELECT 1 FROM"
                    + " jsonb_array_elements_text(r.sources) s JOIN gone_row g ON s LIKE '% ' || g.suffix)");
            long emptyResidences = update(c, "DELETE FROM residence WHERE jsonb_array_length(sources) = 0");
            long standardised = update(c, "DELETE FROM standardised_row s USING gone_row g WHERE s.file_id ="
                    + " g.file_id AND s.row_number = g.row_number");
            update(c, "DELETE FROM quarantined_row q USING gone_row g WHERE q.file_id = g.file_id"
                    + " AND q.row_number = g.row_number");
            long raw = update(c, "DELETE FROM raw_row r USING gone_row g WHERE r.file_id = g.file_id"
                    + " AND r.row_number = g.row_number");
            long persons = update(c, "DELETE FROM person p WHERE p.person_id = ANY(?) AND NOT EXISTS (SELECT 1"
                    + " FROM person_record r WHERE r.person_id = p.person_id)",
                    affected.toArray(String[]::new));
            List<String> emptied = new ArrayList<>(strings(c, "SELECT f.stored_path FROM landed_file f WHERE f.id IN"
                    + " (SELECT DISTINCT file_id FROM gone_row) AND NOT EXISTS (SELECT 1 FROM raw_row r"
                    + " WHERE r.file_id = f.id)"));
            update(c, "INSERT INTO gone_alert SELECT alert_id FROM alert a WHERE a.subject_person_id = ANY(?)"
                    + " OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(a.evidence) e WHERE e IN"
                    + " (SELECT event_id FROM gone_event))", person);
            long alerts = count(c, "SELECT count(*) FROM gone_alert");
            long steps = count(c, "SELECT count(*) FROM alert_step WHERE alert_id IN (SELECT alert_id FROM gone_alert)");
            long decisions = count(c, "SELECT count(*) FROM review_decision WHERE record_a IN (SELECT record_key FROM"
                    + " gone_record) OR record_b IN (SELECT record_key FROM gone_record)");
            // Break-glass grants about an erased person keep who used them and when, not what they said of the
            // person (V16, docs/governance.md); a retention run leaves grants alone (they name a person, not a row).
            long grants = BreakGlassStore.countAbout(c, person);
            // Case links name the person (V20, ADR 0027): an erasure removes them, current and past; the case stays.
            long caseLinks = 0;
            if (person.length > 0) {
                try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM case_person"
                        + " WHERE person_id = ANY(?)")) {
                    s.setArray(1, c.createArrayOf("text", person));
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        caseLinks = r.getLong(1);
                    }
                }
            }
            Removed counted = new Removed(Math.max(raw, standardised), records, events,
                    relationshipsRemoved + emptyRelationships, relationshipsTrimmed - emptyRelationships,
                    residencesRemoved + emptyResidences, residencesTrimmed - emptyResidences, results, alerts, steps,
                    reviewItems, decisions, persons, grants, caseLinks, affected, emptied, -1);
            long entry = audit.append(c, event.apply(counted)).sequence();
            try (PreparedStatement s = c.prepareStatement("SELECT set_config('threadline.erasure_entry', ?, true)")) {
                s.setString(1, Long.toString(entry));
                s.execute();
            }
            update(c, "DELETE FROM alert_step WHERE alert_id IN (SELECT alert_id FROM gone_alert)");
            update(c, "DELETE FROM alert WHERE alert_id IN (SELECT alert_id FROM gone_alert)");
            update(c, "DELETE FROM review_decision WHERE record_a IN (SELECT record_key FROM gone_record)"
                    + " OR record_b IN (SELECT record_key FROM gone_record)");
            if (person.length > 0) {
                BreakGlassStore.eraseAbout(c, person, entry);
                update(c, "DELETE FROM case_person WHERE person_id = ANY(?)", person);
                // Items to check and lineage name the person too (V23, ADR 0031): they go with the links.
                update(c, "DELETE FROM case_check WHERE person_id = ANY(?) OR to_person = ANY(?)", person, person);
                update(c, "DELETE FROM person_lineage WHERE from_person = ANY(?) OR to_person = ANY(?)", person,
                        person);
                // Markers and their reasons are about the person (V30, ADR 0035): they go with the person's data.
                update(c, "DELETE FROM subject_marker WHERE person_id = ANY(?)", person);
            }
            try (PreparedStatement s = c.prepareStatement("SELECT set_config('threadline.erasure_entry', '', true)")) {
                s.execute();
            }
            return new Removed(counted.sourceRows(), records, events, counted.relationshipsRemoved(),
                    counted.relationshipsTrimmed(), counted.residencesRemoved(), counted.residencesTrimmed(), results,
                    alerts, steps, reviewItems, decisions, persons, grants, caseLinks, affected, emptied, entry);
        } catch (SQLException e) {
            throw new StoreException("Removing " + rows.size() + " source row(s) and what was derived from them"
                    + " failed (nothing was removed): " + StoreException.reason(e), e);
        }
    }

    private static void prepare(Connection c, Collection<RowKey> rows) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS gone_row (file_id bigint, row_number bigint, suffix text,"
                    + " PRIMARY KEY (file_id, row_number)) ON COMMIT DROP");
            s.execute("CREATE TEMP TABLE IF NOT EXISTS gone_event (event_id text PRIMARY KEY) ON COMMIT DROP");
            s.execute("CREATE TEMP TABLE IF NOT EXISTS gone_record (record_key text PRIMARY KEY) ON COMMIT DROP");
            s.execute("CREATE TEMP TABLE IF NOT EXISTS gone_alert (alert_id text PRIMARY KEY) ON COMMIT DROP");
            s.execute("TRUNCATE gone_row, gone_event, gone_record, gone_alert");
        }
        Long[] files = rows.stream().map(RowKey::fileId).toArray(Long[]::new);
        Long[] numbers = rows.stream().map(RowKey::rowNumber).toArray(Long[]::new);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO gone_row SELECT f, n, 'file ' || f || ' row ' || n"
                + " FROM unnest(?::bigint[], ?::bigint[]) AS t(f, n) ON CONFLICT DO NOTHING")) {
            s.setArray(1, c.createArrayOf("bigint", files));
            s.setArray(2, c.createArrayOf("bigint", numbers));
            s.execute();
        }
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE gone_row");
        }
    }

    private static long update(Connection c, String sql, String[]... arrays) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < arrays.length; i++) {
                s.setArray(i + 1, c.createArrayOf("text", arrays[i]));
            }
            return s.executeUpdate();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Set<String> strings(Connection c, String sql) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
