package org.threadline.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.threadline.app.audit.InstalledAuditLog;
import org.threadline.app.governance.Erasure;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./threadline erase PERSON_ID --reason TEXT [--dry-run]}. */
@Command(name = "erase", mixinStandardHelpOptions = true,
        description = {"Erase a person: every source row their data lives in and every copy derived from it or about"
            + " them (records, chronology, relationships, addresses, indicator results, alerts, review items and"
            + " decisions), in one audited transaction. A row about someone else that names the person as a second"
            + " person keeps its other cells; other rows that also name other people go whole; they are listed."})
final class EraseCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PERSON_ID")
    String personId;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (recorded in the audit).")
    String reason;

    @Option(names = "--by", paramLabel = "NAME", description = "Who decided (default: you).")
    String by = System.getProperty("user.name", "unknown");

    @Option(names = "--agency", paramLabel = "AGENCY", description = "Their agency (default: ${DEFAULT-VALUE}).")
    String agency = "social-care";

    @Option(names = "--dry-run", description = "Say what would go; change nothing.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;

    EraseCommand() {
        this(System.getenv());
    }

    EraseCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        ThreadlineHome home = ThreadlineHome.fromEnvironment(environment).create();
        try (Database db = Database.open(environment, home.database())) {
            Erasure.Result r;
            try {
                r = new Erasure(db.dataSource(), InstalledAuditLog.store(home, Clock.systemUTC()), Clock.systemUTC(),
                        home.root(), java.util.Optional.of(IngestCommand.definitions()))
                        .erase(personId, reason, by, agency, dryRun);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            w.println((dryRun ? "Would erase " : "Erased ") + personId + ": " + r.rows().size() + " source row(s)"
                    + (dryRun ? "" : " (audit entry " + r.removed().auditEntry() + ")"));
            w.println("  " + String.join(", ", r.removed().counts()));
            if (!r.othersAffected().isEmpty()) {
                w.println("  rows also naming " + String.join(", ", r.othersAffected()) + " went whole: tell their"
                        + " agencies");
            }
            if (!r.rowsBlanked().isEmpty()) {
                w.println("  " + r.rowsBlanked().size() + " row(s) about someone else kept, with only " + personId
                        + "'s cells blanked: " + r.rowsBlanked());
            }
            r.filesDeleted().forEach(f -> w.println("  landed copy removed: " + f));
        }
        return 0;
    }
}
