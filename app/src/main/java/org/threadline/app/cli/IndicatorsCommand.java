package org.threadline.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.threadline.app.audit.InstalledAuditLog;
import org.threadline.app.indicators.IndicatorAccuracy;
import org.threadline.app.indicators.IndicatorRun;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.people.FlagViews;
import org.threadline.domain.indicators.Indicator;
import org.threadline.domain.indicators.Rulebook;
import org.threadline.domain.indicators.Status;
import org.threadline.domain.indicators.alerts.Alert;
import org.threadline.domain.indicators.reporting.AccuracyReport;
import org.threadline.store.indicators.IndicatorResultStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./threadline indicators run|show|evaluate}: the published rules over built people. */
@Command(name = "indicators", mixinStandardHelpOptions = true,
        description = "Evaluate the rulebooks in config/rules over built people, show a person's flags with their"
                + " evidence, and measure the flags against a synthetic population's truth.",
        subcommands = {IndicatorsCommand.Run.class, IndicatorsCommand.Show.class, IndicatorsCommand.Evaluate.class,
            IndicatorsCommand.Cohorts.class})
final class IndicatorsCommand implements Runnable {
    /** Evidence events listed per clause unless --all: the latest, since they say most about now. */
    private static final int SHOWN = 6;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Name an indicators command: run, show, evaluate or cohorts.");
    }

    /** The rule run over the people context (rulebooks read and checked, the audit log of THREADLINE_HOME). */
    static IndicatorRun indicatorRun(PeopleContext ctx, Clock clock) {
        try {
            return new IndicatorRun(ctx.database.dataSource(), InstalledAuditLog.store(ctx.home, clock),
                    IndicatorRun.shippedRulebooks(PeopleContext.config("rules"), ctx.vocabulary), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit log's key in " + ctx.home.root() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * After intake attached new records: re-evaluate the families of the people who gained events and raise what
     * that triggers, so a new incident reaches the school or social care within seconds of landing.
     */
    static void afterAttach(PeopleContext ctx, org.threadline.app.people.PeopleBuilder.Increment increment,
                            PrintWriter out) {
        if (increment.personsTouched().isEmpty()) {
            return;
        }
        IndicatorRun run = indicatorRun(ctx, Clock.systemUTC());
        if (!run.hasRun()) {
            out.println("Indicators not evaluated yet (./threadline indicators run): no re-evaluation, no alerts.");
            return;
        }
        IndicatorRun.Outcome o = run.reevaluate(increment.personsTouched(), increment.newestEvent());
        out.printf(Locale.UK, "Re-evaluated the indicators of %,d people in the families of %,d who gained records,"
                + " as of %s, in %.2f s.%n", o.subjects(), increment.personsTouched().size(), o.asOf(),
                o.millis() / 1e3);
        printAlerts(o.raised(), out);
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Evaluate every rulebook for every person held (each with the family around them), keep"
                    + " the results and raise the alerts the changes since the last run trigger. The first run is a"
                    + " baseline: it raises none.")
    static final class Run implements Callable<Integer> {
        @Option(names = "--as-of", description = "The day to evaluate as of (default: today; a synthetic population"
                + " is best run as of its extract date).")
        LocalDate asOf;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (PeopleContext ctx = new PeopleContext(System.getenv())) {
                IndicatorRun run = indicatorRun(ctx, Clock.systemUTC());
                IndicatorRun.Outcome o = run.runAll(Optional.ofNullable(asOf), line -> {
                    out.println("  " + line);
                    out.flush();
                });
                printOutcome(o, run.rulebooks(), out);
            }
            return 0;
        }
    }

    static void printOutcome(IndicatorRun.Outcome o, List<Rulebook> rulebooks, PrintWriter out) {
        out.printf(Locale.UK, "Evaluated %,d people as of %s under %s in %.1f s.%n", o.subjects(), o.asOf(),
                rulebooks.stream().map(Rulebook::reference).collect(Collectors.joining(", ")), o.millis() / 1e3);
        if (!o.baselines().isEmpty()) {
            out.println("  First run under " + String.join(", ", o.baselines()) + ": a baseline, no alerts raised"
                    + " (alerts are for changes from here on).");
        }
        out.println("  People meeting each indicator:");
        for (Rulebook r : rulebooks) {
            String line = r.indicators().stream().filter(Indicator::enabled)
                    .map(i -> i.id() + " " + o.met().getOrDefault(i.id(), 0)).collect(Collectors.joining(", "));
            out.println("    " + r.id() + ": " + line);
        }
        printAlerts(o.raised(), out);
    }

    static void printAlerts(List<Alert> raised, PrintWriter out) {
        out.println("  Alerts raised: " + AlertsCommand.counted(raised) + (raised.isEmpty() ? ""
                : "; each agency reads its own in the web inbox or with ./threadline alerts list --as ..."));
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "A person's stored flags, read as a declared agency, role and purpose: each met indicator"
                    + " whose every record you may see, with its evidence (events, agencies, dates, source rows, the"
                    + " clause each satisfied); flags resting on records not shared with you are counted with why;"
                    + " every decision is in the audit log before anything is printed.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "PERSON_ID")
        String personId;

        @Mixin
        DeclaredAccess access;

        @Option(names = "--all", description = "List every event cited (default: the latest few per clause).")
        boolean all;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Clock clock = Clock.systemUTC();
            try (PeopleContext ctx = new PeopleContext(System.getenv())) {
                GovernedReads reads = new GovernedReads(ctx, clock);
                Viewer v = access.viewer(reads, clock);
                if (!reads.views.exists(personId)) {
                    throw new UsageException("No person " + personId + " is held (ids look like P0000123; see"
                            + " ./threadline people build).");
                }
                FlagViews flags = new FlagViews(new IndicatorResultStore(ctx.database.dataSource()),
                        IndicatorRun.shippedRulebooks(PeopleContext.config("rules"), ctx.vocabulary), ctx.queries,
                        reads.policy);
                reads.print(v, out, (w, accesses) -> {
                    w.println(GovernedReads.readAs(v));
                    print(flags.flags(v, personId, accesses), personId, all, w);
                });
            }
            return 0;
        }
    }

    static void print(FlagViews.Flags flags, String personId, boolean all, PrintWriter out) {
        if (!flags.evaluated()) {
            out.println(personId + ": no indicator results yet (run ./threadline indicators run).");
            return;
        }
        out.println(personId + ": " + flags.shown().size() + " flag(s) met on the records held"
                + (flags.shown().isEmpty() ? " that you may see." : ":"));
        for (FlagViews.FlagView f : flags.shown()) {
            out.println("  MET  " + f.indicatorId() + " - " + f.name() + " (" + f.rulebook() + ", as of " + f.asOf()
                    + ")");
            for (FlagViews.EvidenceView ev : f.evidence()) {
                out.println("       " + ev.statement());
                List<FlagViews.EventLine> shown = all ? ev.events() : ev.events().stream()
                        .skip(Math.max(0, ev.events().size() - SHOWN)).toList();
                if (shown.size() < ev.events().size()) {
                    out.println("         ... " + (ev.events().size() - shown.size()) + " earlier event(s)"
                            + " (--all lists every one); the latest:");
                }
                for (FlagViews.EventLine x : shown) {
                    out.println("         " + x.date() + "  " + x.agency() + "  " + x.type() + " (" + x.relation()
                            + ")  \"" + x.summary() + "\"  source " + x.source());
                }
            }
        }
        if (flags.notShown() > 0) {
            out.println("  " + flags.notShown() + " more flag(s) rest on records not shared with you for this purpose,"
                    + " so they are not shown: " + String.join("; ", flags.whyNotShown()));
        }
        if (!flags.cannotAnswer().isEmpty()) {
            out.println("  The records cannot answer: " + String.join(", ", flags.cannotAnswer()) + ".");
        }
        out.println("  Not met means no record of it, not that it did not happen.");
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Measure the stored flags against a synthetic population's truth folder: precision and"
                    + " recall per indicator, per subgroup (ethnicity, sex, deprivation quintile), gaps over the"
                    + " tolerance flagged.")
    static final class Evaluate implements Callable<Integer> {
        @Option(names = "--truth", required = true, description = "The population's truth folder.")
        Path truth;

        @Option(names = "--tolerance", defaultValue = "0.10",
                description = "Largest subgroup gap in precision or recall before an indicator is flagged"
                        + " (default ${DEFAULT-VALUE}).")
        double tolerance;

        @Option(names = "--min-support", defaultValue = "20",
                description = "Subgroups with fewer cases are shown but not compared (default ${DEFAULT-VALUE}).")
        int minimumSupport;

        @Option(names = "--markdown", description = "Also write the full tables (with subgroups) to this file.")
        Path markdown;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            try (PeopleContext ctx = new PeopleContext(System.getenv())) {
                IndicatorRun run = indicatorRun(ctx, Clock.systemUTC());
                Map<String, Map<String, Status>> statuses = run.storedStatuses(ctx.store.personIds());
                if (statuses.isEmpty()) {
                    throw new UsageException("No indicator results yet: run ./threadline indicators run first.");
                }
                LocalDate asOf = run.stored(statuses.keySet().iterator().next()).values().iterator().next().asOf();
                AccuracyReport report = IndicatorAccuracy.measure(ctx.store, statuses, run.rulebooks(), truth, asOf,
                        tolerance, minimumSupport);
                String table = report.toMarkdown();
                out.println("Indicators against the truth (as of " + asOf + "):");
                out.println(table.substring(0, table.indexOf("\n| indicator | attribute")));
                if (markdown != null) {
                    Files.writeString(markdown, table, StandardCharsets.UTF_8);
                    out.println("Full tables with subgroups: " + markdown);
                }
            }
            return 0;
        }
    }

    @Command(name = "cohorts", mixinStandardHelpOptions = true,
            description = "How many people meet each indicator in each postcode district (of their latest known"
                    + " address), with small numbers suppressed so that no count under the minimum can be seen or"
                    + " worked out from a total.")
    static final class Cohorts implements Callable<Integer> {
        @Option(names = "--indicators", split = ",", description = "The indicators to count (default: every"
                + " enabled one).")
        List<String> indicators;

        @Option(names = "--min-cell", defaultValue = "10",
                description = "Counts below this are suppressed (default ${DEFAULT-VALUE}).")
        int minimumCell;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (PeopleContext ctx = new PeopleContext(System.getenv())) {
                IndicatorRun run = indicatorRun(ctx, Clock.systemUTC());
                List<String> columns = indicators != null ? indicators : run.rulebooks().stream()
                        .flatMap(r -> r.indicators().stream()).filter(i -> i.enabled() && i.notDerivable().isEmpty())
                        .map(Indicator::id).toList();
                var table = org.threadline.app.indicators.CohortCounts.count(ctx.store,
                        new IndicatorResultStore(ctx.database.dataSource()), columns, minimumCell);
                out.println("People meeting each indicator by postcode district (latest known address); "
                        + table.suppressedCells() + " cell(s) suppressed:");
                out.println(table.toMarkdown());
            }
            return 0;
        }
    }
}
