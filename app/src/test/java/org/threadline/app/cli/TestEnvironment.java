package org.threadline.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.threadline.store.Database;
import picocli.CommandLine;

/** Lets tests in other packages run the package-private commands against their own environment. */
public final class TestEnvironment {
    private TestEnvironment() {
    }

    /**
     * A day the shipped agreements are in force (they run from 2026-04-01 to 2029-03-31, review due 2029-01-31):
     * ingest refuses feeds no agreement in force covers, so tests load "on" this day whatever the real date.
     */
    public static final java.time.Instant DURING_THE_AGREEMENTS = java.time.Instant.parse("2026-10-01T09:00:00Z");

    /** Ingests a generated population's extracts with {@code ingest --dir}, on {@link #DURING_THE_AGREEMENTS}. */
    public static int ingest(Map<String, String> environment, Path population, Path root, PrintWriter out) {
        String previous = System.getProperty("threadline.root");
        System.setProperty("threadline.root", root.toAbsolutePath().normalize().toString());
        try {
            CommandLine cli = new CommandLine(new IngestCommand(environment,
                    java.time.Clock.fixed(DURING_THE_AGREEMENTS, java.time.ZoneOffset.UTC)));
            cli.setOut(out);
            cli.setErr(out);
            return cli.execute("--dir", population.toString());
        } finally {
            if (previous == null) {
                System.clearProperty("threadline.root");
            } else {
                System.setProperty("threadline.root", previous);
            }
        }
    }

    /** Runs {@code ./threadline rectify ARGS} against the environment's store, with {@code root}'s configuration. */
    public static int rectify(Map<String, String> environment, Path root, PrintWriter out, String... args) {
        String previous = System.getProperty("threadline.root");
        System.setProperty("threadline.root", root.toAbsolutePath().normalize().toString());
        try {
            CommandLine cli = new CommandLine(new RectifyCommand(environment));
            cli.setOut(out);
            cli.setErr(out);
            return cli.execute(args);
        } finally {
            if (previous == null) {
                System.clearProperty("threadline.root");
            } else {
                System.setProperty("threadline.root", previous);
            }
        }
    }

    /** Points the environment at a fresh schema of THREADLINE_TEST_DB_URL when that is set (else embedded). */
    public static void useTestServerIfSet(Map<String, String> environment) throws java.sql.SQLException {
        String url = System.getenv("THREADLINE_TEST_DB_URL");
        if (url == null || url.isBlank()) {
            return;
        }
        String schema = "test_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String user = System.getenv().getOrDefault("THREADLINE_TEST_DB_USER", "");
        String password = System.getenv().getOrDefault("THREADLINE_TEST_DB_PASSWORD", "");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, user, password);
             java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        environment.put(Database.URL, url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        environment.put(Database.USER, user);
        environment.put(Database.PASSWORD, password);
    }

    /**
     * Opens a case of each agreement party (police, schools, social-care ...) in the case register of the store the
     * environment names, linking everyone held: the case a test declares with {@code --case} (ADR 0027).
     */
    public static void openCaseLinkingEveryone(Map<String, String> environment, String reference, String... parties)
            throws java.io.IOException, java.sql.SQLException {
        try (org.threadline.store.Database db = org.threadline.store.Database.open(environment,
                org.threadline.app.home.ThreadlineHome.fromEnvironment(environment).create().database());
             java.sql.Connection c = db.dataSource().getConnection()) {
            org.threadline.store.governance.CaseStore cases = new org.threadline.store.governance.CaseStore(
                    db.dataSource());
            java.util.List<String> everyone = new org.threadline.store.people.PeopleStore(db.dataSource()).personIds();
            for (String party : parties) {
                cases.open(c, party, reference, "test.fixture", DURING_THE_AGREEMENTS);
                for (String p : everyone) {
                    cases.link(c, party, reference, p, "test.fixture", DURING_THE_AGREEMENTS);
                }
            }
        }
    }
}
