package org.threadline.store.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.store.Database;
import org.threadline.store.TestDatabases;
import org.threadline.store.governance.BreakGlassStore.NewGrant;
import org.threadline.store.governance.BreakGlassStore.Outcome;
import org.threadline.store.governance.BreakGlassStore.Recipient;
import org.threadline.store.governance.BreakGlassStore.Review;

/** Break-glass grants, reviews and notifications on real PostgreSQL: what is kept, and what can never change. */
class BreakGlassStoreTest {
    @TempDir
    static Path folder;
    static Database db;
    static BreakGlassStore store;
    static final Instant T0 = Instant.parse("2026-11-20T22:10:00Z");

    @BeforeAll
    static void open() {
        db = TestDatabases.open(folder.resolve("db"));
        store = new BreakGlassStore(db.dataSource());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static NewGrant grant(String user, String subject, Instant at, Duration lasting) {
        return new NewGrant(user, "CHILDRENS_SOCIAL_CARE", "social-care", "EDT_SOCIAL_WORKER", subject,
                "SAFEGUARDING.CHILD.MASH_TRIAGE", "EDT-1", "IMMEDIATE_RISK",
                "Police report a child alone at home overnight; need history now", "ISA-TL-CHILDREN", 1, at,
                at.plus(lasting), at.plus(Duration.ofDays(3)),
                List.of(new Recipient("dpo", "police"), new Recipient("lineManager", "social-care")));
    }

    static long stored(NewGrant g) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            long id = store.grant(c, g);
            c.commit();
            return id;
        }
    }

    @Test
    void a_grant_is_kept_with_its_review_task_and_its_notifications_and_is_live_only_for_its_subject_and_time()
            throws SQLException {
        long id = stored(grant("edt.one", "P0000101", T0, Duration.ofHours(2)));
        BreakGlassStore.Grant g = store.find(id).orElseThrow();
        assertThat(g.subject()).isEqualTo("P0000101");
        assertThat(g.reviewDue()).isEqualTo(T0.plus(Duration.ofDays(3)));
        assertThat(g.review()).isEmpty();
        assertThat(g.notified()).isEqualTo(2);
        assertThat(store.recipients(id)).containsExactly("dpo@police", "lineManager@social-care");
        assertThat(store.live("edt.one", "P0000101", T0.plus(Duration.ofMinutes(119)))).isPresent();
        assertThat(store.live("edt.one", "P0000101", T0.plus(Duration.ofHours(2)))).isEmpty();
        assertThat(store.live("edt.one", "P0000101", T0.minusSeconds(1))).isEmpty();
        assertThat(store.live("edt.one", "P0000102", T0.plusSeconds(60))).isEmpty();
        assertThat(store.live("someone.else", "P0000101", T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void a_review_is_recorded_once_and_a_second_one_is_refused() throws SQLException {
        long id = stored(grant("edt.two", "P0000201", T0, Duration.ofHours(1)));
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(store.review(c, id, new Review("dpo", Outcome.APPROPRIATE, "Reason given matches the call log",
                    T0.plus(Duration.ofDays(1))))).isTrue();
            assertThat(store.review(c, id, new Review("dpo2", Outcome.INAPPROPRIATE, "Trying to change the outcome",
                    T0.plus(Duration.ofDays(2))))).isFalse();
        }
        assertThat(store.find(id).orElseThrow().review()).get()
                .extracting(Review::outcome, Review::reviewer).containsExactly(Outcome.APPROPRIATE, "dpo");
    }

    @Test
    void a_grant_review_or_notification_cannot_be_edited_or_deleted_in_the_database() throws SQLException {
        long id = stored(grant("edt.three", "P0000301", T0, Duration.ofHours(1)));
        try (Connection c = db.dataSource().getConnection()) {
            store.review(c, id, new Review("dpo", Outcome.NEEDS_FOLLOW_UP, "Ask the team manager why", T0));
        }
        for (String sql : List.of(
                "UPDATE break_glass_grant SET expires_at = expires_at + interval '1 day' WHERE grant_id = " + id,
                "UPDATE break_glass_grant SET subject_person_id = 'P0000999' WHERE grant_id = " + id,
                "DELETE FROM break_glass_grant WHERE grant_id = " + id,
                "UPDATE break_glass_review SET outcome = 'APPROPRIATE' WHERE grant_id = " + id,
                "UPDATE break_glass_review SET due_at = due_at + interval '9 days' WHERE grant_id = " + id,
                "DELETE FROM break_glass_review WHERE grant_id = " + id,
                "UPDATE break_glass_notification SET recipient_role = 'nobody' WHERE grant_id = " + id,
                "DELETE FROM break_glass_notification WHERE grant_id = " + id,
                "TRUNCATE break_glass_notification")) {
            assertThatThrownBy(() -> sql(sql)).as(sql).isInstanceOf(SQLException.class);
        }
        assertThat(store.find(id).orElseThrow().review().orElseThrow().outcome()).isEqualTo(Outcome.NEEDS_FOLLOW_UP);
        assertThat(store.recipients(id)).hasSize(2);
    }

    @Test
    void a_grant_may_be_ended_once_and_is_then_no_longer_live() throws SQLException {
        long id = stored(grant("edt.four", "P0000401", T0, Duration.ofHours(4)));
        sql("UPDATE break_glass_grant SET ended_at = '" + T0.plusSeconds(600) + "' WHERE grant_id = " + id);
        assertThat(store.live("edt.four", "P0000401", T0.plusSeconds(900))).isEmpty();
        assertThatThrownBy(() -> sql("UPDATE break_glass_grant SET ended_at = NULL WHERE grant_id = " + id))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void a_grant_without_a_real_reason_or_that_ends_before_it_starts_is_refused() {
        assertThatThrownBy(() -> stored(new NewGrant("edt.five", "CHILDRENS_SOCIAL_CARE", "social-care",
                "EDT_SOCIAL_WORKER", "P0000501", "SAFEGUARDING.CHILD.MASH_TRIAGE", "", "IMMEDIATE_RISK", "urgent",
                "ISA-TL-CHILDREN", 1, T0, T0.plusSeconds(60), T0.plus(Duration.ofDays(3)), List.of())))
                .isInstanceOf(SQLException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> grant("edt.five", "P0000501", T0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void notifications_are_counted_by_grant_until_read_and_reading_is_stamped_with_who_read_them()
            throws SQLException {
        int before = store.unread("dpo");
        stored(grant("edt.six", "P0000601", T0, Duration.ofHours(1)));
        NewGrant toTwoParties = grant("edt.six", "P0000602", T0, Duration.ofHours(1));
        stored(new NewGrant(toTwoParties.username(), toTwoParties.agency(), toTwoParties.party(), toTwoParties.role(),
                toTwoParties.subject(), toTwoParties.purpose(), toTwoParties.caseReference(),
                toTwoParties.reasonCode(), toTwoParties.reason(), toTwoParties.agreementId(),
                toTwoParties.agreementVersion(), T0, T0.plusSeconds(3600), T0.plus(Duration.ofDays(3)),
                List.of(new Recipient("dpo", "police"), new Recipient("dpo", "health"))));
        assertThat(store.unread("dpo")).as("two grants, three notifications").isEqualTo(before + 2);
        int rows;
        try (Connection c = db.dataSource().getConnection()) {
            rows = store.markRead(c, "dpo", "ig.dpo", T0.plusSeconds(60));
        }
        assertThat(rows).isGreaterThanOrEqualTo(3);
        assertThat(store.unread("dpo")).isZero();
        assertThat(store.unread("lineManager")).isPositive();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT count(*) FROM break_glass_notification WHERE"
                     + " recipient_role = 'dpo' AND (read_by IS DISTINCT FROM 'ig.dpo' OR read_at IS NULL)")) {
            r.next();
            assertThat(r.getLong(1)).isZero();
        }
    }

    private static void sql(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
