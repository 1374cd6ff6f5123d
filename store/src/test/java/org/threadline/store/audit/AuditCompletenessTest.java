package org.threadline.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.domain.governance.audit.AuditEvent;
import org.threadline.domain.governance.audit.VerificationReport;
import org.threadline.store.Database;
import org.threadline.store.StoreException;
import org.threadline.store.TestDatabases;

/**
 * Audit events = requests (GOVERNANCE.md S2.3) and no audit, no release (S2.4): 10,000 requests from two concurrent
 * workers, each one transaction that releases data (a row in a stand-in table) and appends its audit event. Some
 * releases fail after the audit append, some audit appends fail (a value PostgreSQL cannot store); both roll back.
 * Afterwards the log holds exactly the committed requests, once each, at positions 0..n-1, and so do the releases.
 */
class AuditCompletenessTest {
    static final int REQUESTS = 10_000;
    static final long SEED = 77;

    @TempDir
    static Path folder;
    static Database db;
    static AuditFixtures fixtures = AuditFixtures.create();

    @BeforeAll
    static void start() throws SQLException {
        db = TestDatabases.open(folder.resolve("db"));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE released (request_id text PRIMARY KEY)");
        }
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    enum Outcome { COMMITTED, RELEASE_FAILED, AUDIT_FAILED }

    @Test
    void the_log_holds_exactly_the_committed_requests_and_nothing_is_released_without_its_audit_event()
            throws Exception {
        AuditStore store = fixtures.store(100, SEED);
        Set<String> committed = ConcurrentHashMap.newKeySet();
        int[] counts = new int[Outcome.values().length];
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<int[]>> done = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int worker = w;
                done.add(workers.submit(() -> run(store, worker, committed)));
            }
            for (Future<int[]> f : done) {
                int[] c = f.get();
                for (int i = 0; i < counts.length; i++) {
                    counts[i] += c[i];
                }
            }
        } finally {
            workers.shutdown();
        }

        try (Connection c = db.dataSource().getConnection()) {
            List<String> logged = strings(c, "SELECT payload->>'requestId' FROM audit_entry ORDER BY sequence");
            assertThat(counts[0] + counts[1] + counts[2]).isEqualTo(REQUESTS);
            assertThat(counts[1]).as("releases that failed after the audit append").isPositive();
            assertThat(counts[2]).as("audit appends that failed").isPositive();
            assertThat(logged).as("no duplicates").doesNotHaveDuplicates();
            assertThat(new HashSet<>(logged)).as("exactly the committed requests").isEqualTo(committed);
            assertThat(logged).hasSize(counts[0]);
            assertThat(new HashSet<>(strings(c, "SELECT request_id FROM released")))
                    .as("nothing released without its audit event").isEqualTo(committed);
            assertThat(strings(c, "SELECT max(sequence) + 1 FROM audit_entry")).containsExactly(
                    Integer.toString(counts[0]));
            VerificationReport report = AuditLogVerification.verify(c, fixtures.keys, Optional.empty());
            assertThat(report.problem()).isEmpty();
            assertThat(report.entries()).isEqualTo(counts[0]);
            assertThat(report.checkpoints()).isEqualTo(counts[0] / 100);
            System.out.printf("Completeness: %d requests, %d committed = %d audit entries, %d release failures and"
                    + " %d audit failures rolled back%n", REQUESTS, counts[0], logged.size(), counts[1], counts[2]);
        }
    }

    /** Worker {@code w} serves requests w, w+2, w+4 ... on its own connection. */
    static int[] run(AuditStore store, int w, Set<String> committed) throws SQLException {
        int[] counts = new int[Outcome.values().length];
        SplittableRandom random = new SplittableRandom(SEED + w);
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            for (int i = w; i < REQUESTS; i += 2) {
                AuditEvent event = AuditFixtures.event(i, random);
                int roll = random.nextInt(100);
                Outcome outcome = roll < 8 ? Outcome.RELEASE_FAILED : roll < 13 ? Outcome.AUDIT_FAILED
                        : Outcome.COMMITTED;
                try {
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO released VALUES (?)")) {
                        s.setString(1, event.requestId());
                        s.executeUpdate();
                    }
                    // Year 300000 is beyond what timestamptz can hold: the audit insert fails inside append.
                    store.append(c, event, outcome == Outcome.AUDIT_FAILED
                            ? Instant.parse("+300000-01-01T00:00:00Z") : event.time().plusSeconds(86_400));
                    if (outcome == Outcome.RELEASE_FAILED) {
                        throw new IllegalStateException("the release failed after its audit event was written");
                    }
                    c.commit();
                    committed.add(event.requestId());
                } catch (StoreException | IllegalStateException e) {
                    c.rollback();
                }
                counts[outcome.ordinal()]++;
            }
        }
        return counts;
    }

    static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
