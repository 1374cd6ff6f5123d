package org.threadline.store.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.threadline.intake.load.FieldValue;
import org.threadline.intake.load.FileLoad;
import org.threadline.intake.load.LoadedRow;
import org.threadline.store.StoreException;

/** One file's load: one connection, one transaction, rows sent in batches. */
final class JdbcFileLoad implements FileLoad {
    private static final int BATCH = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String INSERT_RAW = "INSERT INTO raw_row (file_id, row_number, sheet, cells, problem)"
            + " VALUES (?, ?, ?, ?::jsonb, ?)";
    static final String INSERT_STANDARDISED = "INSERT INTO standardised_row (file_id, row_number, definition_id,"
            + " fields) VALUES (?, ?, ?, ?::jsonb)";
    static final String INSERT_QUARANTINED = "INSERT INTO quarantined_row (file_id, row_number, reasons)"
            + " VALUES (?, ?, ?::jsonb)";
    static final String UPDATE_COUNTS = "UPDATE landed_file SET rows_read = ?, rows_loaded = ?,"
            + " rows_quarantined = ? WHERE id = ?";

    private final Connection connection;
    private final long fileId;
    private final String definitionId;
    private final PreparedStatement raw;
    private final PreparedStatement standardised;
    private final PreparedStatement quarantined;
    private int pending;
    private boolean committed;

    JdbcFileLoad(Connection connection, long fileId, String definitionId) throws SQLException {
        this.connection = connection;
        this.fileId = fileId;
        this.definitionId = definitionId;
        this.raw = connection.prepareStatement(INSERT_RAW);
        this.standardised = connection.prepareStatement(INSERT_STANDARDISED);
        this.quarantined = connection.prepareStatement(INSERT_QUARANTINED);
    }

    @Override
    public void write(LoadedRow row) {
        try {
            raw.setLong(1, fileId);
            raw.setLong(2, row.raw().row());
            raw.setString(3, row.raw().sheet());
            raw.setString(4, json(row.raw().cells()));
            raw.setString(5, row.raw().problem());
            raw.addBatch();
            if (row.quarantined()) {
                quarantined.setLong(1, fileId);
                quarantined.setLong(2, row.raw().row());
                quarantined.setString(3, json(row.reasons()));
                quarantined.addBatch();
            } else {
                standardised.setLong(1, fileId);
                standardised.setLong(2, row.raw().row());
                standardised.setString(3, definitionId);
                standardised.setString(4, json(fields(row.fields())));
                standardised.addBatch();
            }
            if (++pending >= BATCH) {
                flush();
            }
        } catch (SQLException e) {
            throw new StoreException("Writing row " + row.raw().row() + " of landed file " + fileId + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void commit(long rowsRead, long rowsLoaded, long rowsQuarantined) {
        try {
            flush();
            try (PreparedStatement s = connection.prepareStatement(UPDATE_COUNTS)) {
                s.setLong(1, rowsRead);
                s.setLong(2, rowsLoaded);
                s.setLong(3, rowsQuarantined);
                s.setLong(4, fileId);
                s.executeUpdate();
            }
            connection.commit();
            committed = true;
        } catch (SQLException e) {
            throw new StoreException("Committing landed file " + fileId + " failed (" + UPDATE_COUNTS + "): "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (!committed) {
            try {
                connection.rollback();
            } catch (SQLException e) {
                // The connection is closed next; PostgreSQL discards an uncommitted transaction with it.
            }
        }
        quietlyClose(connection);
    }

    private void flush() throws SQLException {
        // raw rows first: the other two tables refer to them
        raw.executeBatch();
        standardised.executeBatch();
        quarantined.executeBatch();
        pending = 0;
    }

    private static Map<String, Map<String, String>> fields(Map<String, FieldValue> fields) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> out.put(k, Map.of("value", v.value(), "outcome", v.outcome().name(),
                "reason", v.reason())));
        return out;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings and maps always serialise", e);
        }
    }

    static void quietlyClose(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // nothing more to do with a connection that will not close
            }
        }
    }
}
