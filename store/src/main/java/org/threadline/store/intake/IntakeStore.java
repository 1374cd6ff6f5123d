package org.threadline.store.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import javax.sql.DataSource;
import org.threadline.intake.load.FileLoad;
import org.threadline.intake.load.LandedFile;
import org.threadline.intake.load.LoadTarget;
import org.threadline.store.StoreException;

/**
 * Writes loads to the intake tables. {@link #begin} inserts the {@code landed_file} row first, in the load's own
 * transaction: a second load of the same content waits on the unique SHA-256 and, once the first commits, finds it
 * and adds nothing; if the first rolls back (a crash), the second goes ahead.
 */
public final class IntakeStore implements LoadTarget {
    static final String INSERT_FILE = "INSERT INTO landed_file (sha256, size_bytes, original_name, agency,"
            + " definition_id, definition_version, definition_sha256, landed_at, landed_by, stored_path, rows_read,"
            + " rows_loaded, rows_quarantined, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 'LOADED')"
            + " ON CONFLICT (sha256) DO NOTHING RETURNING id";

    private final DataSource dataSource;
    private final LoadRecorder recorder;

    public IntakeStore(DataSource dataSource) {
        this(dataSource, LoadRecorder.NONE);
    }

    /** A store that has {@code recorder} write its record of each load in the load's transaction, before commit. */
    public IntakeStore(DataSource dataSource, LoadRecorder recorder) {
        this.dataSource = dataSource;
        this.recorder = recorder;
    }

    @Override
    public Optional<FileLoad> begin(LandedFile file) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(false);
            Optional<Long> id = insert(c, file);
            if (id.isEmpty()) {
                c.rollback();
                c.close();
                return Optional.empty();
            }
            return Optional.of(new JdbcFileLoad(c, id.get(), file, recorder));
        } catch (SQLException e) {
            JdbcFileLoad.quietlyClose(c);
            throw new StoreException("Recording landed file " + file.originalName() + " failed (" + INSERT_FILE
                    + "): " + StoreException.reason(e), e);
        }
    }

    private static Optional<Long> insert(Connection c, LandedFile f) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT_FILE)) {
            s.setString(1, f.sha256());
            s.setLong(2, f.sizeBytes());
            s.setString(3, f.originalName());
            s.setString(4, f.agency());
            s.setString(5, f.definitionId());
            s.setInt(6, f.definitionVersion());
            s.setString(7, f.definitionSha256());
            s.setTimestamp(8, Timestamp.from(f.landedAt()));
            s.setString(9, f.landedBy());
            s.setString(10, f.storedPath());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }
}
