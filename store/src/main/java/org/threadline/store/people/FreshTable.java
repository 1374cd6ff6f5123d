package org.threadline.store.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table a build replaces wholesale, written as a fresh copy and swapped in at commit, all in the build's
 * transaction (ADR 0009, revised): the copy has no indexes or keys while millions of rows go in, and gets them in one
 * sort each at the end; the old rows are dropped with their table instead of deleted one by one (which left the live
 * table and its indexes full of dead rows for autovacuum to work through for an hour after a 3,000,000-person build).
 *
 * <p>Readers see the previous build until the commit: the copy is invisible to them, and the swap (drop, rename) holds
 * the table's exclusive lock only for the moment of the renames; the index builds happen before, on the copy. The
 * indexes and keys come from the catalogue, so a migration that adds one to the live table is followed without a
 * change here. A table another table's foreign key points at, or with triggers of its own, cannot be swapped this way
 * and is refused.
 */
final class FreshTable {
    private static final String SUFFIX = "_next";
    private static final Pattern INDEX = Pattern.compile("^(CREATE (?:UNIQUE )?INDEX )(\\S+)( ON (?:ONLY )?)(\\S+)( .*)$");

    private final String table;

    private FreshTable(String table) {
        this.table = table;
    }

    /** The name rows are written to while the build runs. */
    String writeName() {
        return table + SUFFIX;
    }

    /** Creates the empty copy: the live table's columns, defaults, NOT NULL and CHECK constraints; nothing else. */
    static FreshTable create(Connection c, String table) throws SQLException {
        refuseIfNotSwappable(c, table);
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table + SUFFIX);
            s.execute("CREATE TABLE " + table + SUFFIX + " (LIKE " + table
                    + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED)");
        }
        return new FreshTable(table);
    }

    /**
     * Gives the copy the live table's indexes and keys (under temporary names), then drops the live table and renames
     * the copy and its indexes and keys to the live names. Call last, just before the commit.
     */
    void swapIn(Connection c) throws SQLException {
        List<String[]> indexes = rows(c, "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)"
                + " FROM pg_index i WHERE i.indrelid = ?::regclass AND NOT EXISTS"
                + " (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid)"
                + " ORDER BY 1");
        List<String[]> keys = rows(c, "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                + " WHERE conrelid = ?::regclass AND contype IN ('p', 'u', 'f', 'x') ORDER BY contype DESC, conname");
        try (Statement s = c.createStatement()) {
            for (String[] k : keys) {
                s.execute("ALTER TABLE " + writeName() + " ADD CONSTRAINT " + k[0] + SUFFIX + " " + k[1]);
            }
            for (String[] i : indexes) {
                s.execute(onCopy(i[1]));
            }
            s.execute("DROP TABLE " + table);
            s.execute("ALTER TABLE " + writeName() + " RENAME TO " + table);
            for (String[] k : keys) {
                s.execute("ALTER TABLE " + table + " RENAME CONSTRAINT " + k[0] + SUFFIX + " TO " + k[0]);
            }
            for (String[] i : indexes) {
                s.execute("ALTER INDEX " + bare(i[0]) + SUFFIX + " RENAME TO " + bare(i[0]));
            }
        }
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
        List<String[]> referring = rows(c, table, "SELECT conname, conrelid::regclass::text FROM pg_constraint"
                + " WHERE confrelid = ?::regclass AND contype = 'f'");
        List<String[]> triggers = rows(c, table, "SELECT tgname, '' FROM pg_trigger WHERE tgrelid = ?::regclass"
                + " AND NOT tgisinternal");
        if (!referring.isEmpty() || !triggers.isEmpty()) {
            throw new IllegalStateException(table + " cannot be written as a fresh copy: "
                    + (referring.isEmpty() ? "" : "foreign key " + referring.get(0)[0] + " of "
                    + referring.get(0)[1] + " refers to it ") + (triggers.isEmpty() ? "" : "it has trigger "
                    + triggers.get(0)[0]));
        }
    }

    private List<String[]> rows(Connection c, String sql) throws SQLException {
        return rows(c, table, sql);
    }

    private static List<String[]> rows(Connection c, String table, String sql) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
        }
        return out;
    }
}
