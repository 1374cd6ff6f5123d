package org.threadline.store.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.threadline.store.StoreException;

/**
 * Reads everything held about one person in the caller's connection (so that a subject access export can append its
 * audit entry in the same transaction as the read). Rows are returned as the database holds them, as JSON.
 */
public final class SubjectStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The person's own rows: their records' rows and the rows their events came from. */
    private static final String KEYS = "WITH keys AS (SELECT file_id, row_number FROM person_record WHERE person_id = ?"
            + " UNION SELECT (s->>'fileId')::bigint, (s->>'rowNumber')::bigint FROM chronology_event e,"
            + " jsonb_array_elements(e.sources) s WHERE e.person_id = ?) ";

    private SubjectStore() {
    }

    /** Everything held about {@code personId}; empty lists (and no person) when nothing is. */
    public static HeldData read(Connection c, String personId) {
        try {
            Optional<JsonNode> person = rows(c, "SELECT to_jsonb(p) - 'attention' FROM person p WHERE person_id = ?",
                    personId).stream().findFirst();
            List<JsonNode> records = rows(c, "SELECT to_jsonb(r) FROM person_record r WHERE person_id = ?"
                    + " ORDER BY record_key", personId);
            List<JsonNode> sourceRows = rows(c, KEYS + "SELECT jsonb_build_object('file_id', r.file_id,"
                    + " 'row_number', r.row_number, 'sheet', r.sheet, 'cells', r.cells, 'problem', r.problem,"
                    + " 'standardised', s.fields, 'quarantined', q.reasons, 'file_name', f.original_name,"
                    + " 'agency', f.agency, 'definition_id', f.definition_id, 'landed_at', f.landed_at)"
                    + " FROM keys k JOIN raw_row r ON r.file_id = k.file_id AND r.row_number = k.row_number"
                    + " JOIN landed_file f ON f.id = r.file_id"
                    + " LEFT JOIN standardised_row s ON s.file_id = r.file_id AND s.row_number = r.row_number"
                    + " LEFT JOIN quarantined_row q ON q.file_id = r.file_id AND q.row_number = r.row_number"
                    + " ORDER BY r.file_id, r.row_number", personId, personId);
            List<JsonNode> events = rows(c, "SELECT to_jsonb(e) FROM chronology_event e WHERE person_id = ?"
                    + " ORDER BY event_date, event_time NULLS FIRST, event_id", personId);
            List<JsonNode> relationships = rows(c, "SELECT to_jsonb(r) FROM relationship r WHERE from_person = ?"
                    + " OR to_person = ? ORDER BY type, from_person, to_person", personId, personId);
            List<JsonNode> residences = rows(c, "SELECT to_jsonb(r) FROM residence r WHERE person_id = ?"
                    + " ORDER BY from_date, address_key", personId);
            // each indicator met or unanswerable, then each evaluation with the indicators not met (ADR 0029)
            List<JsonNode> results = rows(c, "SELECT to_jsonb(r) FROM indicator_result r WHERE subject_person_id = ?"
                    + " ORDER BY rulebook_id, indicator_id", personId);
            results.addAll(rows(c, "SELECT to_jsonb(e) FROM indicator_evaluation e WHERE subject_person_id = ?"
                    + " ORDER BY rulebook_id", personId));
            // with when an event each cites was corrected after it was raised (V24, ADR 0032): only the time, as
            // an ISO instant; the rectification's audit entry (which row, which field) is not the subject's
            List<JsonNode> alerts = rows(c, "SELECT to_jsonb(a) || jsonb_build_object('steps', (SELECT"
                    + " coalesce(jsonb_agg(to_jsonb(s) ORDER BY s.seq), '[]'::jsonb) FROM alert_step s"
                    + " WHERE s.alert_id = a.alert_id), 'evidence_rectified', (SELECT coalesce(jsonb_agg("
                    + " to_char(r.rectified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                    + " ORDER BY r.rectified_at, r.audit_entry), '[]'::jsonb) FROM alert_rectification r"
                    + " WHERE r.alert_id = a.alert_id)) FROM alert a WHERE subject_person_id = ?"
                    + " ORDER BY raised_at, alert_id", personId);
            List<JsonNode> decisions = rows(c, "SELECT to_jsonb(d) FROM review_decision d WHERE record_a IN"
                    + " (SELECT record_key FROM person_record WHERE person_id = ?) OR record_b IN"
                    + " (SELECT record_key FROM person_record WHERE person_id = ?) ORDER BY id", personId, personId);
            List<JsonNode> audit = rows(c, "SELECT jsonb_build_object('sequence', sequence, 'recorded_at',"
                    + " recorded_at, 'action', action, 'event', payload) FROM audit_entry"
                    + " WHERE payload->>'subject' = ? ORDER BY sequence", personId);
            // markers set on the person (ADR 0035), current and removed, with who set them and why
            List<JsonNode> markers = rows(c, "SELECT to_jsonb(m) - 'person_id' FROM subject_marker m"
                    + " WHERE person_id = ? ORDER BY set_at, marker_id", personId);
            return new HeldData(personId, person, records, sourceRows, events, relationships, residences, results,
                    alerts, decisions, markers, audit);
        } catch (SQLException e) {
            throw new StoreException("Reading what is held about " + personId + " failed: " + StoreException.reason(e), e);
        }
    }

    /**
     * For each value of event fact {@code fact} among {@code values}: the roles other people than {@code personId}
     * have on events carrying that value (e.g. who else was at the same police occurrence, and as what).
     */
    public static Map<String, Set<String>> otherRoles(Connection c, String personId, String fact,
                                                      Collection<String> values) {
        Map<String, Set<String>> out = new HashMap<>();
        if (values.isEmpty()) {
            return out;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT facts->>?, role FROM chronology_event"
                + " WHERE person_id <> ? AND facts->>? = ANY(?)")) {
            s.setString(1, fact);
            s.setString(2, personId);
            s.setString(3, fact);
            s.setArray(4, c.createArrayOf("text", values.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.computeIfAbsent(r.getString(1), k -> new TreeSet<>()).add(r.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Reading other people's roles failed: " + StoreException.reason(e), e);
        }
    }

    /** The rows the person's data lives in: their records' rows and the rows of their events. */
    public static Set<RowKey> rowsOf(Connection c, String personId) {
        Set<RowKey> out = new TreeSet<>();
        try (PreparedStatement s = c.prepareStatement(KEYS + "SELECT file_id, row_number FROM keys")) {
            s.setString(1, personId);
            s.setString(2, personId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new RowKey(r.getLong(1), r.getLong(2)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Reading the rows of " + personId + " failed: " + StoreException.reason(e), e);
        }
    }

    private static List<JsonNode> rows(Connection c, String sql, String... parameters) throws SQLException {
        List<JsonNode> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(JSON.readTree(r.getString(1)));
                }
            }
        } catch (IOException e) {
            throw new StoreException("unreadable JSON from the store: " + StoreException.reason(e), e);
        }
        return out;
    }
}
