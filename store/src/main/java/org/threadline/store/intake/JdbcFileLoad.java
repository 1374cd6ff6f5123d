package org.threadline.store.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.threadline.intake.load.FileLoad;
import org.threadline.intake.load.LoadedRow;
import org.threadline.store.StoreException;
import org.threadline.store.copy.CopyBuffer;
import org.threadline.store.copy.CopySender;

/**
 * One file's load: one connection, one transaction. Rows are gathered in COPY form and sent with PostgreSQL's COPY
 * every {@value #BATCH_ROWS} rows or {@value #BATCH_CHARS} characters. A batch is sent by a {@link CopySender}
 * while the next is standardised, so the reader and PostgreSQL work at the same time; at most one batch is in flight
 * and one being built, so memory stays bounded whatever the file's size. Nothing is visible to others until
 * {@link #commit}.
 */
final class JdbcFileLoad implements FileLoad {
    static final int BATCH_ROWS = 5_000;
    static final int BATCH_CHARS = 8 << 20;
    static final String COPY_RAW = "COPY raw_row (file_id, row_number, sheet, cells, problem) FROM STDIN"
            + " (FORMAT csv)";
    static final String COPY_STANDARDISED = "COPY standardised_row (file_id, row_number, definition_id, fields)"
            + " FROM STDIN (FORMAT csv)";
    static final String COPY_QUARANTINED = "COPY quarantined_row (file_id, row_number, reasons) FROM STDIN"
            + " (FORMAT csv)";
    static final String UPDATE_COUNTS = "UPDATE landed_file SET rows_read = ?, rows_loaded = ?,"
            + " rows_quarantined = ? WHERE id = ?";

    private final Connection connection;
    private final CopySender sender;
    private final long fileId;
    private final String definitionId;
    private final CopyBuffer raw = new CopyBuffer();
    private final CopyBuffer standardised = new CopyBuffer();
    private final CopyBuffer quarantined = new CopyBuffer();
    private boolean committed;
    private final org.threadline.intake.load.LandedFile file;
    private final LoadRecorder recorder;

    JdbcFileLoad(Connection connection, long fileId, org.threadline.intake.load.LandedFile file, LoadRecorder recorder)
            throws SQLException {
        this.connection = connection;
        this.file = file;
        this.recorder = recorder;
        String definitionId = file.definitionId();
        this.sender = new CopySender(connection, "landed file " + fileId, "intake-copy");
        this.fileId = fileId;
        this.definitionId = definitionId;
    }

    @Override
    public void write(LoadedRow row) {
        long number = row.raw().row();
        raw.field(fileId).field(number).field(row.raw().sheet()).jsonArray(row.raw().cells())
                .field(row.raw().problem()).endRow();
        if (row.quarantined()) {
            quarantined.field(fileId).field(number).jsonObject(row.reasons()).endRow();
        } else {
            standardised.field(fileId).field(number).field(definitionId).jsonFields(row.fields())
                    .endRow();
        }
        if (raw.rows() >= BATCH_ROWS || raw.chars() + standardised.chars() + quarantined.chars() >= BATCH_CHARS) {
            flush(number);
        }
    }

    @Override
    public void commit(long rowsRead, long rowsLoaded, long rowsQuarantined) {
        flush(-1);
        sender.await();
        try {
            try (PreparedStatement s = connection.prepareStatement(UPDATE_COUNTS)) {
                s.setLong(1, rowsRead);
                s.setLong(2, rowsLoaded);
                s.setLong(3, rowsQuarantined);
                s.setLong(4, fileId);
                s.executeUpdate();
            }
            recorder.record(connection, file, fileId, rowsRead);
            connection.commit();
            committed = true;
        } catch (SQLException e) {
            throw new StoreException("Committing landed file " + fileId + " failed (" + UPDATE_COUNTS + "): "
                    + StoreException.reason(e), e);
        }
    }

    @Override
    public void close() {
        sender.close();
        if (!committed) {
            try {
                connection.rollback();
            } catch (SQLException e) {
                // The connection is closed next; PostgreSQL discards an uncommitted transaction with it.
            }
        }
        quietlyClose(connection);
    }

    /**
     * Hands what is gathered to the sender, once the previous batch is in: raw rows first, because the other two
     * tables refer to them.
     */
    private void flush(long upToRow) {
        List<CopySender.Copy> copies = new ArrayList<>(3);
        gather(copies, COPY_RAW, raw);
        gather(copies, COPY_STANDARDISED, standardised);
        gather(copies, COPY_QUARANTINED, quarantined);
        sender.submit(upToRow < 0 ? "rows" : "rows up to row " + upToRow, copies);
    }

    private static void gather(List<CopySender.Copy> copies, String sql, CopyBuffer rows) {
        if (rows.rows() > 0) {
            copies.add(new CopySender.Copy(sql, rows.drain()));
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
