package org.threadline.app.web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
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
    final MutableClock clock;
    /** THREADLINE_HOME of the app (the audit log's checkpoint key). */
    final Path home;
    /** False for a second app on another's database ({@link #alongside}): closing it leaves the database open. */
    private final boolean ownsDatabase;

    private TestApp(Path folder, Map<String, Object> properties) {
        this(TestDatabase.open(folder), folder.resolveSibling(folder.getFileName() + "-home"),
                Instant.parse("2026-03-02T09:00:00Z"), properties);
    }

    /**
     * On a database already open (a population ingested and built into it), from the given time. THREADLINE_HOME
     * (the audit log's checkpoint key) is {@code home}.
     */
    TestApp(Database database, Path home, Instant start, Map<String, Object> properties) {
        this(database, home, start, properties, true);
    }

    private TestApp(Database database, Path home, Instant start, Map<String, Object> properties,
                    boolean ownsDatabase) {
        this.ownsDatabase = ownsDatabase;
        this.database = database;
        this.home = home;
        this.clock = new MutableClock(start);
        Map<String, Object> all = new java.util.HashMap<>(properties);
        all.put("threadline.home", home.toString());
        // a view shows the data as it is when viewed (CohortCountsKeptTest tests the default, background recounts)
        all.putIfAbsent("threadline.cohorts.recount", "on-view");
        // no timer: NightlyJobsTest runs the jobs itself
        all.putIfAbsent("threadline.nightly.at", "off");
        try {
            this.web = ThreadlineWeb.start(database.dataSource(), new ThreadlineWeb.Options(0, "127.0.0.1",
                    clock, all));
        } catch (RuntimeException e) {
            if (ownsDatabase) {
                database.close();
            }
            throw e;
        }
    }

    /**
     * Another web app on the same database and THREADLINE_HOME (a built population), with other settings and a clock
     * of its own from {@code start}; closing it stops only this app.
     */
    static TestApp alongside(TestApp other, Instant start, Map<String, Object> properties) {
        return new TestApp(other.database, other.home, start, properties, false);
    }

    /** With the test settings: {@value #MAX_FAILED} failures lock, for 15 minutes; 30 minutes idle. */
    static TestApp start(Path folder) {
        // Forwarded headers are honoured (from loopback only, Tomcat's default), as behind a TLS-terminating proxy,
        // so that tests can show what is sent over HTTPS.
        return new TestApp(folder, Map.of("threadline.web.max-failed-sign-ins", MAX_FAILED,
                "threadline.web.lockout", "15m", "threadline.web.idle-timeout", "30m",
                "server.forward-headers-strategy", "native"));
    }

    /** With the test settings and these besides (or instead). */
    static TestApp start(Path folder, Map<String, Object> extra) {
        Map<String, Object> all = new java.util.HashMap<>(Map.of("threadline.web.max-failed-sign-ins", MAX_FAILED,
                "threadline.web.lockout", "15m", "threadline.web.idle-timeout", "30m"));
        all.putAll(extra);
        return new TestApp(folder, all);
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

    /** Links the account to organisations of its agency (schools by URN; {@code *} for every one). */
    void worksFor(String username, String... organisations) {
        for (String o : organisations) {
            bean(org.threadline.app.web.accounts.Memberships.class).link(username, o);
        }
    }

    /**
     * Opens a case in the case register of the agency's party (ADR 0027), if it is not open already, and links the
     * given people to it: a fixture for tests whose people are looked at under a purpose that needs a case.
     */
    void openCase(Agency agency, String reference, String... personIds) {
        String party = org.threadline.app.web.access.AgreementMapping.load().party(agency);
        org.threadline.store.governance.CaseStore cases = new org.threadline.store.governance.CaseStore(
                database.dataSource());
        try (java.sql.Connection c = database.dataSource().getConnection()) {
            cases.open(c, party, reference, "test.fixture", clock.instant());
            for (String p : personIds) {
                cases.link(c, party, reference, p, "test.fixture", clock.instant());
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        forgetCases(party, reference);
    }

    /** Opens a case linking every person held: for tests about what agreements release, not about cases. */
    void openCaseLinkingEveryone(Agency agency, String reference) {
        openCase(agency, reference, bean(org.threadline.store.people.PeopleStore.class).personIds()
                .toArray(String[]::new));
    }

    /** A case of the account's agency, open and linking everyone held: the case a journey's user declares. */
    void openCaseFor(String username, String reference) {
        openCaseLinkingEveryone(bean(AccountStore.class).find(username).orElseThrow().account().agency(), reference);
    }

    /** The same case reference, open at each of these agencies and linking everyone held. */
    void openCaseLinkingEveryone(String reference, Agency... agencies) {
        for (Agency a : agencies) {
            openCaseLinkingEveryone(a, reference);
        }
    }

    /** The web app's register forgets what it kept about the case, as after a change made through it. */
    void forgetCases(String party, String reference) {
        if (bean(org.threadline.domain.governance.policy.CaseRegister.class)
                instanceof org.threadline.store.governance.StoredCaseRegister stored) {
            stored.forget(party, reference);
        }
    }

    @Override
    public void close() {
        try {
            web.close();
        } finally {
            if (ownsDatabase) {
                database.close();
            }
        }
    }
}
