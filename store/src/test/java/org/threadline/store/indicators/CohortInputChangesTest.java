package org.threadline.store.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.store.Database;
import org.threadline.store.TestDatabases;

class CohortInputChangesTest {
    @TempDir
    static Path folder;
    static Database db;
    static CohortInputChanges changes;

    @BeforeAll
    static void start() {
        db = TestDatabases.open(folder.resolve("db"));
        changes = new CohortInputChanges(db.dataSource());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    /** Runs the statements in one transaction; commits it or rolls it back. */
    static void transaction(boolean commit, String... sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String q : sql) {
                    s.execute(q);
                }
            }
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
        }
    }

    @Test
    void a_transaction_writing_any_of_the_counted_tables_is_one_change_however_many_statements_it_runs()
            throws SQLException {
        long before = changes.seen();

        transaction(true, "UPDATE person SET state = state WHERE false", "UPDATE residence SET postcode = postcode"
                + " WHERE false", "DELETE FROM indicator_result WHERE false", "DELETE FROM indicator_evaluation WHERE"
                + " false", "UPDATE person SET state = state WHERE false");

        assertThat(changes.seen()).isEqualTo(before + 1);
        for (String table : new String[] {"person", "residence", "indicator_result", "indicator_evaluation"}) {
            long was = changes.seen();
            transaction(true, "DELETE FROM " + table + " WHERE false");
            assertThat(changes.seen()).as(table).isEqualTo(was + 1);
        }
    }

    @Test
    void a_rolled_back_transaction_and_a_write_elsewhere_are_no_change() throws SQLException {
        long before = changes.seen();

        transaction(false, "UPDATE person SET state = state WHERE false");
        transaction(true, "CREATE TEMPORARY TABLE elsewhere (x int)", "INSERT INTO elsewhere VALUES (1)");

        assertThat(changes.seen()).isEqualTo(before);
    }

    @Test
    void a_savepoint_rolled_back_takes_its_note_with_it_and_the_next_statement_notes_again() throws SQLException {
        long before = changes.seen();

        transaction(true, "SAVEPOINT a", "UPDATE residence SET postcode = postcode WHERE false",
                "ROLLBACK TO SAVEPOINT a", "UPDATE residence SET postcode = postcode WHERE false");

        assertThat(changes.seen()).isEqualTo(before + 1);
    }

    @Test
    void a_change_committed_after_a_later_started_one_still_moves_the_reading() throws SQLException {
        try (Connection first = db.dataSource().getConnection()) {
            first.setAutoCommit(false);
            try (Statement s = first.createStatement()) {
                s.execute("UPDATE person SET state = state WHERE false"); // the smaller transaction id
            }
            transaction(true, "UPDATE person SET state = state WHERE false");
            long between = changes.seen();

            first.commit();

            assertThat(changes.seen()).isEqualTo(between + 1);
        }
    }
}
