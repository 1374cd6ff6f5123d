package org.threadline.store.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.domain.governance.policy.CaseRegister.CaseStatus;
import org.threadline.store.Database;
import org.threadline.store.StoreException;
import org.threadline.store.TestDatabases;
import org.threadline.store.governance.CaseStore.Outcome;

/** The case register on real PostgreSQL: what each change does, what is kept, and what can never change. */
class CaseStoreTest {
    @TempDir
    static Path folder;
    static Database db;
    static CaseStore store;
    static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    @BeforeAll
    static void open() throws SQLException {
        db = TestDatabases.open(folder.resolve("db"));
        store = new CaseStore(db.dataSource());
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO link_run (started_at, finished_at, model_id, model_version, model_sha256,"
                    + " trained_model, person_records, persons, pairs_scored, new_persons, merges, splits, retired,"
                    + " review_items, events, relationships, decisions_applied, phase_millis) VALUES (now(), now(),"
                    + " 'm', 1, repeat('0', 64), '{}', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '{}')");
            for (String p : List.of("P0000001", "P0000002", "P0000003", "P0000004")) {
                s.execute("INSERT INTO person (person_id, state, forename, surname, sex, attention, first_run,"
                        + " last_run) VALUES ('" + p + "', 'ACTIVE', 'A', 'B', 'U', '[]', 1, 1)");
            }
        }
    }

    @AfterAll
    static void close() {
        db.close();
    }

    interface Change {
        Outcome apply(Connection c) throws SQLException;
    }

    static Outcome committed(Change change) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            Outcome o = change.apply(c);
            c.commit();
            return o;
        }
    }

    @Test
    void a_case_is_opened_once_per_agency_and_the_same_reference_may_exist_at_another_agency() throws SQLException {
        assertThat(committed(c -> store.open(c, "police", "MASH-1001", "sam", T0))).isEqualTo(Outcome.DONE);
        assertThat(committed(c -> store.open(c, "police", "MASH-1001", "kim", T0))).isEqualTo(Outcome.ALREADY_EXISTS);
        assertThat(committed(c -> store.open(c, "health", "MASH-1001", "alex", T0))).isEqualTo(Outcome.DONE);
        CaseStore.Case police = store.find("police", "MASH-1001").orElseThrow();
        assertThat(police.open()).isTrue();
        assertThat(police.openedBy()).isEqualTo("sam");
        assertThat(police.openedAt()).isEqualTo(T0);
        assertThat(store.find("schools", "MASH-1001")).isEmpty();
    }

    @Test
    void linking_and_unlinking_keep_every_link_with_who_and_when() throws SQLException {
        committed(c -> store.open(c, "social-care", "S47-2001", "jo", T0));
        assertThat(committed(c -> store.link(c, "social-care", "S47-2001", "P0000001", "jo", T0.plusSeconds(60))))
                .isEqualTo(Outcome.DONE);
        assertThat(committed(c -> store.link(c, "social-care", "S47-2001", "P0000001", "jo", T0.plusSeconds(61))))
                .isEqualTo(Outcome.ALREADY_LINKED);
        assertThat(committed(c -> store.link(c, "social-care", "S47-2001", "P0000009", "jo", T0)))
                .isEqualTo(Outcome.NO_SUCH_PERSON);
        assertThat(committed(c -> store.unlink(c, "social-care", "S47-2001", "P0000001", "kim",
                T0.plusSeconds(120)))).isEqualTo(Outcome.DONE);
        assertThat(committed(c -> store.unlink(c, "social-care", "S47-2001", "P0000001", "kim",
                T0.plusSeconds(121)))).isEqualTo(Outcome.NOT_LINKED);
        assertThat(committed(c -> store.link(c, "social-care", "S47-2001", "P0000001", "jo", T0.plusSeconds(180))))
                .isEqualTo(Outcome.DONE);
        CaseStore.Case k = store.find("social-care", "S47-2001").orElseThrow();
        assertThat(k.links()).hasSize(2);
        assertThat(k.links().get(0).unlinkedBy()).contains("kim");
        assertThat(k.links().get(0).unlinkedAt()).contains(T0.plusSeconds(120));
        assertThat(k.links().get(1).current()).isTrue();
        assertThat(k.linkedNow()).containsExactly("P0000001");
    }

    @Test
    void a_closed_case_takes_no_more_links_and_stays_closed() throws SQLException {
        committed(c -> store.open(c, "police", "PPU-3001", "sam", T0));
        committed(c -> store.link(c, "police", "PPU-3001", "P0000002", "sam", T0));
        assertThat(committed(c -> store.close(c, "police", "PPU-3001", "lee", T0.plusSeconds(5))))
                .isEqualTo(Outcome.DONE);
        assertThat(committed(c -> store.close(c, "police", "PPU-3001", "lee", T0.plusSeconds(6))))
                .isEqualTo(Outcome.CASE_CLOSED);
        assertThat(committed(c -> store.link(c, "police", "PPU-3001", "P0000003", "sam", T0)))
                .isEqualTo(Outcome.CASE_CLOSED);
        assertThat(committed(c -> store.unlink(c, "police", "PPU-3001", "P0000002", "sam", T0.plusSeconds(7))))
                .isEqualTo(Outcome.CASE_CLOSED);
        assertThat(committed(c -> store.close(c, "police", "NOPE-1", "lee", T0))).isEqualTo(Outcome.NO_SUCH_CASE);
        CaseStore.Case k = store.find("police", "PPU-3001").orElseThrow();
        assertThat(k.open()).isFalse();
        assertThat(k.closedBy()).contains("lee");
        assertThat(k.linkedNow()).containsExactly("P0000002");
        assertThat(store.list("police", false, 100)).extracting(CaseStore.Case::reference)
                .doesNotContain("PPU-3001");
        assertThat(store.list("police", true, 100)).extracting(CaseStore.Case::reference).contains("PPU-3001");
    }

    @Test
    void the_register_answers_the_four_ways_the_decision_point_means() throws SQLException {
        committed(c -> store.open(c, "health", "HLT-4001", "alex", T0));
        committed(c -> store.link(c, "health", "HLT-4001", "P0000001", "alex", T0));
        committed(c -> store.open(c, "health", "HLT-4002", "alex", T0));
        committed(c -> store.close(c, "health", "HLT-4002", "alex", T0));
        StoredCaseRegister register = new StoredCaseRegister(store, Clock.fixed(T0, ZoneOffset.UTC), Duration.ZERO);
        assertThat(register.status("HLT-4001", "P0000001", "health")).isEqualTo(CaseStatus.OPEN_AND_LINKED);
        assertThat(register.status("hlt-4001 ", "P0000001", "health")).isEqualTo(CaseStatus.OPEN_AND_LINKED);
        assertThat(register.status("HLT-4001", "P0000002", "health")).isEqualTo(CaseStatus.OPEN_NOT_LINKED);
        assertThat(register.status("HLT-4002", "P0000001", "health")).isEqualTo(CaseStatus.CLOSED);
        assertThat(register.status("HLT-4003", "P0000001", "health")).isEqualTo(CaseStatus.UNKNOWN);
        // Another agency's case of the same reference is not the requester's case.
        assertThat(register.status("HLT-4001", "P0000001", "police")).isEqualTo(CaseStatus.UNKNOWN);
        assertThat(register.status("", "P0000001", "health")).isEqualTo(CaseStatus.UNKNOWN);
        assertThat(register.statusOfCase("HLT-4002", "health")).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void a_kept_answer_is_forgotten_when_this_process_changes_the_case() throws SQLException {
        committed(c -> store.open(c, "schools", "DSL-5001", "priya", T0));
        StoredCaseRegister register = new StoredCaseRegister(store, Clock.fixed(T0, ZoneOffset.UTC),
                Duration.ofHours(1));
        assertThat(register.status("DSL-5001", "P0000003", "schools")).isEqualTo(CaseStatus.OPEN_NOT_LINKED);
        committed(c -> store.link(c, "schools", "DSL-5001", "P0000003", "priya", T0));
        // Kept (the clock has not moved) until this process says the case changed.
        assertThat(register.status("DSL-5001", "P0000003", "schools")).isEqualTo(CaseStatus.OPEN_NOT_LINKED);
        register.forget("schools", "DSL-5001");
        assertThat(register.status("DSL-5001", "P0000003", "schools")).isEqualTo(CaseStatus.OPEN_AND_LINKED);
    }

    @Test
    void a_register_whose_database_fails_throws_rather_than_answering() {
        Database other = TestDatabases.open(folder.resolve("db-closed"));
        CaseStore closedStore = new CaseStore(other.dataSource());
        other.close();
        StoredCaseRegister register = new StoredCaseRegister(closedStore, Clock.fixed(T0, ZoneOffset.UTC),
                Duration.ZERO);
        assertThatThrownBy(() -> register.status("MASH-1", "P0000001", "police")).isInstanceOf(StoreException.class);
    }

    @Test
    void the_history_cannot_be_edited_deleted_or_truncated() throws SQLException {
        committed(c -> store.open(c, "police", "HIST-6001", "sam", T0));
        committed(c -> store.link(c, "police", "HIST-6001", "P0000001", "sam", T0));
        committed(c -> store.unlink(c, "police", "HIST-6001", "P0000001", "sam", T0.plusSeconds(1)));
        committed(c -> store.close(c, "police", "HIST-6001", "sam", T0.plusSeconds(2)));
        for (String sql : List.of(
                "UPDATE case_file SET opened_by = 'someone' WHERE reference = 'HIST-6001'",
                "UPDATE case_file SET status = 'OPEN', closed_at = NULL, closed_by = NULL WHERE reference = 'HIST-6001'",
                "UPDATE case_person SET unlinked_at = NULL, unlinked_by = NULL WHERE person_id = 'P0000001'",
                "UPDATE case_person SET linked_by = 'someone'",
                "DELETE FROM case_person",
                "DELETE FROM case_file WHERE reference = 'HIST-6001'",
                "TRUNCATE case_person",
                "TRUNCATE case_file CASCADE")) {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .hasMessageContaining("case");
            }
        }
        CaseStore.Case k = store.find("police", "HIST-6001").orElseThrow();
        assertThat(k.open()).isFalse();
        assertThat(k.links()).singleElement().satisfies(l -> assertThat(l.unlinkedBy()).contains("sam"));
    }

    @Test
    void erasing_a_person_removes_their_case_links_current_and_past_in_the_audited_transaction() throws Exception {
        committed(c -> store.open(c, "social-care", "ERASE-7001", "jo", T0));
        committed(c -> store.link(c, "social-care", "ERASE-7001", "P0000004", "jo", T0));
        committed(c -> store.unlink(c, "social-care", "ERASE-7001", "P0000004", "jo", T0.plusSeconds(1)));
        committed(c -> store.link(c, "social-care", "ERASE-7001", "P0000004", "jo", T0.plusSeconds(2)));
        committed(c -> store.link(c, "social-care", "ERASE-7001", "P0000002", "jo", T0.plusSeconds(3)));
        org.threadline.store.audit.AuditStore audit = new org.threadline.store.audit.AuditStore(
                new org.threadline.domain.governance.audit.CheckpointSigner(
                        org.threadline.domain.governance.audit.CheckpointSigner.newKeyPair()), 100,
                Duration.ofDays(3650), Clock.fixed(T0, ZoneOffset.UTC), new java.util.SplittableRandom(8));
        DerivedRemoval.Removed removed;
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            removed = DerivedRemoval.remove(c, List.of(), java.util.Optional.of("P0000004"), audit,
                    counts -> new org.threadline.domain.governance.audit.AuditEvent("erase-cases", T0, "dpo.one",
                            "social-care", List.of(), "SUBJECT_RIGHTS.ERASURE", "",
                            org.threadline.domain.governance.audit.AuditAction.ERASURE, "P0000004", "person",
                            List.of(), counts.counts(), ""));
            c.commit();
        }
        assertThat(removed.caseLinks()).as("both links, the ended one too").isGreaterThanOrEqualTo(2);
        assertThat(removed.counts()).contains("CASE_LINKS_REMOVED=" + removed.caseLinks());
        CaseStore.Case k = store.find("social-care", "ERASE-7001").orElseThrow();
        assertThat(k.links()).extracting(CaseStore.Link::personId).containsExactly("P0000002");
        assertThat(k.open()).as("the case itself stays").isTrue();
    }
}
