package org.threadline.store.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.domain.governance.audit.AuditEvent;
import org.threadline.domain.governance.audit.Checkpoint;
import org.threadline.domain.governance.audit.MerkleLog;
import org.threadline.domain.governance.audit.MerkleProofs;
import org.threadline.domain.governance.audit.VerificationReport;
import org.threadline.store.Database;
import org.threadline.store.TestDatabases;

/** One log shared by the tests, in order: the first builds it, the others add to it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditStoreTest {
    @TempDir
    static Path folder;
    static Database db;
    static AuditFixtures fixtures = AuditFixtures.create();

    @BeforeAll
    static void start() {
        db = TestDatabases.open(folder.resolve("db"));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    @Order(1)
    void appended_events_form_an_intact_log_with_a_signed_checkpoint_every_n_entries() throws SQLException {
        AuditStore store = fixtures.store(10, 1);
        List<AuditEvent> written = new ArrayList<>();
        List<Optional<Checkpoint>> checkpoints = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(11);
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            for (int i = 0; i < 57; i++) {
                AuditReceipt r = store.append(c, AuditFixtures.event(i, random));
                assertThat(r.sequence()).isEqualTo(i);
                written.add(r.event());
                checkpoints.add(r.checkpoint());
                c.commit();
            }
            c.setAutoCommit(true);

            VerificationReport report = AuditLogVerification.verify(c, fixtures.keys, Optional.empty());

            assertThat(report.problem()).isEmpty();
            assertThat(report.entries()).isEqualTo(57);
            assertThat(report.checkpoints()).isEqualTo(5);
            assertThat(report.unsealed()).isEqualTo(7);
            assertThat(checkpoints.stream().filter(Optional::isPresent).map(o -> o.get().treeSize()))
                    .containsExactly(10L, 20L, 30L, 40L, 50L);
            assertThat(payloads(c)).containsExactlyElementsOf(written);
            assertThat(count(c, "audit_node")).as("n - popcount(n) completed perfect subtrees above the leaves").isEqualTo(57 - Long.bitCount(57));
        }
    }

    @Test
    void an_entry_is_provably_included_in_the_signed_checkpoint_from_the_stored_leaf_hashes() throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            fixtures.store(10, 2).checkpoint(begin(c));
            c.commit();
            c.setAutoCommit(true);
            Checkpoint latest = AuditLogVerification.latestCheckpoint(c).orElseThrow();
            MerkleLog log = new MerkleLog();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT leaf_hash FROM audit_entry ORDER BY sequence")) {
                while (rs.next()) {
                    log.append(rs.getBytes(1));
                }
            }
            assertThat(log.root(latest.treeSize())).isEqualTo(latest.rootHash());
            for (long i = 0; i < latest.treeSize(); i++) {
                assertThat(MerkleProofs.verifyInclusion(i, latest.treeSize(), log.leaf(i),
                        log.inclusionProof(i, latest.treeSize()), latest.rootHash())).isTrue();
            }
            assertThat(fixtures.keys.verify(latest)).isTrue();
        }
    }

    @Test
    void an_append_outside_a_transaction_is_refused_because_the_release_could_not_roll_it_back()
            throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(c.getAutoCommit()).isTrue();
            assertThatThrownBy(() -> fixtures.store(10, 3).append(c, AuditFixtures.event(999, new SplittableRandom(3))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("caller's transaction");
        }
    }

    @Test
    void a_rolled_back_append_leaves_no_entry_and_no_gap() throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            long before = count(c, "audit_entry");
            AuditStore store = fixtures.store(10, 4);
            begin(c);
            store.append(c, AuditFixtures.event(1000, new SplittableRandom(4)));
            c.rollback();
            AuditReceipt kept = store.append(c, AuditFixtures.event(1001, new SplittableRandom(5)));
            c.commit();
            c.setAutoCommit(true);

            assertThat(kept.sequence()).isEqualTo(before);
            assertThat(count(c, "audit_entry")).isEqualTo(before + 1);
            assertThat(AuditLogVerification.verify(c, fixtures.keys, Optional.empty()).problem()).isEmpty();
        }
    }

    @Test
    void a_batch_appended_at_once_continues_the_same_tree_as_single_appends() throws SQLException {
        AuditStore store = fixtures.store(10, 6);
        SplittableRandom random = new SplittableRandom(66);
        try (Connection c = db.dataSource().getConnection()) {
            long before = count(c, "audit_entry");
            begin(c);
            List<AuditEvent> events = new ArrayList<>();
            for (int i = 0; i < 35; i++) {
                events.add(AuditFixtures.event(2000 + i, random));
            }
            List<AuditReceipt> receipts = store.appendAll(c, events);
            store.append(c, AuditFixtures.event(3000, random));
            c.commit();
            c.setAutoCommit(true);

            assertThat(receipts).extracting(AuditReceipt::sequence)
                    .containsExactlyElementsOf(java.util.stream.LongStream.range(before, before + 35).boxed().toList());
            assertThat(receipts.stream().flatMap(r -> r.checkpoint().stream()).map(Checkpoint::treeSize).toList())
                    .allMatch(size -> size % 10 == 0).hasSize((int) ((before + 35) / 10 - before / 10));
            VerificationReport report = AuditLogVerification.verify(c, fixtures.keys, Optional.empty());
            assertThat(report.problem()).isEmpty();
            assertThat(report.entries()).isEqualTo(before + 36);
        }
    }

    static Connection begin(Connection c) throws SQLException {
        c.setAutoCommit(false);
        return c;
    }

    static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<AuditEvent> payloads(Connection c) throws SQLException {
        List<AuditEvent> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT payload::text, payload_salt FROM audit_entry ORDER BY sequence")) {
            while (rs.next()) {
                out.add(((org.threadline.domain.governance.audit.StoredEntry.Present)
                        AuditPayloads.read(rs.getString(1), rs.getBytes(2))).event());
            }
        }
        return out;
    }
}
