package org.threadline.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.threadline.app.audit.InstalledAuditLog;
import org.threadline.app.governance.Rectification;
import org.threadline.app.indicators.IndicatorRun;
import org.threadline.linkage.model.ModelJson;
import org.threadline.store.governance.RowKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./threadline rectify --source S --row FILE:ROW --field F --value V --reason TEXT [--dry-run]}. */
@Command(name = "rectify", mixinStandardHelpOptions = true,
        description = {"Correct one field of one stored source row in place, with every copy derived from it (person"
            + " record, search keys, chronology, links, indicators), in one audited transaction. The value is"
            + " standardised and validated by the source definition's rules; the audit names the row and field,"
            + " never the values."})
final class RectifyCommand implements Callable<Integer> {
    @Option(names = "--source", required = true, paramLabel = "SOURCE",
            description = "The feed (source definition id), e.g. police-incident-persons.")
    String source;

    @Option(names = "--row", required = true, paramLabel = "FILE:ROW",
            description = "The row: landed file id and row number (as a record key shows it, e.g. 12:345).")
    String row;

    @Option(names = "--field", required = true, paramLabel = "FIELD",
            description = "The field as stored (surname, date_of_birth, event_datetime, mother.surname) or the"
                    + " source column's name.")
    String field;

    @Option(names = "--value", required = true, paramLabel = "NEW", description = "The corrected value, as the"
            + " agency's file would hold it.")
    String value;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (recorded in the audit).")
    String reason;

    @Option(names = "--by", paramLabel = "NAME", description = "Who decided (default: you).")
    String by = System.getProperty("user.name", "unknown");

    @Option(names = "--agency", paramLabel = "AGENCY", description = "Their agency (default: ${DEFAULT-VALUE}).")
    String agency = "social-care";

    @Option(names = "--dry-run", description = "Say what would change; change nothing.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;

    RectifyCommand() {
        this(System.getenv());
    }

    RectifyCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        RowKey key = rowKey(row);
        try (PeopleContext ctx = new PeopleContext(environment)) {
            Clock clock = Clock.systemUTC();
            IndicatorRun indicators = IndicatorsCommand.indicatorRun(ctx, clock);
            Rectification rectification = new Rectification(ctx.database.dataSource(),
                    InstalledAuditLog.store(ctx.home, clock), IngestCommand.definitions(), ctx.vocabulary,
                    ModelJson.read(PeopleContext.config("models", "people.json")), Optional.of(indicators), clock);
            Rectification.Result r;
            try {
                r = rectification.rectify(new Rectification.Request(source, key, field, value, reason, by, agency),
                        dryRun);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            print(r, w);
        }
        return 0;
    }

    static RowKey rowKey(String text) {
        String[] parts = text.strip().split(":");
        try {
            if (parts.length == 2) {
                return new RowKey(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new UsageException("--row is FILE:ROW (a landed file id and a row number, e.g. 12:345), not " + text);
    }

    static void print(Rectification.Result r, PrintWriter w) {
        w.println((r.dryRun() ? "Would correct " : "Corrected ") + r.fileName() + " row "
                + r.request().row().rowNumber() + " (" + r.request().row() + "), column " + r.column() + ": "
                + String.join(", ", r.changed()) + (r.dryRun() ? "" : " (audit entry " + r.auditEntry() + ")"));
        r.moves().forEach(m -> w.println("  " + m.describe()));
        if (!r.eventsBefore().isEmpty() || !r.eventsAfter().isEmpty()) {
            w.println("  events of the row: " + r.eventsBefore().size() + " before, " + r.eventsAfter().size()
                    + " after");
            r.eventsAfter().forEach(e -> w.println("    " + e[0] + " " + e[3] + " of " + e[1] + " on " + e[2]));
        }
        if (!r.retired().isEmpty()) {
            w.println("  retired (no record left): " + String.join(", ", r.retired()));
        }
        r.ties().filter(org.threadline.store.people.TiesAround.Counts::any).ifPresent(t -> w.printf(java.util.Locale.UK,
                "  relationships: %,d removed, %,d added, %,d changed; residences: %,d removed, %,d added, %,d"
                        + " changed%n", t.relationshipsRemoved(), t.relationshipsAdded(), t.relationshipsChanged(),
                t.residencesRemoved(), t.residencesAdded(), t.residencesChanged()));
        r.reattached().filter(a -> !a.gone().isEmpty() || !a.come().isEmpty()).ifPresent(a -> w.printf(
                java.util.Locale.UK, "  events of other feeds attached through the row's record: %,d removed, %,d"
                        + " added (%,d people)%n", a.gone().size(), a.come().size(), a.personsMoved().size()));
        if (r.alertsMarked() > 0) {
            w.printf(java.util.Locale.UK, "  %,d alert(s) citing the row's events marked \"evidence rectified: re-check\""
                    + " for their recipients%n", r.alertsMarked());
        }
        r.caseChanges().forEach(x -> w.println("  " + x));
        if (r.reviewItems() > 0) {
            w.println("  " + r.reviewItems() + " review item(s): ./threadline review list");
        }
        if (r.moves().isEmpty() && r.eventsAfter().isEmpty() && r.eventsBefore().isEmpty()) {
            w.println("  no people build has read this row yet: the next build or attach makes its copies");
        }
        r.reevaluated().ifPresent(o -> {
            w.printf(java.util.Locale.UK, "  re-evaluated the indicators of %,d people as of %s%n", o.subjects(),
                    o.asOf());
            IndicatorsCommand.printAlerts(o.raised(), w);
        });
        if (r.dryRun()) {
            w.println("  dry run: nothing was changed");
        }
    }
}
