package org.threadline.store.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.store.Database;
import org.threadline.store.TestDatabases;
import org.threadline.store.governance.SubjectAccessRequestStore.NewRequest;
import org.threadline.store.governance.SubjectAccessRequestStore.Relation;
import org.threadline.store.governance.SubjectAccessRequestStore.Request;
import org.threadline.store.governance.SubjectAccessRequestStore.Status;
import org.threadline.store.governance.SubjectAccessRequestStore.Step;

/** Subject access requests on real PostgreSQL: the lifecycle, who took each step and when, and what never changes. */
class SubjectAccessRequestStoreTest {
    @TempDir
    static Path folder;
    static Database db;
    static SubjectAccessRequestStore store;
    static final Instant T0 = Instant.parse("2026-11-02T10:15:00Z");
    static final LocalDate RECEIVED = LocalDate.of(2026, 10, 30);
    static long nextAudit = 1000;

    @BeforeAll
    static void open() {
        db = TestDatabases.open(folder.resolve("db"));
        store = new SubjectAccessRequestStore(db.dataSource());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static long recorded(String subject, boolean identityVerified) throws SQLException {
        return in(c -> store.record(c, new NewRequest(subject, "Alex Example", Relation.SUBJECT, RECEIVED,
                RECEIVED.plusMonths(1), identityVerified, "dpo.one", "social-care", T0)));
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    static <T> T in(Work<T> work) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            T result = work.run(c);
            c.commit();
            return result;
        }
    }

    static boolean done(Work<Boolean> work) throws SQLException {
        return in(work);
    }

    static long exported(long id, String by, Instant at) throws SQLException {
        return in(c -> store.recordExport(c, id, by, at, nextAudit++, "subject-access/request-" + id + "/x",
                "recent-police-investigation=2")).orElseThrow();
    }

    @Test
    void a_request_goes_from_received_through_in_progress_to_fulfilled_and_every_step_says_who_and_when()
            throws SQLException {
        long id = recorded("P0000101", false);
        Request r = store.find(id).orElseThrow();
        assertThat(r.status()).isEqualTo(Status.RECEIVED);
        assertThat(r.dueOn()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(store.open()).extracting(Request::requestId).contains(id);

        assertThat(done(c -> store.verifyIdentity(c, id, "dpo.two", T0.plusSeconds(60)))).isTrue();
        assertThat(done(c -> store.verifyIdentity(c, id, "dpo.two", T0.plusSeconds(61)))).as("already verified")
                .isFalse();
        long export = exported(id, "dpo.two", T0.plusSeconds(120));
        assertThat(store.find(id).orElseThrow().status()).as("producing the export starts the work")
                .isEqualTo(Status.IN_PROGRESS);
        assertThat(store.export(id, export)).get().extracting(SubjectAccessRequestStore.Export::withheld)
                .isEqualTo("recent-police-investigation=2");
        assertThat(done(c -> store.fulfil(c, id, "dpo.one", T0.plusSeconds(180), "sent by post"))).isTrue();

        Request done = store.find(id).orElseThrow();
        assertThat(done.status()).isEqualTo(Status.FULFILLED);
        assertThat(done.closedBy()).contains("dpo.one");
        assertThat(done.closedAt()).contains(T0.plusSeconds(180));
        assertThat(store.steps(id)).extracting(Step::step, Step::takenBy, Step::takenAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple("RECEIVED", "dpo.one", T0),
                org.assertj.core.groups.Tuple.tuple("IDENTITY_VERIFIED", "dpo.two", T0.plusSeconds(60)),
                org.assertj.core.groups.Tuple.tuple("IN_PROGRESS", "dpo.two", T0.plusSeconds(120)),
                org.assertj.core.groups.Tuple.tuple("EXPORT_PRODUCED", "dpo.two", T0.plusSeconds(120)),
                org.assertj.core.groups.Tuple.tuple("FULFILLED", "dpo.one", T0.plusSeconds(180)));
        assertThat(store.open()).extracting(Request::requestId).doesNotContain(id);
        assertThat(store.closed(10)).extracting(Request::requestId).contains(id);
        assertThat(done(c -> store.refuse(c, id, "dpo.one", T0.plusSeconds(240), "changed my mind about it")))
                .as("a closed request stays closed").isFalse();
    }

    @Test
    void a_request_is_not_fulfilled_without_a_verified_identity_and_an_export() throws SQLException {
        long id = recorded("P0000201", false);
        assertThat(done(c -> store.start(c, id, "dpo.one", T0))).isTrue();
        assertThat(done(c -> store.fulfil(c, id, "dpo.one", T0, ""))).as("no export yet").isFalse();
        exported(id, "dpo.one", T0);
        assertThat(done(c -> store.fulfil(c, id, "dpo.one", T0, ""))).as("identity not verified").isFalse();
        in(c -> store.verifyIdentity(c, id, "dpo.one", T0));
        assertThat(done(c -> store.fulfil(c, id, "dpo.one", T0, ""))).isTrue();
        assertThat(store.steps(id)).extracting(Step::step).doesNotHaveDuplicates().endsWith("FULFILLED");
    }

    @Test
    void a_refusal_keeps_its_reason_and_a_closed_request_takes_no_export_or_identity_change() throws SQLException {
        long id = recorded("P0000301", true);
        assertThat(done(c -> store.refuse(c, id, "dpo.one", T0, "Manifestly excessive: the fourth identical request"
                + " this month (Art. 12(5))"))).isTrue();
        Request r = store.find(id).orElseThrow();
        assertThat(r.status()).isEqualTo(Status.REFUSED);
        assertThat(r.refusalReason()).get().asString().contains("Manifestly excessive");
        assertThat(SubjectAccessRequestStoreTest.<java.util.Optional<Long>>in(c -> store.recordExport(c, id, "dpo.one", T0, nextAudit++, "f", ""))).isEmpty();
        assertThat(done(c -> store.start(c, id, "dpo.one", T0))).isFalse();
        assertThat(store.exports(id)).isEmpty();
        assertThat(store.steps(id)).extracting(Step::step, Step::detail).last()
                .isEqualTo(org.assertj.core.groups.Tuple.tuple("REFUSED",
                        "Manifestly excessive: the fourth identical request this month (Art. 12(5))"));
    }

    @Test
    void open_requests_come_soonest_due_first_and_an_overdue_one_is_known_by_its_date() throws SQLException {
        long later = in(c -> store.record(c, new NewRequest("P0000401", "B", Relation.REPRESENTATIVE,
                LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 1), true, "dpo.one", "social-care", T0)));
        long sooner = in(c -> store.record(c, new NewRequest("P0000402", "C", Relation.SUBJECT,
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1), true, "dpo.one", "social-care", T0)));
        List<Long> order = store.open().stream().map(Request::requestId).filter(x -> x == later || x == sooner)
                .toList();
        assertThat(order).containsExactly(sooner, later);
        assertThat(store.find(sooner).orElseThrow().overdueOn(LocalDate.of(2026, 10, 2))).isTrue();
        assertThat(store.find(sooner).orElseThrow().overdueOn(LocalDate.of(2026, 10, 1))).as("due today")
                .isFalse();
        assertThat(store.find(later).orElseThrow().relation()).isEqualTo(Relation.REPRESENTATIVE);
    }

    @Test
    void facts_history_and_exports_cannot_be_edited_or_deleted_in_the_database_and_status_never_goes_back()
            throws SQLException {
        long id = recorded("P0000501", true);
        exported(id, "dpo.one", T0);
        for (String sql : List.of(
                "UPDATE subject_access_request SET due_on = due_on + 30 WHERE request_id = " + id,
                "UPDATE subject_access_request SET subject_person_id = 'P0000999' WHERE request_id = " + id,
                "UPDATE subject_access_request SET status = 'RECEIVED' WHERE request_id = " + id,
                "UPDATE subject_access_request SET identity_verified = false WHERE request_id = " + id,
                "UPDATE subject_access_request SET status = 'REFUSED', closed_by = 'x', closed_at = now(),"
                        + " refusal_reason = 'short' WHERE request_id = " + id,
                "DELETE FROM subject_access_request WHERE request_id = " + id,
                "UPDATE subject_access_step SET taken_by = 'someone.else' WHERE request_id = " + id,
                "DELETE FROM subject_access_step WHERE request_id = " + id,
                "UPDATE subject_access_export SET folder = 'elsewhere' WHERE request_id = " + id,
                "DELETE FROM subject_access_export WHERE request_id = " + id,
                "TRUNCATE subject_access_step")) {
            assertThatThrownBy(() -> sql(sql)).as(sql).isInstanceOf(SQLException.class);
        }
        in(c -> store.fulfil(c, id, "dpo.one", T0, ""));
        assertThatThrownBy(() -> sql("UPDATE subject_access_request SET status = 'IN_PROGRESS', closed_by = NULL,"
                + " closed_at = NULL WHERE request_id = " + id)).isInstanceOf(SQLException.class);
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(Status.FULFILLED);
        assertThat(store.steps(id)).hasSize(4);
    }

    @Test
    void a_request_for_something_that_is_not_a_person_id_or_due_before_it_arrives_is_refused() {
        assertThatThrownBy(() -> in(c -> store.record(c, new NewRequest("Alex Example", "A", Relation.SUBJECT,
                RECEIVED, RECEIVED.plusMonths(1), true, "dpo.one", "social-care", T0))))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> new NewRequest("P0000601", "A", Relation.SUBJECT, RECEIVED, RECEIVED, true,
                "dpo.one", "social-care", T0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void sql(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
