package org.threadline.store.governance;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threadline.store.StoreException;

/**
 * One stored source row read for correction, and its correction written (rectification, ADR 0028). The database
 * refuses the UPDATE unless the transaction has appended a RECTIFICATION audit entry and named it in
 * {@code threadline.rectification_entry} (migration V21): {@link #markRectification} does the naming.
 */
public final class SourceRows {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A row as stored, with its file. {@code fields} holds the standardised values (empty, and {@code quarantined},
     * for a row intake quarantined).
     */
    public record Held(RowKey key, String fileName, String agency, String definitionId, int definitionVersion,
                       String storedPath, Instant landedAt, String sheet, List<String> cells, String problem,
                       Map<String, String> fields, boolean quarantined) {
        public Held {
            cells = List.copyOf(cells);
            fields = Map.copyOf(fields);
        }
    }

    /** A field as stored in {@code standardised_row.fields}. */
    public record Field(String value, String outcome, String reason) {
    }

    private SourceRows() {
    }

    /** The row, locked for update until the transaction ends, or empty when it is not held. */
    public static Optional<Held> lock(Connection c, RowKey key) {
        try (PreparedStatement s = c.prepareStatement("SELECT f.original_name, f.agency, f.definition_id,"
                + " f.definition_version, f.stored_path, f.landed_at, r.sheet, r.cells::text, r.problem,"
                + " s.fields::text FROM raw_row r JOIN landed_file f ON f.id = r.file_id LEFT JOIN standardised_row s"
                + " ON s.file_id = r.file_id AND s.row_number = r.row_number WHERE r.file_id = ? AND r.row_number = ?"
                + " FOR UPDATE OF r")) {
            s.setLong(1, key.fileId());
            s.setLong(2, key.rowNumber());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                List<String> cells = JSON.readValue(r.getString(8), new TypeReference<>() { });
                String fieldsJson = r.getString(10);
                Map<String, String> fields = new LinkedHashMap<>();
                if (fieldsJson != null) {
                    Map<String, Field> stored = JSON.readValue(fieldsJson, new TypeReference<>() { });
                    stored.forEach((k, v) -> fields.put(k, v.value() == null ? "" : v.value()));
                }
                return Optional.of(new Held(key, r.getString(1), r.getString(2), r.getString(3), r.getInt(4),
                        r.getString(5), r.getTimestamp(6).toInstant(), r.getString(7), cells, r.getString(9),
                        fields, fieldsJson == null));
            }
        } catch (SQLException | IOException e) {
            throw new StoreException("Reading " + key + " failed: " + StoreException.reason(e), e);
        }
    }

    /** Names the RECTIFICATION audit entry this transaction appended (the V21 triggers check it); -1 clears it. */
    public static void markRectification(Connection c, long auditEntry) {
        try (PreparedStatement s = c.prepareStatement("SELECT set_config('threadline.rectification_entry', ?,"
                + " true)")) {
            s.setString(1, auditEntry < 0 ? "" : Long.toString(auditEntry));
            s.execute();
        } catch (SQLException e) {
            throw new StoreException("Naming the rectification's audit entry failed: " + StoreException.reason(e), e);
        }
    }

    /** Names the ERASURE audit entry this transaction appended (the V7, V16 and V21 triggers check it); -1 clears it. */
    public static void markErasure(Connection c, long auditEntry) {
        try (PreparedStatement s = c.prepareStatement("SELECT set_config('threadline.erasure_entry', ?, true)")) {
            s.setString(1, auditEntry < 0 ? "" : Long.toString(auditEntry));
            s.execute();
        } catch (SQLException e) {
            throw new StoreException("Naming the erasure's audit entry failed: " + StoreException.reason(e), e);
        }
    }

    /**
     * Blanks one person's part of a row that names two people (erasure of the second person, ADR 0028): the cells at
     * {@code cells} become empty and the standardised fields of {@code part} ({@code mother.surname} ...) go.
     * Refused by the database unless the transaction has appended and named an ERASURE entry.
     */
    public static void blankPart(Connection c, RowKey key, List<Integer> cells, String part) {
        try {
            try (PreparedStatement s = c.prepareStatement("UPDATE raw_row SET cells = (SELECT jsonb_agg(CASE WHEN"
                    + " x.i - 1 = ANY(?) THEN to_jsonb(''::text) ELSE x.v END ORDER BY x.i) FROM"
                    + " jsonb_array_elements(cells) WITH ORDINALITY AS x(v, i)) WHERE file_id = ? AND row_number = ?")) {
                s.setArray(1, c.createArrayOf("integer", cells.toArray()));
                s.setLong(2, key.fileId());
                s.setLong(3, key.rowNumber());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE standardised_row SET fields = (SELECT"
                    + " coalesce(jsonb_object_agg(k, v), '{}'::jsonb) FROM jsonb_each(fields) AS f(k, v) WHERE"
                    + " left(k, ?) <> ?) WHERE file_id = ? AND row_number = ?")) {
                s.setInt(1, part.length() + 1);
                s.setString(2, part + ".");
                s.setLong(3, key.fileId());
                s.setLong(4, key.rowNumber());
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException("Blanking " + part + " in " + key + " failed (nothing was changed): "
                    + StoreException.reason(e), e);
        }
    }

    /** Writes the corrected cells and standardised fields of the row (refused by the database unless audited). */
    public static void write(Connection c, RowKey key, List<String> cells, Map<String, Field> fields) {
        try {
            try (PreparedStatement s = c.prepareStatement("UPDATE raw_row SET cells = ?::jsonb WHERE file_id = ?"
                    + " AND row_number = ?")) {
                s.setString(1, JSON.writeValueAsString(cells));
                s.setLong(2, key.fileId());
                s.setLong(3, key.rowNumber());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE standardised_row SET fields = ?::jsonb WHERE"
                    + " file_id = ? AND row_number = ?")) {
                s.setString(1, JSON.writeValueAsString(fields));
                s.setLong(2, key.fileId());
                s.setLong(3, key.rowNumber());
                s.executeUpdate();
            }
        } catch (SQLException | IOException e) {
            throw new StoreException("Correcting " + key + " failed (nothing was changed): "
                    + StoreException.reason(e), e);
        }
    }
}
