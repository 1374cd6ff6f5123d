package org.threadline.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * Audit log throughput on a fresh log with a checkpoint every C entries: 2,000 appends in a transaction each (the
 * "one release, one audit event" case, where the commit's fsync dominates), 100,000 single appends in transactions of
 * B, the rest of N with {@code appendAll} in batches of B; then verifies the whole log. Reports entries per second
 * for each. Run (after
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

            int singles = Math.min(n, single + 100_000);
            long t1 = System.nanoTime();
            for (int i = single; i < singles; i++) {
                store.append(c, event(i, random));
                if ((i + 1) % batch == 0) {
                    c.commit();
                }
            }
            c.commit();
            double batchSeconds = (System.nanoTime() - t1) / 1e9;

            long t3 = System.nanoTime();
            List<AuditEvent> events = new ArrayList<>(batch);
            for (int i = singles; i < n; i++) {
                events.add(event(i, random));
                if (events.size() == batch || i == n - 1) {
                    store.appendAll(c, events);
                    c.commit();
                    events.clear();
                }
            }
            double allSeconds = (System.nanoTime() - t3) / 1e9;
            c.setAutoCommit(true);

            long t2 = System.nanoTime();
            VerificationReport report = AuditLogVerification.verify(c, new CheckpointKeys(List.of(signer.publicKey())),
                    Optional.empty());
            double verifySeconds = (System.nanoTime() - t2) / 1e9;
            System.out.printf(Locale.UK, "entries=%d intact=%s checkpoints=%d cores=%d%n"
                            + "append_one_per_tx: %d in %.1f s = %.0f/s%n"
                            + "append_batched(%d per tx): %d in %.1f s = %.0f/s%n"
                            + "appendAll(%d per tx): %d in %.1f s = %.0f/s%n"
                            + "verify_all: %.1f s = %.0f entries/s%n",
                    report.entries(), report.intact(), report.checkpoints(),
                    Runtime.getRuntime().availableProcessors(), single, singleSeconds, single / singleSeconds,
                    batch, singles - single, batchSeconds, (singles - single) / batchSeconds,
                    batch, n - singles, allSeconds, (n - singles) / allSeconds, verifySeconds,
                    report.entries() / verifySeconds);
            report.problem().ifPresent(p -> System.out.println("PROBLEM: " + p.message()));
            subjectAccess(c, new SplittableRandom(3));
        }
    }

    /**
     * The subject-access read of who accessed one person's record (SubjectStore's query), for 50 subjects drawn at
     * random: through the index on the payload's subject (V32), then with index scans turned off (as before V32).
     */
    static void subjectAccess(Connection c, SplittableRandom random) throws java.sql.SQLException {
        String sql = "SELECT jsonb_build_object('sequence', sequence, 'recorded_at', recorded_at, 'action', action,"
                + " 'event', payload) FROM audit_entry WHERE payload->>'subject' = ? ORDER BY sequence";
        for (boolean indexed : new boolean[] {true, false}) {
            c.setAutoCommit(false);
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("SET LOCAL enable_indexscan = " + indexed);
                s.execute("SET LOCAL enable_bitmapscan = " + indexed);
            }
            int found = 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                // the comment makes each phase its own statement: the driver keeps a prepared statement's plan,
                // which would otherwise carry the index over into the scan phase
                try (java.sql.PreparedStatement q = c.prepareStatement(sql + " /* " + indexed + " */")) {
                    q.setString(1, "subject-" + random.nextInt(1_000_000));
                    try (java.sql.ResultSet r = q.executeQuery()) {
                        while (r.next()) {
                            found++;
                        }
                    }
                }
            }
            double ms = (System.nanoTime() - t0) / 1e6 / 50;
            c.commit();
            c.setAutoCommit(true);
            System.out.printf(Locale.UK, "subject_access(%s): %.2f ms per subject (50 subjects, %d entries)%n",
                    indexed ? "index" : "scan", ms, found);
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
