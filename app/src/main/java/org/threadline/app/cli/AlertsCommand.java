package org.threadline.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.threadline.app.indicators.IndicatorRun;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.alerts.AlertViews;
import org.threadline.app.web.alerts.AlertWording;
import org.threadline.app.web.alerts.AlertsInbox;
import org.threadline.domain.indicators.alerts.Alert;
import org.threadline.domain.indicators.alerts.AlertState;
import org.threadline.store.indicators.AlertStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./threadline alerts list}: the declared agency's alerts, as its web inbox shows them (the same
 * {@link AlertViews}: a person named only if the policy decision point releases the name, evidence only as far as
 * it is shared), every decision in the audit log before anything is printed.
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Alerts raised by the indicator rules for your agency: their state, due time and evidence.",
        subcommands = {AlertsCommand.ListAlerts.class})
final class AlertsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Name an alerts command: list.");
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the alerts routed to your agency, newest first, read as a declared agency, role and"
                    + " safeguarding purpose; the web inbox (./threadline serve) takes the steps.")
    static final class ListAlerts implements Callable<Integer> {
        @Mixin
        DeclaredAccess access;

        @Option(names = "--open", description = "Only alerts not yet closed.")
        boolean open;

        @Option(names = "--overdue", description = "Only alerts not acknowledged by their due time.")
        boolean overdue;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Clock clock = Clock.systemUTC();
            Instant now = clock.instant();
            try (PeopleContext ctx = new PeopleContext(System.getenv())) {
                GovernedReads reads = new GovernedReads(ctx, clock);
                Viewer v = access.viewer(reads, clock);
                if (!AlertsInbox.safeguarding(v.declared())) {
                    throw new UsageException("Alerts are read for a safeguarding purpose (they name people and cite"
                            + " what agencies recorded); you declared " + v.declared().code() + ".");
                }
                AlertViews views = new AlertViews(ctx.queries, reads.views, reads.policy, AlertWording.of(
                        IndicatorRun.shippedRulebooks(PeopleContext.config("rules"), ctx.vocabulary)));
                AlertStore store = new AlertStore(ctx.database.dataSource());
                List<Alert> alerts = store.forAgency(v.party()).stream()
                        .filter(a -> !open || a.state() != AlertState.CLOSED)
                        .filter(a -> !overdue || a.overdue(now))
                        .sorted(java.util.Comparator.comparing(Alert::raisedAt).reversed()
                                .thenComparing(Alert::alertId))
                        .toList();
                java.util.Map<String, List<Instant>> rectified = store.rectified(alerts.stream()
                        .map(Alert::alertId).toList());
                reads.print(v, out, (w, accesses) -> {
                    w.println(GovernedReads.readAs(v));
                    w.printf(Locale.UK, "%,d alert(s) for %s, %,d overdue.%n", alerts.size(), v.party(),
                            alerts.stream().filter(a -> a.overdue(now)).count());
                    for (Alert a : alerts) {
                        AlertViews.AlertView view = views.view(v, a, now, accesses,
                                rectified.getOrDefault(a.alertId(), List.of()));
                        w.println("  " + view.alertId() + "  " + (view.overdue() ? "OVERDUE " : "") + view.state()
                                + "  " + view.indicator() + " - " + view.personId() + " "
                                + (view.personName() == null ? "(name not shared with you)" : view.personName()));
                        w.println("      " + view.trigger().replaceAll("\\.$", "") + "; to " + view.routedTo()
                                + "; raised " + view.raised()
                                + ", due " + view.due());
                        view.statements().forEach(st -> w.println("      - " + st));
                        view.evidence().forEach(e -> w.println("      " + e.date() + "  " + e.agency() + "  "
                                + e.summary()));
                        if (!view.notShown().isEmpty()) {
                            w.println("      " + view.notShown());
                        }
                        if (!view.rectified().isEmpty()) {
                            w.println("      " + view.rectified());
                        }
                    }
                });
            }
            return 0;
        }
    }

    /** What a run raised, counted by the agency each alert is routed to: names and evidence are for the inbox. */
    static String counted(List<Alert> raised) {
        Map<String, Integer> byAgency = new TreeMap<>();
        raised.forEach(a -> byAgency.merge(a.recipient().agency(), 1, Integer::sum));
        return raised.size() + (byAgency.isEmpty() ? "" : " (" + byAgency.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", ")) + ")");
    }
}
