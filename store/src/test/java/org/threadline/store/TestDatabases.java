package org.threadline.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Real PostgreSQL for tests: the server named by {@value #VARIABLE} when set (each call gets its own fresh schema,
 * so test classes do not see each other's rows), else a new embedded PostgreSQL in the given folder.
 */
public final class TestDatabases {
    public static final String VARIABLE = "THREADLINE_TEST_DB_URL";

    private TestDatabases() {
    }

    public static boolean server() {
        String url = System.getenv(VARIABLE);
        return url != null && !url.isBlank();
    }

    public static Database open(Path folder) {
        if (!server()) {
            return Database.embedded(folder);
        }
        String url = System.getenv(VARIABLE);
        String user = System.getenv().getOrDefault("THREADLINE_TEST_DB_USER", "");
        String password = System.getenv().getOrDefault("THREADLINE_TEST_DB_PASSWORD", "");
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Database admin = Database.server(url, user, password);
             Connection c = admin.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Database.server(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password);
    }
}
