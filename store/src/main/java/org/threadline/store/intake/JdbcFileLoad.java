package org.threadline.store.intake;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.threadline.intake.load.FileLoad;
import org.threadline.intake.load.LoadedRow;
import org.threadline.store.StoreException;

/**
 * One file's load: one connection, one transaction. Rows are gathered in COPY form and sent with PostgreSQL's COPY
 * every {@value #BATCH_ROWS} rows or {@value #BATCH_CHARS} characters. A batch is sent by a sender thread while the
 * next is standardised, so the reader and PostgreSQL work at the same time (on 2 cores this roughly halves a load);
 * at most one batch is in flight and one being built, so memory stays bounded whatever the file's size. The
 * connection is used by one thread at a time: the sender while a batch is in flight, the caller only after waiting
 * for it. Nothing is visible to others until {@link #commit}.
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
    private final CopyManager copy;
    private final long fileId;
    private final String definitionId;
    private final CopyBuffer raw = new CopyBuffer();
    private final CopyBuffer standardised = new CopyBuffer();
    private final CopyBuffer quarantined = new CopyBuffer();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "intake-copy");
        t.setDaemon(true);
        return t;
    });
    private Future<?> inFlight;
    private boolean committed;
    private final org.threadline.intake.load.LandedFile file;
    private final LoadRecorder recorder;

    JdbcFileLoad(Connection connection, long fileId, org.threadline.intake.load.LandedFile file, LoadRecorder recorder)
            throws SQLException {
        this.connection = connection;
        this.file = file;
        this.recorder = recorder;
        String definitionId = file.definitionId();
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
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
        awaitInFlight();
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
        try {
            awaitInFlight();
        } catch (RuntimeException e) {
            // the load is being abandoned: its failure has been or will be reported by whoever abandons it
        }
        sender.shutdownNow();
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
        String rawRows = raw.rows() == 0 ? null : raw.drain();
        String standardisedRows = standardised.rows() == 0 ? null : standardised.drain();
        String quarantinedRows = quarantined.rows() == 0 ? null : quarantined.drain();
        awaitInFlight();
        inFlight = sender.submit(() -> {
            send(COPY_RAW, rawRows, upToRow);
            send(COPY_STANDARDISED, standardisedRows, upToRow);
            send(COPY_QUARANTINED, quarantinedRows, upToRow);
        });
    }

    /** Waits for the batch in flight, and fails as it failed. */
    private void awaitInFlight() {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while writing landed file " + fileId, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof StoreException se ? se
                    : new StoreException("Writing landed file " + fileId + " failed: " + e.getCause(), e.getCause());
        } finally {
            inFlight = null;
        }
    }

    private void send(String sql, String rows, long upToRow) {
        if (rows == null) {
            return;
        }
        try {
            copy.copyIn(sql, new StringReader(rows));
        } catch (SQLException | IOException e) {
            throw new StoreException("Writing rows" + (upToRow < 0 ? "" : " up to row " + upToRow)
                    + " of landed file " + fileId + " failed (" + sql + "): " + StoreException.reason(e), e);
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
