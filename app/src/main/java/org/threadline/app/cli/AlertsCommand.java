package org.threadline.app.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.threadline.domain.indicators.alerts.Alert;
import org.threadline.domain.indicators.alerts.AlertState;
import org.threadline.domain.indicators.alerts.RaisingAlerts;
import org.threadline.store.indicators.AlertStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./threadline alerts list}: alerts with their routing, state and due time, overdue ones marked. What an alert
 * cites is event ids and the rule's statements; the evidence itself is read through the person's pages.
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Alerts raised by the indicator rules: who they are routed to, their state and when they are due.",
        subcommands = {AlertsCommand.ListAlerts.class})
final class AlertsCommand implements Runnable {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK)
            .withZone(RaisingAlerts.LOCAL);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Name an alerts command: list.");
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List alerts, newest first: all, one agency's, or only the open or overdue ones.")
    static final class ListAlerts implements Callable<Integer> {
        @Option(names = "--agency", description = "Only alerts routed to this agency (e.g. schools, social-care).")
        String agency;

        @Option(names = "--open", description = "Only alerts not yet closed.")
        boolean open;

        @Option(names = "--overdue", description = "Only alerts not acknowledged by their due time.")
        boolean overdue;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Instant now = Instant.now();
            try (PeopleContext ctx = new PeopleContext(System.getenv())) {
                AlertStore store = new AlertStore(ctx.database.dataSource());
                List<Alert> alerts = (agency == null ? store.all() : store.forAgency(agency)).stream()
                        .filter(a -> !open || a.state() != AlertState.CLOSED)
                        .filter(a -> !overdue || a.overdue(now))
                        .sorted(java.util.Comparator.comparing(Alert::raisedAt).reversed()
                                .thenComparing(Alert::alertId))
                        .toList();
                long late = alerts.stream().filter(a -> a.overdue(now)).count();
                out.printf(Locale.UK, "%,d alert(s)%s, %,d overdue.%n", alerts.size(),
                        agency == null ? "" : " for " + agency, late);
                alerts.forEach(a -> out.println("  " + line(a, now)));
            }
            return 0;
        }
    }

    static String line(Alert a) {
        return line(a, Instant.now());
    }

    static String line(Alert a, Instant now) {
        String to = a.recipient().agency() + " / " + a.recipient().role()
                + a.recipient().organisation().map(o -> " at " + o).orElse("");
        StringBuilder b = new StringBuilder(a.alertId() + "  " + (a.overdue(now) ? "OVERDUE " : "") + a.state()
                + "  " + a.indicatorId() + " for " + a.subjectPersonId() + " (trigger " + a.triggerId() + ")\n"
                + "      to " + to + "; raised " + LOCAL.format(a.raisedAt()) + ", due " + LOCAL.format(a.dueBy())
                + "; " + a.evidence().size() + " event(s) cited");
        a.statements().forEach(st -> b.append("\n      - ").append(st));
        return b.toString();
    }
}
