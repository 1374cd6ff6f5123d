package org.threadline.store.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.domain.governance.audit.AuditEvent;
import org.threadline.domain.governance.audit.VerificationReport;
import org.threadline.store.Database;
import org.threadline.store.TestDatabases;

/**
 * The database's own walls around the log (GOVERNANCE.md S2.5): the triggers refuse UPDATE, DELETE and TRUNCATE on
 * every audit table for the owner itself; the writer role has no such grants at all; and the one narrow exception,
 * removing payloads past retention, keeps every hash and is itself audited.
 */
class AuditProtectionTest {
    static final List<String> TABLES = List.of("audit_entry", "audit_node", "audit_checkpoint", "audit_redaction");

    @TempDir
    static Path folder;
    static Database db;
    static AuditFixtures fixtures = AuditFixtures.create();
    static AuditStore store;

    @BeforeAll
    static void build() throws SQLException {
        db = TestDatabases.open(folder.resolve("db"));
        store = fixtures.store(4, 9);
        SplittableRandom random = new SplittableRandom(9);
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            for (int i = 0; i < 12; i++) {
                AuditEvent e = AuditFixtures.event(i, random);
                // Entries 0..5 were kept until 2021 (long past); 6..11 until 2100.
                store.append(c, e, Instant.parse(i < 6 ? "2021-01-01T00:00:00Z" : "2100-01-01T00:00:00Z"));
                c.commit();
            }
        }
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void the_owner_cannot_update_delete_or_truncate_any_audit_table() throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            for (String table : TABLES) {
                refused(c, "DELETE FROM " + table, "append-only");
                refused(c, "TRUNCATE " + table + " CASCADE", "append-only");
            }
            refused(c, "UPDATE audit_node SET hash = sha256(hash)", "append-only");
            refused(c, "UPDATE audit_checkpoint SET signed_at = now()", "append-only");
            refused(c, "UPDATE audit_entry SET action = 'VIEW' WHERE sequence = 0", "leaf never changes");
            refused(c, "UPDATE audit_entry SET leaf_hash = sha256(leaf_hash) WHERE sequence = 0", "leaf never changes");
            refused(c, "UPDATE audit_entry SET payload = '{}'::jsonb WHERE sequence = 0", "only change allowed");
            refused(c, "UPDATE audit_entry SET payload = NULL, payload_salt = NULL WHERE sequence = 8",
                    "retained until");
            refused(c, "UPDATE audit_entry SET payload = NULL, payload_salt = NULL WHERE sequence = 1",
                    "REDACTION entry");
            assertThat(AuditLogVerification.verify(c, fixtures.keys, Optional.empty()).problem()).isEmpty();
        }
    }

    @Test
    void the_writer_role_has_no_right_to_update_hashes_delete_or_truncate_even_without_triggers()
            throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(scalar(c, "SELECT count(*) FROM pg_roles WHERE rolname = 'threadline_audit_writer'"
                    + " AND NOT rolsuper AND NOT rolbypassrls")).isEqualTo(1);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE audit_entry DISABLE TRIGGER USER");
                s.execute("ALTER TABLE audit_checkpoint DISABLE TRIGGER USER");
                s.execute("SET LOCAL ROLE threadline_audit_writer");
            }
            assertThat(scalar(c, "SELECT count(*) FROM audit_entry")).isEqualTo(12);
            for (String statement : List.of("UPDATE audit_entry SET leaf_hash = sha256(leaf_hash)",
                    "UPDATE audit_entry SET sequence = sequence + 100", "DELETE FROM audit_entry",
                    "TRUNCATE audit_entry CASCADE", "UPDATE audit_checkpoint SET root_hash = sha256(root_hash)",
                    "DELETE FROM audit_checkpoint", "DELETE FROM audit_node", "TRUNCATE audit_redaction",
                    "ALTER TABLE audit_entry ENABLE TRIGGER USER")) {
                try (Statement s = c.createStatement()) {
                    s.execute("SAVEPOINT attempt");
                    assertThatThrownBy(() -> s.execute(statement)).as(statement)
                            .hasMessageMatching("(?s).*(permission denied|must be owner).*");
                    s.execute("ROLLBACK TO SAVEPOINT attempt");
                }
            }
            c.rollback();
        }
    }

    @Test
    void payloads_past_retention_are_removed_with_an_audited_redaction_and_the_log_still_verifies()
            throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            long removed = new AuditRetention(store, java.time.Clock.systemUTC())
                    .redactExpired(c, "retention-job", "hub", "retention-1");
            c.commit();
            c.setAutoCommit(true);

            assertThat(removed).isEqualTo(6);
            assertThat(scalar(c, "SELECT count(*) FROM audit_entry WHERE payload IS NULL AND sequence < 6"))
                    .isEqualTo(6);
            assertThat(scalar(c, "SELECT count(*) FROM audit_entry WHERE payload IS NULL")).isEqualTo(6);
            assertThat(scalar(c, "SELECT count(*) FROM audit_redaction r JOIN audit_entry e"
                    + " ON e.sequence = r.redaction_entry WHERE e.action = 'REDACTION'")).isEqualTo(6);
            VerificationReport report = AuditLogVerification.verify(c, fixtures.keys, Optional.empty());
            assertThat(report.problem()).isEmpty();
            assertThat(report.redacted()).isEqualTo(6);
            assertThat(report.entries()).isEqualTo(13);
            assertThat(report.checkpoints()).as("checkpoints signed before the removal still verify").isEqualTo(3);
            assertThat(new AuditRetention(store, java.time.Clock.systemUTC())
                    .redactExpired(begin(c), "retention-job", "hub", "retention-2")).as("nothing left to remove")
                    .isZero();
            c.rollback();
        }
    }

    static Connection begin(Connection c) throws SQLException {
        c.setAutoCommit(false);
        return c;
    }

    static void refused(Connection c, String statement, String reason) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute(statement)).as(statement).hasMessageContaining(reason);
        } finally {
            c.setAutoCommit(auto);
        }
    }

    static long scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
