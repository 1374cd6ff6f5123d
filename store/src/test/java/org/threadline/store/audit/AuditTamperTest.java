package org.threadline.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.domain.governance.audit.Checkpoint;
import org.threadline.domain.governance.audit.LogProblem;
import org.threadline.domain.governance.audit.VerificationReport;
import org.threadline.store.Database;
import org.threadline.store.TestDatabases;
import org.threadline.store.audit.StoredRows.Row;

/**
 * The tamper suite (GOVERNANCE.md S2.2): on a real log of {@value #ENTRIES} entries with a checkpoint every
 * {@value #EVERY}, each kind of tampering is done directly in SQL by someone who owns the table (triggers disabled),
 * 200 times at seeded random positions (1,000 with {@code -Dthreadline.tamperTrials=1000}, as GOVERNANCE.md
 * asks: about 3 minutes), each in a transaction that is verified and then rolled back.
 * Every trial must be detected and must name the tampered entry: exactly, where the row's own hashes give it away;
 * otherwise within the one checkpoint interval whose signed root no longer matches.
 */
class AuditTamperTest {
    static final int ENTRIES = 105;
    static final int EVERY = 10;
    static final int SEALED = 100;
    static final int TRIALS = Integer.getInteger("threadline.tamperTrials", 200);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;
    static Database db;
    static AuditFixtures fixtures = AuditFixtures.create();
    static List<Row> original;

    enum Kind { EDIT, EDIT_REHASHED, DELETE, DELETE_RENUMBERED, SWAP, SWAP_REHASHED, INSERT, TRUNCATE, REWRITE_SUFFIX }

    @BeforeAll
    static void build() throws SQLException {
        db = TestDatabases.open(folder.resolve("db"));
        try (Connection c = db.dataSource().getConnection()) {
            AuditFixtures.appendEach(c, fixtures.store(EVERY, 7), 0, ENTRIES, 7);
            original = StoredRows.read(c);
            assertThat(AuditLogVerification.verify(c, fixtures.keys, Optional.empty()).problem()).isEmpty();
        }
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void every_kind_of_tampering_is_detected_in_every_trial_and_names_the_entry() throws Exception {
        Map<Kind, Integer> detected = new EnumMap<>(Kind.class);
        long seed = 20_261_126;
        SplittableRandom random = new SplittableRandom(seed);
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            for (Kind kind : Kind.values()) {
                for (int trial = 0; trial < TRIALS; trial++) {
                    int target = random.nextInt(SEALED);
                    int other = target + 1 + random.nextInt(ENTRIES - target - 1 == 0 ? 1 : ENTRIES - target - 1);
                    tamper(c, kind, target, Math.min(other, ENTRIES - 1), random);
                    VerificationReport report = AuditLogVerification.verify(c, fixtures.keys, Optional.empty());
                    c.rollback();
                    String what = kind + " at entry " + target + " (trial " + trial + ", seed " + seed + ")";
                    assertThat(report.problem()).as(what + " detected").isPresent();
                    LogProblem p = report.problem().get();
                    assertThat(target).as(what + " named: " + p.message()).isBetween((int) p.firstEntry(),
                            (int) p.lastEntry());
                    assertThat(p.lastEntry() - p.firstEntry()).as(what + " within one interval").isLessThan(EVERY);
                    if (kind == Kind.EDIT || kind == Kind.DELETE || kind == Kind.SWAP) {
                        assertThat(p.exact()).as(what + " named exactly: " + p.message()).isTrue();
                    }
                    detected.merge(kind, 1, Integer::sum);
                }
            }
            assertThat(AuditLogVerification.verify(c, fixtures.keys, Optional.empty()).problem())
                    .as("every trial was rolled back").isEmpty();
        }
        for (Kind kind : Kind.values()) {
            assertThat(detected.get(kind)).as(kind.name()).isEqualTo(TRIALS);
        }
        System.out.printf("Tamper suite: %d kinds x %d trials, all detected%n", Kind.values().length, TRIALS);
    }

    @Test
    void a_forged_or_altered_checkpoint_is_refused() throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            sql(c, "ALTER TABLE audit_checkpoint DISABLE TRIGGER USER");
            sql(c, "UPDATE audit_checkpoint SET root_hash = sha256(root_hash) WHERE tree_size = 50");
            VerificationReport report = AuditLogVerification.verify(c, fixtures.keys, Optional.empty());
            c.rollback();
            assertThat(report.problem()).get().extracting(LogProblem::message).asString()
                    .contains("checkpoint of 50 entries").contains("signature does not verify");
        }
    }

    @Test
    void removing_the_tail_and_its_checkpoints_is_caught_by_a_checkpoint_remembered_outside_the_database()
            throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            Checkpoint remembered = AuditLogVerification.latestCheckpoint(c).orElseThrow();
            c.setAutoCommit(false);
            sql(c, "ALTER TABLE audit_entry DISABLE TRIGGER USER");
            sql(c, "ALTER TABLE audit_checkpoint DISABLE TRIGGER USER");
            sql(c, "DELETE FROM audit_entry WHERE sequence >= 63");
            sql(c, "DELETE FROM audit_checkpoint WHERE tree_size > 63");
            VerificationReport blind = AuditLogVerification.verify(c, fixtures.keys, Optional.empty());
            VerificationReport witnessed = AuditLogVerification.verify(c, fixtures.keys, Optional.of(remembered));
            c.rollback();

            assertThat(blind.problem()).as("with the checkpoints gone too, the database alone cannot tell").isEmpty();
            assertThat(witnessed.problem()).get().extracting(LogProblem::firstEntry).isEqualTo(60L);
            assertThat(witnessed.problem().get().message()).startsWith("entries 63.." + (remembered.treeSize() - 1)
                    + " are missing").contains("remembered by an earlier verification");
        }
    }

    @Test
    void a_payload_removed_outside_the_redaction_path_is_named() throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            sql(c, "ALTER TABLE audit_entry DISABLE TRIGGER USER");
            sql(c, "UPDATE audit_entry SET payload = NULL, payload_salt = NULL WHERE sequence = 17");
            VerificationReport report = AuditLogVerification.verify(c, fixtures.keys, Optional.empty());
            c.rollback();
            assertThat(report.problem()).get().extracting(LogProblem::message).asString()
                    .isEqualTo("entry 17: payload was removed outside the redaction path");
        }
    }

    static void tamper(Connection c, Kind kind, int t, int u, SplittableRandom random) throws Exception {
        sql(c, "ALTER TABLE audit_entry DISABLE TRIGGER USER");
        List<Row> rows = new ArrayList<>(original);
        switch (kind) {
            case EDIT -> sql(c, "UPDATE audit_entry SET payload = jsonb_set(payload, '{actor}', '\"intruder\"')"
                    + " WHERE sequence = " + t);
            case DELETE -> sql(c, "DELETE FROM audit_entry WHERE sequence = " + t);
            case TRUNCATE -> sql(c, "DELETE FROM audit_entry WHERE sequence >= " + t);
            case SWAP -> sql(c, "UPDATE audit_entry a SET (recorded_at, action, retain_until, payload_hash, leaf_hash,"
                    + " payload, payload_salt) = (SELECT recorded_at, action, retain_until, payload_hash, leaf_hash,"
                    + " payload, payload_salt FROM audit_entry b WHERE b.sequence = CASE a.sequence WHEN " + t
                    + " THEN " + u + " ELSE " + t + " END) WHERE a.sequence IN (" + t + ", " + u + ")");
            case EDIT_REHASHED -> {
                rows.set(t, rows.get(t).withPayload(edited(rows.get(t).payload())).rehashed());
                StoredRows.write(c, original, rows);
            }
            case DELETE_RENUMBERED -> {
                rows.remove(t);
                StoredRows.write(c, original, renumberedFrom(rows, t));
            }
            case SWAP_REHASHED -> {
                Row a = rows.get(t);
                rows.set(t, rows.get(u).at(t).rehashed());
                rows.set(u, a.at(u).rehashed());
                StoredRows.write(c, original, rows);
            }
            case INSERT -> {
                Row forged = rows.get(random.nextInt(rows.size())).withPayload(edited(rows.get(t).payload()));
                rows.add(t, forged.at(t));
                StoredRows.write(c, original, renumberedFrom(rows, t));
            }
            case REWRITE_SUFFIX -> {
                for (int i = t; i < rows.size(); i++) {
                    rows.set(i, rows.get(i).withPayload(edited(rows.get(i).payload())).rehashed());
                }
                StoredRows.write(c, original, rows);
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
    }

    /** Positions from {@code from} on rewritten to run on without a gap, every hash recomputed. */
    static List<Row> renumberedFrom(List<Row> rows, int from) {
        List<Row> out = new ArrayList<>(rows.subList(0, from));
        for (int i = from; i < rows.size(); i++) {
            out.add(rows.get(i).at(i).rehashed());
        }
        return out;
    }

    /** The same event with another actor: what someone covering their tracks would change. */
    static String edited(String payload) throws Exception {
        ObjectNode o = (ObjectNode) JSON.readTree(payload);
        o.put("actor", "someone-else");
        return o.toString();
    }

    static void sql(Connection c, String statement) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
