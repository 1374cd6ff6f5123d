package org.threadline.store.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.threadline.store.StoreException;

/**
 * Reads back a load's quarantined rows with their cells as received and their reasons, streaming them (a cursor of
 * {@value #FETCH} rows at a time) so that a file with millions of rejected rows exports in bounded memory.
 */
public final class QuarantinedRows {
    static final int FETCH = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> CELLS = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> REASONS = new TypeReference<>() { };
    static final String FIND = "SELECT id, sha256, original_name, definition_id, stored_path, rows_quarantined"
            + " FROM landed_file WHERE id = ? OR sha256 LIKE ? ORDER BY id";
    static final String ROWS = "SELECT q.row_number, r.sheet, r.cells::text, q.reasons::text FROM quarantined_row q"
            + " JOIN raw_row r ON r.file_id = q.file_id AND r.row_number = q.row_number WHERE q.file_id = ?"
            + " ORDER BY q.row_number";

    /** A landed file as the export needs it. */
    public record File(long id, String sha256, String originalName, String definitionId, String storedPath,
                       long rowsQuarantined) {
    }

    /** One quarantined row: as received, and why. */
    public record Row(long rowNumber, String sheet, List<String> cells, Map<String, String> reasons) {
    }

    private final DataSource dataSource;

    public QuarantinedRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The landed file named by its id, its SHA-256, or a prefix of its SHA-256 of at least 8 hex digits (as the
     * ingest command prints 12).
     *
     * @throws StoreException when a prefix names more than one file
     */
    public Optional<File> find(String reference) {
        String ref = reference.strip().toLowerCase(java.util.Locale.ROOT);
        long id = ref.matches("\\d{1,18}") ? Long.parseLong(ref) : -1;
        String prefix = ref.matches("[0-9a-f]{8,64}") ? ref + "%" : "-";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(FIND)) {
            s.setLong(1, id);
            s.setString(2, prefix);
            try (ResultSet rs = s.executeQuery()) {
                Optional<File> found = Optional.empty();
                while (rs.next()) {
                    if (found.isPresent()) {
                        throw new StoreException("'" + reference + "' names more than one landed file; give more of"
                                + " the SHA-256", null);
                    }
                    found = Optional.of(new File(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6)));
                }
                return found;
            }
        } catch (SQLException e) {
            throw new StoreException("Finding landed file '" + reference + "' failed (" + FIND + "): "
                    + StoreException.reason(e), e);
        }
    }

    /** Passes every quarantined row of the file to {@code rows}, in row order. */
    public void forEach(File file, Consumer<Row> rows) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);  // PostgreSQL streams with a cursor only inside a transaction
            try (PreparedStatement s = c.prepareStatement(ROWS)) {
                s.setFetchSize(FETCH);
                s.setLong(1, file.id());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.accept(new Row(rs.getLong(1), rs.getString(2), JSON.readValue(rs.getString(3), CELLS),
                                JSON.readValue(rs.getString(4), REASONS)));
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("Reading the quarantined rows of landed file " + file.id() + " failed (" + ROWS
                    + "): " + StoreException.reason(e), e);
        }
    }
}
