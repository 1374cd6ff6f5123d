package org.threadline.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.domain.governance.audit.AuditEvent;
import org.threadline.domain.governance.audit.CheckpointKeys;
import org.threadline.domain.governance.audit.CheckpointSigner;
import org.threadline.domain.governance.audit.VerificationReport;
import org.threadline.store.Database;
import org.threadline.store.audit.AuditLogVerification;
import org.threadline.store.audit.AuditStore;

/**
 * Audit log throughput: appends N synthetic events to a fresh log (in transactions of B events, a checkpoint every
 * C), then verifies the whole log, and reports entries per second for both. Also times 2,000 appends in a
 * transaction each (the "one release, one audit event" case, where the commit's fsync dominates). Run (after
 * {@code ./mvnw -q -DskipTests package}):
 *
 * <pre>
 * java -Xmx2g -cp "benchmarks/target/classes:app/target/lib/*" \
 *     org.threadline.benchmarks.AuditLogBenchmark 1000000 1000 1000 /tmp/threadline-audit-bench
 * </pre>
 *
 * Uses THREADLINE_DB_URL if set, else embedded PostgreSQL (fsync on, as the product runs it) in the folder given.
 */
public final class AuditLogBenchmark {
    private AuditLogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int every = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        Path folder = Path.of(args.length > 3 ? args[3] : "/tmp/threadline-audit-bench");
        if (Files.exists(folder.resolve("PG_VERSION"))) {
            throw new IllegalArgumentException(folder + " already holds a database: name a new folder");
        }
        CheckpointSigner signer = new CheckpointSigner(CheckpointSigner.newKeyPair());
        AuditStore store = new AuditStore(signer, every, Duration.ofDays(2555), Clock.systemUTC(),
                new SplittableRandom(1));
        SplittableRandom random = new SplittableRandom(2);
        try (Database db = Database.open(System.getenv(), folder);
             Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            int single = Math.min(2_000, n);
            long t0 = System.nanoTime();
            for (int i = 0; i < single; i++) {
                store.append(c, event(i, random));
                c.commit();
            }
            double singleSeconds = (System.nanoTime() - t0) / 1e9;

            long t1 = System.nanoTime();
            for (int i = single; i < n; i++) {
                store.append(c, event(i, random));
                if ((i + 1) % batch == 0) {
                    c.commit();
                }
            }
            c.commit();
            double batchSeconds = (System.nanoTime() - t1) / 1e9;
            c.setAutoCommit(true);

            long t2 = System.nanoTime();
            VerificationReport report = AuditLogVerification.verify(c, new CheckpointKeys(List.of(signer.publicKey())),
                    Optional.empty());
            double verifySeconds = (System.nanoTime() - t2) / 1e9;
            System.out.printf(Locale.UK, "entries=%d intact=%s checkpoints=%d cores=%d%n"
                            + "append_one_per_tx: %d in %.1f s = %.0f/s%n"
                            + "append_batched(%d per tx): %d in %.1f s = %.0f/s%n"
                            + "verify_all: %.1f s = %.0f entries/s%n",
                    report.entries(), report.intact(), report.checkpoints(),
                    Runtime.getRuntime().availableProcessors(), single, singleSeconds, single / singleSeconds,
                    batch, n - single, batchSeconds, (n - single) / batchSeconds, verifySeconds,
                    report.entries() / verifySeconds);
            report.problem().ifPresent(p -> System.out.println("PROBLEM: " + p.message()));
        }
    }

    static AuditEvent event(int i, SplittableRandom random) {
        AuditAction action = random.nextInt(10) == 0 ? AuditAction.DENY : AuditAction.VIEW;
        return new AuditEvent("req-" + i, Instant.parse("2026-01-01T00:00:00Z").plusMillis(i * 250L),
                "user" + random.nextInt(500), "agency" + random.nextInt(7), List.of("practitioner"),
                "SAFEGUARDING.CHILD.MASH_TRIAGE", "CASE-" + random.nextInt(50_000), action,
                "subject-" + random.nextInt(1_000_000), "chronology", List.of("name", "dob", "events"),
                action == AuditAction.DENY ? List.of("PURPOSE_NOT_ALLOWED") : List.of(), "isa-mash@3");
    }
}
