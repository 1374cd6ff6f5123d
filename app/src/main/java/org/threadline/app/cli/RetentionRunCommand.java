package org.threadline.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.Callable;
import org.threadline.app.audit.InstalledAuditLog;
import org.threadline.app.governance.RetentionJob;
import org.threadline.app.governance.RetentionPolicy;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.domain.governance.agreements.Agreements;
import org.threadline.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./threadline retention run [--as-of DATE] [--dry-run]}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Remove rows past the retention their agreements set, with every copy derived from them, and"
            + " audit payloads past the audit retention; each removal is audited. Rows under 'then: review' are"
            + " listed, not removed."})
final class RetentionRunCommand implements Callable<Integer> {
    @Option(names = "--as-of", paramLabel = "DATE", description = "The day retention is judged on (default: today).")
    LocalDate asOf;

    @Option(names = "--dry-run", description = "List what would go; change nothing.")
    boolean dryRun;

    @Option(names = "--agreements", paramLabel = "DIR", description = "Agreements (default: config/agreements).")
    Path agreements;

    @Option(names = "--keys", paramLabel = "FILE",
            description = "Trusted agreement keys (default: config/agreements/keys/trusted-keys.yaml).")
    Path keys;

    @Option(names = "--by", paramLabel = "NAME", description = "Recorded as the actor (default: ${DEFAULT-VALUE}).")
    String by = "retention-job";

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;

    RetentionRunCommand() {
        this(System.getenv());
    }

    RetentionRunCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        Path folder = agreements != null ? agreements : PeopleContext.config("agreements", "");
        Path keyFile = keys != null ? keys : PeopleContext.config("agreements", "keys/trusted-keys.yaml");
        RetentionPolicy policy = RetentionPolicy.of(Agreements.loadFolder(folder, Agreements.loadKeys(keyFile)));
        LocalDate day = asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC);
        ThreadlineHome home = ThreadlineHome.fromEnvironment(environment).create();
        try (Database db = Database.open(environment, home.database())) {
            RetentionJob.Report r = new RetentionJob(db.dataSource(), InstalledAuditLog.store(home,
                    Clock.systemUTC()), Clock.systemUTC(), home.root()).run(policy, day, dryRun, by);
            w.println((dryRun ? "Retention dry run" : "Retention run") + " as of " + day + ":");
            for (RetentionJob.FeedOutcome f : r.feeds()) {
                String what = f.expiredRows() == 0 ? "nothing due"
                        : !f.rule().delete() ? f.expiredRows() + " row(s) due for review (not removed)"
                        : (dryRun ? "would remove " : "removed ") + f.expiredRows() + " row(s): "
                                + String.join(", ", f.removed().orElseThrow().counts());
                w.printf("  %-26s %-13s keep %-5s clock started by %s: %s%n", f.rule().feed(), f.rule().agency(),
                        f.rule().keep(), f.clockStartedBy(), what);
            }
            w.println("  audit payloads past their retention " + (dryRun ? "that would be removed" : "removed") + ": "
                    + r.auditPayloadsRemoved());
            r.filesDeleted().forEach(f -> w.println("  landed copy removed: " + f));
        }
        return 0;
    }
}
