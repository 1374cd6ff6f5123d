package org.threadline.store.copy;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.threadline.store.StoreException;

/**
 * Sends batches of COPY rows on a thread of its own, so the caller builds the next batch while PostgreSQL takes the
 * last one (on 2 cores this roughly halves a bulk write). At most one batch is in flight: {@link #submit} waits for
 * the previous one first, so memory stays bounded by two batches whatever the size of the whole. The connection is
 * used by one thread at a time: the sender while a batch is in flight, the caller only after {@link #await}.
 */
public final class CopySender implements AutoCloseable {
    /** One table's rows of a batch, as COPY text for {@code sql}. */
    public record Copy(String sql, String rows) {
    }

    private final CopyManager copy;
    private final String subject;
    private final ExecutorService sender;
    private Future<?> inFlight;

    /** {@code subject} names what is written in failure messages ("landed file 7"); {@code thread} names the thread. */
    public CopySender(Connection connection, String subject, String thread) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.subject = subject;
        this.sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, thread);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Waits for the batch in flight, then sends these copies in order (one table's rows may refer to an earlier
     * one's). {@code place} says where in the whole the batch ends ("rows up to row 5000"), or is empty.
     */
    public void submit(String place, List<Copy> copies) {
        await();
        inFlight = sender.submit(() -> {
            for (Copy c : copies) {
                send(c, place);
            }
        });
    }

    /** Work on the connection, run on the sender's thread after the batches before it. */
    public interface Work {
        void run() throws SQLException;
    }

    /**
     * Waits for the batch in flight, then runs {@code work} on the sender's thread (e.g. indexing what was sent while
     * the caller goes on); {@link #await} waits for it, and fails as it failed. {@code what} names it in failures.
     */
    public void then(String what, Work work) {
        await();
        inFlight = sender.submit(() -> {
            try {
                work.run();
            } catch (SQLException e) {
                throw new StoreException(what + " of " + subject + " failed: " + StoreException.reason(e), e);
            }
            return null;
        });
    }

    /** Waits for the batch in flight, and fails as it failed; afterwards the caller may use the connection. */
    public void await() {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while writing " + subject, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof StoreException se ? se
                    : new StoreException("Writing " + subject + " failed: " + e.getCause(), e.getCause());
        } finally {
            inFlight = null;
        }
    }

    /** Waits for what is in flight, ignoring its failure (the caller is abandoning the write), and stops the thread. */
    @Override
    public void close() {
        try {
            await();
        } catch (RuntimeException e) {
            // being abandoned: the failure has been or will be reported by whoever abandons it
        }
        sender.shutdownNow();
    }

    private void send(Copy c, String place) {
        if (c.rows() == null || c.rows().isEmpty()) {
            return;
        }
        try {
            copy.copyIn(c.sql(), new StringReader(c.rows()));
        } catch (SQLException | IOException e) {
            throw new StoreException("Writing " + (place.isEmpty() ? "" : place + " of ") + subject + " failed ("
                    + c.sql() + "): " + StoreException.reason(e), e);
        }
    }
}
