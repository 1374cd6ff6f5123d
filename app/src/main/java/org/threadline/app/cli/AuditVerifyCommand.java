package org.threadline.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.threadline.app.audit.AuditKeyFiles;
import org.threadline.app.audit.WitnessFile;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.domain.governance.audit.Checkpoint;
import org.threadline.domain.governance.audit.CheckpointKeys;
import org.threadline.domain.governance.audit.LogProblem;
import org.threadline.domain.governance.audit.VerificationReport;
import org.threadline.store.Database;
import org.threadline.store.audit.AuditLogVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./threadline audit verify}: recomputes every hash of the whole log, checks every checkpoint's signature,
 * root and consistency with the one before, and the checkpoint remembered from the last successful run. Exit 0 with a
 * summary, or 1 naming the first bad entry and what is wrong with it.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check the whole audit log: every entry's hashes, every checkpoint (signature, root, consistency"
            + " with the previous one) and the checkpoint remembered by the last successful verification.",
            "Exit 0 when intact; 1 naming the first bad entry.",
            "Uses THREADLINE_DB_URL if set, else embedded PostgreSQL under THREADLINE_HOME/db."})
final class AuditVerifyCommand implements Callable<Integer> {

    @Option(names = "--public-key", paramLabel = "FILE", description = "A trusted checkpoint public key (PEM);"
            + " repeatable. Default: THREADLINE_HOME/keys/" + AuditKeyFiles.PUBLIC + ".")
    List<Path> publicKeys = new ArrayList<>();

    @Option(names = "--witness", paramLabel = "FILE", description = "The remembered checkpoint to check against and"
            + " update. Default: THREADLINE_HOME/audit/witnessed-checkpoint.txt.")
    Path witness;

    @Option(names = "--no-remember", description = "Do not update the remembered checkpoint.")
    boolean noRemember;

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;

    AuditVerifyCommand() {
        this(System.getenv());
    }

    AuditVerifyCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ThreadlineHome home = ThreadlineHome.fromEnvironment(environment).create();
        CheckpointKeys keys = new CheckpointKeys(trustedKeys(home));
        Path witnessFile = witness != null ? witness : WitnessFile.defaultPath(home);
        Optional<Checkpoint> remembered = WitnessFile.read(witnessFile);
        long started = System.nanoTime();
        VerificationReport report;
        Optional<Checkpoint> latest;
        String where;
        try (Database db = Database.open(environment, home.database());
             Connection c = db.dataSource().getConnection()) {
            where = db.description();
            report = AuditLogVerification.verify(c, keys, remembered);
            latest = AuditLogVerification.latestCheckpoint(c);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (report.problem().isPresent()) {
            LogProblem p = report.problem().get();
            out.println("Audit log in " + where + ": NOT INTACT.");
            if (p.firstEntry() >= 0) {
                out.println(p.exact() ? "  first bad entry: " + p.firstEntry()
                        : String.format("  first bad entry: between %d and %d", p.firstEntry(), p.lastEntry()));
            }
            out.println("  " + p.message());
            out.printf("  (checked in %.1f s)%n", seconds);
            return ThreadlineCommand.FAILURE;
        }
        out.println("Audit log in " + where + ": intact.");
        out.printf("  entries       %,d (%,d with their payload removed at the end of retention)%n",
                report.entries(), report.redacted());
        out.printf("  checkpoints   %,d verified (signature, root, consistency with the previous one)%s%n",
                report.checkpoints(), report.latest().map(c -> "; latest " + c).orElse(""));
        if (report.unsealed() > 0) {
            out.printf("  not sealed    %,d entries after the latest checkpoint (protected by their own hashes"
                    + " until the next one: ./threadline audit checkpoint)%n", report.unsealed());
        }
        out.println("  remembered    " + remembered.map(c -> c + ": still matches").orElse("none yet"));
        if (!noRemember && latest.isPresent()
                && (remembered.isEmpty() || latest.get().treeSize() > remembered.get().treeSize())) {
            WitnessFile.write(witnessFile, latest.get());
            out.println("  now remembering the " + latest.get() + " in " + witnessFile);
        }
        out.printf("  checked in %.1f s%n", seconds);
        return 0;
    }

    private List<PublicKey> trustedKeys(ThreadlineHome home) throws IOException {
        List<PublicKey> keys = new ArrayList<>();
        if (publicKeys.isEmpty()) {
            Path own = AuditKeyFiles.publicKeyFile(home);
            if (Files.exists(own)) {
                keys.add(AuditKeyFiles.readPublic(own));
            }
        }
        for (Path p : publicKeys) {
            keys.add(AuditKeyFiles.readPublic(p));
        }
        return keys;
    }
}
