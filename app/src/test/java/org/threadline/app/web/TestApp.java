package org.threadline.app.web;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.accounts.AccountStore;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.store.Database;

/**
 * The real web application on real PostgreSQL for tests: embedded in a temporary folder, or a fresh schema on the
 * server named by THREADLINE_TEST_DB_URL. Listens on a free port; time is a {@link MutableClock}.
 */
final class TestApp implements AutoCloseable {
    /** The test settings: a low failure limit keeps lockout tests short. */
    static final int MAX_FAILED = 3;

    final Database database;
    final ThreadlineWeb.Running web;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

    private TestApp(Path folder, Map<String, Object> properties) {
        this.database = open(folder);
        try {
            this.web = ThreadlineWeb.start(database.dataSource(), new ThreadlineWeb.Options(0, "127.0.0.1",
                    clock, properties));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** With the test settings: {@value #MAX_FAILED} failures lock, for 15 minutes; 30 minutes idle. */
    static TestApp start(Path folder) {
        return new TestApp(folder, Map.of("threadline.web.max-failed-sign-ins", MAX_FAILED,
                "threadline.web.lockout", "15m", "threadline.web.idle-timeout", "30m"));
    }

    /** With the product's default settings. */
    static TestApp withDefaults(Path folder) {
        return new TestApp(folder, Map.of());
    }

    String url(String path) {
        return web.url() + path;
    }

    <T> T bean(Class<T> type) {
        return web.context().getBean(type);
    }

    Clock clock() {
        return clock;
    }

    /** Creates (or resets) an account with a known password. */
    Account account(String username, Agency agency, Role role, String password) {
        Account account = new Account(username, username + " (test)", agency, Set.of(role));
        bean(AccountStore.class).save(account, bean(PasswordEncoder.class).encode(password));
        return account;
    }

    @Override
    public void close() {
        try {
            web.close();
        } finally {
            database.close();
        }
    }

    private static Database open(Path folder) {
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
