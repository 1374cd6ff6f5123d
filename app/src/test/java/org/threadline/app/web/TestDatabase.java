package org.threadline.app.web;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.threadline.store.Database;

/**
 * Real PostgreSQL for the web tests: embedded in the given folder, or a fresh schema on the server named by
 * THREADLINE_TEST_DB_URL (so test classes never see each other's rows).
 */
public final class TestDatabase {
    private TestDatabase() {
    }

    public static Database open(Path folder) {
        String url = System.getenv("THREADLINE_TEST_DB_URL");
        if (url == null || url.isBlank()) {
            return Database.embedded(folder);
        }
        String user = System.getenv().getOrDefault("THREADLINE_TEST_DB_USER", "");
        String password = System.getenv().getOrDefault("THREADLINE_TEST_DB_PASSWORD", "");
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        try (Database admin = Database.server(url, user, password);
             Connection c = admin.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Database.server(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password);
    }
}
