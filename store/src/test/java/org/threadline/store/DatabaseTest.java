package org.threadline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    static Path folder;
    static Database db;

    @BeforeAll
    static void start() {
        db = TestDatabases.open(folder.resolve("db"));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void migrations_create_the_intake_tables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = current_schema() ORDER BY table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        assertThat(tables).contains("landed_file", "raw_row", "standardised_row", "quarantined_row");
    }

    @Test
    void embedded_data_survives_a_restart_in_the_same_folder() throws SQLException {
        assumeFalse(TestDatabases.server(), "only the embedded database has a folder");
        Path data = folder.resolve("restart");
        try (Database first = Database.open(Map.of(), data);
             Connection c = first.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (note text)");
            s.execute("INSERT INTO kept VALUES ('still here')");
        }
        try (Database second = Database.open(Map.of(), data);
             Connection c = second.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT note FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void a_connection_given_back_is_reused_instead_of_starting_a_new_server_process() throws SQLException {
        int first;
        try (Connection c = db.dataSource().getConnection()) {
            first = backend(c);
        }
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(backend(c)).isEqualTo(first);
        }
    }

    @Test
    void connections_held_at_the_same_time_are_distinct_sessions() throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            Set<Integer> backends = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                held.add(db.dataSource().getConnection());
                backends.add(backend(held.get(i)));
            }
            assertThat(backends).hasSize(5);
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }

    @Test
    void a_pool_size_that_is_not_a_whole_number_of_at_least_one_is_refused_naming_the_setting() {
        for (String bad : List.of("0", "-3", "many")) {
            assertThatThrownBy(() -> Database.open(Map.of(Database.POOL_SIZE, bad), folder.resolve("never")))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining(Database.POOL_SIZE).hasMessageContaining("'" + bad + "'");
        }
    }

    private static int backend(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
