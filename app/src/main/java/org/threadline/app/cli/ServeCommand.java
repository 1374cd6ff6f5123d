package org.threadline.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.app.web.ThreadlineWeb;
import org.threadline.app.web.accounts.DemoAccounts;
import org.threadline.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./threadline serve}: the web application on the same database as the other commands. Spring is loaded
 * only here (the classes are referenced from {@link #call}), so {@code generate} and {@code ingest} start as fast
 * as before.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the web application until stopped (Ctrl+C).",
            "Uses THREADLINE_DB_URL if set, else embedded PostgreSQL under THREADLINE_HOME/db.",
            "Settings: THREADLINE_WEB_MAX_FAILED_SIGN_INS (5), THREADLINE_WEB_LOCKOUT (15m),"
                + " THREADLINE_WEB_IDLE_TIMEOUT (30m), THREADLINE_CASE_REGISTER (stored; 'declared' takes declared"
                + " case references on trust where no case system exists: ADR 0027)."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default ${DEFAULT-VALUE};"
            + " 0 for any free port).")
    int port;

    @Option(names = "--address", defaultValue = "127.0.0.1", description = "Interface to listen on (default"
            + " ${DEFAULT-VALUE}: this machine only).")
    String address;

    @Option(names = "--demo-accounts", description = "Create (or reset) the demo accounts with new random"
            + " passwords and print them.")
    boolean demoAccounts;

    @Option(names = "--nightly-at", paramLabel = "HH:MM|off", description = "When the nightly jobs (retention, a"
            + " full indicator run, audit log verification) start, Europe/London time (default: THREADLINE_NIGHTLY_AT,"
            + " else 02:00).")
    String nightlyAt;

    @Option(names = "--nightly-as-of", paramLabel = "DATE", description = "Judge the nightly jobs as of this day"
            + " rather than the day they run (a synthetic population frozen at its extract date).")
    java.time.LocalDate nightlyAsOf;

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;

    ServeCommand() {
        this(System.getenv());
    }

    ServeCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port must be between 0 and 65535");
        }
        Map<String, Object> settings = new java.util.HashMap<>(settings(environment));
        PrintWriter out = spec.commandLine().getOut();
        ThreadlineHome home = ThreadlineHome.fromEnvironment(environment).create();
        settings.put("threadline.home", home.root().toString()); // the audit log's checkpoint key lives there
        String at = nightlyAt != null ? nightlyAt : environment.get("THREADLINE_NIGHTLY_AT");
        if (at != null && !at.isBlank()) {
            if (!at.strip().equalsIgnoreCase("off") && !at.strip().matches("([01][0-9]|2[0-3]):[0-5][0-9]")) {
                throw new UsageException("--nightly-at (or THREADLINE_NIGHTLY_AT) must be a time such as 02:00, or"
                        + " off, not '" + at + "'");
            }
            settings.put("threadline.nightly.at", at.strip());
        }
        if (nightlyAsOf != null) {
            settings.put("threadline.nightly.as-of", nightlyAsOf.toString());
        }
        Database db = Database.open(environment, home.database());
        ThreadlineWeb.Running web;
        try {
            web = ThreadlineWeb.start(db.dataSource(), new ThreadlineWeb.Options(port, address,
                    Clock.systemUTC(), settings));
        } catch (RuntimeException e) {
            db.close();
            throw settingsProblem(e).<RuntimeException>map(UsageException::new).orElse(e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                web.close();
            } finally {
                db.close();
                stopped.countDown();
            }
        }, "threadline-serve-stop"));
        out.println("Threadline web application - synthetic data only. Database: " + db.description());
        if (demoAccounts) {
            print(web.demoAccounts().createOrReset(), out);
            printCases(new org.threadline.store.governance.CaseStore(db.dataSource()), out);
        }
        out.println("Open http://localhost:" + web.port() + "/ (listening on " + address + ":" + web.port()
                + "). Press Ctrl+C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }

    /**
     * The OIDC settings' own explanation, if the web application would not start because of them (a missing or
     * wrong {@code threadline.oidc.*} setting, or a provider that cannot be read): deep in the start-up failure's
     * causes, and the one sentence worth showing.
     */
    static java.util.Optional<String> settingsProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if ((t instanceof IllegalArgumentException || t instanceof IllegalStateException) && m != null
                    && (m.startsWith("The OIDC settings") || m.startsWith("threadline.oidc."))) {
                return java.util.Optional.of(m);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The web settings named in the environment, checked here so that a mistake is a usage error naming the
     * variable: THREADLINE_WEB_MAX_FAILED_SIGN_INS (a whole number of at least 1), THREADLINE_WEB_LOCKOUT and
     * THREADLINE_WEB_IDLE_TIMEOUT (a duration such as 15m, 90s, 1h or PT15M).
     */
    static Map<String, Object> settings(Map<String, String> environment) {
        Map<String, Object> settings = new HashMap<>();
        String failures = environment.get("THREADLINE_WEB_MAX_FAILED_SIGN_INS");
        if (failures != null && !failures.isBlank()) {
            try {
                int n = Integer.parseInt(failures.strip());
                if (n < 1) {
                    throw new NumberFormatException();
                }
                settings.put("threadline.web.max-failed-sign-ins", n);
            } catch (NumberFormatException e) {
                throw new UsageException("THREADLINE_WEB_MAX_FAILED_SIGN_INS must be a whole number of at least 1,"
                        + " not '" + failures + "'");
            }
        }
        putDuration(environment, "THREADLINE_WEB_LOCKOUT", "threadline.web.lockout", settings);
        putDuration(environment, "THREADLINE_WEB_IDLE_TIMEOUT", "threadline.web.idle-timeout", settings);
        String cases = environment.get(org.threadline.app.web.cases.CaseRegisterMode.VARIABLE);
        if (cases != null && !cases.isBlank()) {
            try {
                org.threadline.app.web.cases.CaseRegisterMode.of(cases);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            settings.put(org.threadline.app.web.cases.CaseRegisterMode.PROPERTY, cases.strip());
        }
        return settings;
    }

    private static void putDuration(Map<String, String> environment, String variable, String property,
            Map<String, Object> settings) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return;
        }
        Matcher m = Pattern.compile("(\\d{1,6})([smh])").matcher(value.strip());
        Duration d;
        try {
            d = m.matches() ? Duration.of(Long.parseLong(m.group(1)), switch (m.group(2)) {
                case "s" -> ChronoUnit.SECONDS;
                case "m" -> ChronoUnit.MINUTES;
                default -> ChronoUnit.HOURS;
            }) : Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            d = Duration.ZERO;
        }
        if (d.isZero() || d.isNegative()) {
            throw new UsageException(variable + " must be a positive duration such as 15m, 90s, 1h or PT15M, not '"
                    + value + "'");
        }
        settings.put(property, d.toString());
    }

    /**
     * The open cases of the demo logins' agencies (the demo opens {@link DemoCommand#DEMO_CASE}): the references to
     * declare with a purpose that needs a case, and whom each links.
     */
    static void printCases(org.threadline.store.governance.CaseStore cases, PrintWriter out) {
        java.util.Map<String, java.util.List<String>> agenciesOf = new java.util.TreeMap<>();
        java.util.Map<String, java.util.List<String>> peopleOf = new java.util.TreeMap<>();
        for (String party : List.of("police", "health", "schools", "social-care")) {
            for (var k : cases.list(party, false, 20)) {
                agenciesOf.computeIfAbsent(k.reference(), r -> new java.util.ArrayList<>()).add(party);
                peopleOf.putIfAbsent(k.reference(), k.linkedNow());
            }
        }
        if (agenciesOf.isEmpty()) {
            out.println("No open cases yet: purposes that need a case show no one until a case manager opens one"
                    + " (purpose 'Open, link and close your agency's cases', page /cases).");
            return;
        }
        out.println("Open cases to declare with a purpose that needs one (case managers change them at /cases):");
        agenciesOf.forEach((ref, parties) -> out.println("  " + ref + " at " + String.join(", ", parties)
                + ": links " + (peopleOf.get(ref).isEmpty() ? "no one yet" : String.join(", ", peopleOf.get(ref)))));
    }

    /** Prints the demo logins as a table: they exist only in this output, never in the repository. */
    static void print(List<DemoAccounts.Login> logins, PrintWriter out) {
        out.println("Demo accounts (passwords are new on every run):");
        for (DemoAccounts.Login login : logins) {
            out.printf("  %-22s %-21s %-26s %s%n", login.account().username(), login.password(),
                    login.account().agency().label(), login.account().roles().iterator().next().label());
        }
    }
}
