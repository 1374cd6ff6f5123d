package org.threadline.app.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.threadline.app.audit.AuditKeyFiles;
import org.threadline.app.audit.InstalledAuditLog;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.domain.governance.audit.Checkpoint;
import org.threadline.store.Database;
import org.threadline.store.audit.AuditStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./threadline audit checkpoint}: signs a checkpoint covering every entry now in the log. */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
        description = {"Sign a checkpoint of the whole audit log now (appends also sign one every "
            + InstalledAuditLog.CHECKPOINT_EVERY + " entries).",
            "The key is THREADLINE_HOME/keys/" + AuditKeyFiles.PRIVATE + ", made on first use."})
final class AuditCheckpointCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;

    AuditCheckpointCommand() {
        this(System.getenv());
    }

    AuditCheckpointCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ThreadlineHome home = ThreadlineHome.fromEnvironment(environment).create();
        AuditStore store = InstalledAuditLog.store(home, Clock.systemUTC());
        try (Database db = Database.open(environment, home.database());
             Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            Optional<Checkpoint> made = store.checkpoint(c);
            c.commit();
            out.println(made.map(cp -> "Latest: " + cp + ".").orElse("The audit log is empty: nothing to sign."));
            out.println("Verifiers need the public key: " + AuditKeyFiles.publicKeyFile(home));
        }
        return 0;
    }
}
