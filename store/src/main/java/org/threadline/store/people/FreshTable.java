package org.threadline.store.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.threadline.store.StoreException;
import org.threadline.store.copy.CopyBuffer;
import org.threadline.store.copy.CopySender;

/**
 * A table a build replaces wholesale, written as a fresh copy and swapped in at the build's commit (ADR 0009,
 * revised twice). The copy is filled with COPY and given the live table's indexes and keys on a connection of its
 * own, so the index builds (the lookup keys' GIN index was the longest single step of a 3,000,000-person build) run
 * while the build goes on with its next pass; the build's transaction then only adds the keys that refer to tables it
 * writes itself, drops the live table and renames the copy. The old rows go with their table instead of being deleted
 * one by one (which left an hour of autovacuum behind a 3,000,000-person build).
 *
 * <p>Readers see the previous build until the build commits: they never read the copy, whose name they do not use,
 * and the swap holds the table's exclusive lock only for the drop and renames. The copy's own transactions do commit;
 * if the build fails, {@link #close} drops the copy, and a copy left by a killed process is dropped by the next build
 * before it starts. The indexes and keys come from the catalogue, so a migration that adds one to the live table is
 * followed without a change here. A table another table's foreign key points at, or with triggers of its own, cannot
 * be swapped this way and is refused.
 */
final class FreshTable implements AutoCloseable {
    static final int BATCH_ROWS = 5_000;
    static final int BATCH_CHARS = 8 << 20;
    private static final String SUFFIX = "_next";
    private static final Pattern INDEX = Pattern.compile("^(CREATE (?:UNIQUE )?INDEX )(\\S+)( ON (?:ONLY )?)(\\S+)( .*)$");

    private final String table;
    private final Connection side;
    private final CopySender sender;
    private final String copy;
    private final Set<String> writtenByBuild;
    private final CopyBuffer rows = new CopyBuffer();
    private final List<String[]> keys;
    private final List<String[]> indexes;
    private long count;
    private boolean finished;

    private FreshTable(String table, Connection side, UnaryOperator<String> copyInto, Set<String> writtenByBuild)
            throws SQLException {
        this.table = table;
        this.side = side;
        this.copy = copyInto.apply(writtenName());
        this.writtenByBuild = writtenByBuild;
        this.keys = rows(side, table, "SELECT conname, pg_get_constraintdef(oid), confrelid::regclass::text"
                + " FROM pg_constraint WHERE conrelid = ?::regclass AND contype IN ('p', 'u', 'f', 'x')"
                + " ORDER BY contype DESC, conname");
        this.indexes = rows(side, table, "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid), ''"
                + " FROM pg_index i WHERE i.indrelid = ?::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint k"
                + " WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid) ORDER BY 1");
        this.sender = new CopySender(side, "the people build's " + table, table + "-copy");
    }

    /**
     * Opens a connection for the copy and creates it empty: the live table's columns, defaults, NOT NULL and CHECK
     * constraints; nothing else. {@code copyInto} gives the COPY statement into a table of that name;
     * {@code writtenByBuild} names the tables the build's own transaction writes (a key referring to one of them is
     * checked in that transaction, where its new rows are visible).
     */
    static FreshTable open(DataSource dataSource, String table, UnaryOperator<String> copyInto,
                           Set<String> writtenByBuild) {
        Connection side = null;
        try {
            side = dataSource.getConnection();
            side.setAutoCommit(true);
            refuseIfNotSwappable(side, table);
            try (Statement s = side.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + table + SUFFIX);
                s.execute("CREATE TABLE " + table + SUFFIX + " (LIKE " + table
                        + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED)");
            }
            return new FreshTable(table, side, copyInto, writtenByBuild);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(side);
            throw e instanceof IllegalStateException i ? i : new StoreException("Cannot start writing a fresh copy"
                    + " of " + table + ": " + (e instanceof SQLException q ? StoreException.reason(q) : e), e);
        }
    }

    /** The name rows are written to while the build runs. */
    String writtenName() {
        return table + SUFFIX;
    }

    /** Adds one row ({@code row} appends its fields to the buffer and ends it); sent in batches by the sender. */
    void add(Consumer<CopyBuffer> row) {
        if (finished) {
            throw new IllegalStateException("the fresh copy of " + table + " is complete: no more rows");
        }
        row.accept(rows);
        count++;
        if (rows.rows() >= BATCH_ROWS || rows.chars() >= BATCH_CHARS) {
            sender.submit("", List.of(new CopySender.Copy(copy, rows.drain())));
        }
    }

    /** Rows added. */
    long count() {
        return count;
    }

    /**
     * No more rows: sends the last, then starts giving the copy its indexes and the keys that do not refer to the
     * build's own tables, on the copy's connection, while the caller goes on. Idempotent.
     */
    void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (rows.rows() > 0) {
            sender.submit("", List.of(new CopySender.Copy(copy, rows.drain())));
        }
        sender.then("Indexing the fresh copy", () -> {
            try (Statement s = side.createStatement()) {
                for (String[] k : keys) {
                    if (!writtenByBuild.contains(k[2])) {
                        s.execute(addKey(k));
                    }
                }
                for (String[] i : indexes) {
                    s.execute(onCopy(i[1]));
                }
            }
        });
    }

    /**
     * Waits for the copy's indexes, then, in the build's transaction ({@code c}): adds the keys that refer to the
     * build's own tables, drops the live table and renames the copy and its indexes and keys to the live names. Call
     * last, just before the commit.
     */
    void swapIn(Connection c) throws SQLException {
        finish();
        sender.await();
        try (Statement s = c.createStatement()) {
            for (String[] k : keys) {
                if (writtenByBuild.contains(k[2])) {
                    s.execute(addKey(k));
                }
            }
            s.execute("DROP TABLE " + table);
            s.execute("ALTER TABLE " + writtenName() + " RENAME TO " + table);
            for (String[] k : keys) {
                s.execute("ALTER TABLE " + table + " RENAME CONSTRAINT " + k[0] + SUFFIX + " TO " + k[0]);
            }
            for (String[] i : indexes) {
                s.execute("ALTER INDEX " + bare(i[0]) + SUFFIX + " RENAME TO " + bare(i[0]));
            }
        }
    }

    /**
     * Waits for the copy's connection to finish what it is doing, then drops the copy unless it was swapped in and
     * committed under the live name (a build that failed, even after the swap, leaves no copy behind), and closes it.
     */
    @Override
    public void close() {
        sender.close();
        try (Statement s = side.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + writtenName());
        } catch (SQLException e) {
            // the connection is broken: the next build drops the copy before it starts
        }
        closeQuietly(side);
    }

    private String addKey(String[] k) {
        return "ALTER TABLE " + writtenName() + " ADD CONSTRAINT " + k[0] + SUFFIX + " " + k[1];
    }

    /** The live index's definition, for the copy under the temporary name. */
    private String onCopy(String definition) {
        Matcher m = INDEX.matcher(definition);
        if (!m.matches() || !bare(m.group(4)).equals(table)) {
            throw new IllegalStateException("cannot read the definition of an index of " + table + ": " + definition);
        }
        return m.group(1) + bare(m.group(2)) + SUFFIX + m.group(3) + m.group(4) + SUFFIX + m.group(5);
    }

    /** A name without its schema. */
    private static String bare(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static void refuseIfNotSwappable(Connection c, String table) throws SQLException {
        List<String[]> referring = rows(c, table, "SELECT conname, conrelid::regclass::text, '' FROM pg_constraint"
                + " WHERE confrelid = ?::regclass AND contype = 'f'");
        List<String[]> triggers = rows(c, table, "SELECT tgname, '', '' FROM pg_trigger WHERE tgrelid = ?::regclass"
                + " AND NOT tgisinternal");
        if (!referring.isEmpty() || !triggers.isEmpty()) {
            throw new IllegalStateException(table + " cannot be written as a fresh copy: "
                    + (referring.isEmpty() ? "" : "foreign key " + referring.get(0)[0] + " of "
                    + referring.get(0)[1] + " refers to it ") + (triggers.isEmpty() ? "" : "it has trigger "
                    + triggers.get(0)[0]));
        }
    }

    /** Three text columns of a catalogue query about {@code table}. */
    private static List<String[]> rows(Connection c, String table, String sql) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
                }
            }
        }
        return out;
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // nothing more to do with a connection that will not close
            }
        }
    }
}
