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
    void a_grant_may_be_ended_once_by_someone_named_and_is_then_no_longer_live() throws SQLException {
        long id = stored(grant("edt.four", "P0000401", T0, Duration.ofHours(4)));
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(store.end(c, id, "edt.four", T0.plusSeconds(600))).isTrue();
            assertThat(store.end(c, id, "ig.dpo", T0.plusSeconds(700))).as("ended once").isFalse();
        }
        BreakGlassStore.Grant g = store.find(id).orElseThrow();
        assertThat(g.endedAt()).contains(T0.plusSeconds(600));
        assertThat(g.endedBy()).contains("edt.four");
        assertThat(store.live("edt.four", "P0000401", T0.plusSeconds(900))).isEmpty();
        for (String sql : List.of("UPDATE break_glass_grant SET ended_at = NULL, ended_by = NULL WHERE grant_id = " + id,
                "UPDATE break_glass_grant SET ended_by = 'someone.else' WHERE grant_id = " + id)) {
            assertThatThrownBy(() -> sql(sql)).as(sql).isInstanceOf(SQLException.class);
        }
        long unnamed = stored(grant("edt.four", "P0000402", T0, Duration.ofHours(4)));
        assertThatThrownBy(() -> sql("UPDATE break_glass_grant SET ended_at = '" + T0.plusSeconds(60)
                + "' WHERE grant_id = " + unnamed)).as("an end that does not say who").isInstanceOf(SQLException.class);
    }

    @Test
    void an_expired_grant_or_one_not_yet_begun_cannot_be_ended() throws SQLException {
        long id = stored(grant("edt.seven", "P0000701", T0, Duration.ofMinutes(30)));
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(store.end(c, id, "edt.seven", T0.plus(Duration.ofMinutes(30)))).isFalse();
            assertThat(store.end(c, id, "edt.seven", T0.minusSeconds(1))).isFalse();
            assertThat(store.end(c, 999_999L, "edt.seven", T0)).isFalse();
        }
        assertThat(store.find(id).orElseThrow().endedAt()).isEmpty();
    }

    @Test
    void users_granted_more_often_than_the_threshold_in_the_window_are_listed_most_grants_first()
            throws SQLException {
        Instant later = T0.plus(Duration.ofDays(400));
        for (int i = 0; i < 5; i++) {
            stored(grant("rate.many", "P00008" + (10 + i), later.minus(Duration.ofDays(i * 6L)), Duration.ofHours(1)));
        }
        for (int i = 0; i < 4; i++) {
            stored(grant("rate.four", "P00008" + (20 + i), later.minus(Duration.ofDays(i)), Duration.ofHours(1)));
        }
        for (int i = 0; i < 3; i++) {
            stored(grant("rate.three", "P00008" + (30 + i), later.minus(Duration.ofDays(i)), Duration.ofHours(1)));
        }
        // Two of rate.old's four fall before the window.
        for (int i = 0; i < 4; i++) {
            stored(grant("rate.old", "P00008" + (40 + i), later.minus(Duration.ofDays(20L * i)), Duration.ofHours(1)));
        }
        Instant since = later.minus(Duration.ofDays(30));
        assertThat(store.frequent(since, later, 3)).extracting(BreakGlassStore.Frequent::username,
                BreakGlassStore.Frequent::grants).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("rate.many", 5),
                        org.assertj.core.groups.Tuple.tuple("rate.four", 4));
        assertThat(store.frequent(since, later, 3).get(0).latest()).isEqualTo(later);
        assertThat(store.frequent(since, later, 2)).extracting(BreakGlassStore.Frequent::username)
                .containsExactly("rate.many", "rate.four", "rate.three");
        assertThat(store.frequent(later.minus(Duration.ofDays(60)), later, 3))
                .extracting(BreakGlassStore.Frequent::username).contains("rate.old");
    }

    @Test
    void an_erasure_blanks_the_subject_case_and_reasons_of_the_grants_about_the_person_and_keeps_the_rest()
            throws SQLException {
        long reviewed = stored(grant("edt.eight", "P0000801", T0, Duration.ofHours(1)));
        long open = stored(grant("edt.nine", "P0000801", T0, Duration.ofHours(1)));
        long someoneElse = stored(grant("edt.eight", "P0000802", T0, Duration.ofHours(1)));
        try (Connection c = db.dataSource().getConnection()) {
            store.review(c, reviewed, new Review("ig.dpo", Outcome.APPROPRIATE, "Police log shows the call", T0));
        }
        org.threadline.store.audit.AuditStore audit = new org.threadline.store.audit.AuditStore(
                new org.threadline.domain.governance.audit.CheckpointSigner(
                        org.threadline.domain.governance.audit.CheckpointSigner.newKeyPair()), 100,
                Duration.ofDays(3650), java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC),
                new java.util.SplittableRandom(8));
        DerivedRemoval.Removed removed;
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            removed = DerivedRemoval.remove(c, List.of(), java.util.Optional.of("P0000801"), audit,
                    counts -> new org.threadline.domain.governance.audit.AuditEvent("erase-1", T0, "dpo.one",
                            "social-care", List.of(), "SUBJECT_RIGHTS.ERASURE", "",
                            org.threadline.domain.governance.audit.AuditAction.ERASURE, "P0000801", "person",
                            List.of(), counts.counts(), ""));
            c.commit();
        }
        assertThat(removed.breakGlassGrants()).isEqualTo(2);
        assertThat(removed.counts()).contains("BREAK_GLASS_GRANTS_BLANKED=2");
        for (long id : List.of(reviewed, open)) {
            BreakGlassStore.Grant g = store.find(id).orElseThrow();
            assertThat(g.erased()).isTrue();
            assertThat(g.subject()).isEmpty();
            assertThat(g.caseReference()).isEmpty();
            assertThat(g.reason()).isEmpty();
            assertThat(g.reasonCode()).isEqualTo("IMMEDIATE_RISK");
            assertThat(g.grantedAt()).isEqualTo(T0);
            assertThat(g.role()).isEqualTo("EDT_SOCIAL_WORKER");
            assertThat(g.notified()).isEqualTo(2);
        }
        BreakGlassStore.Review review = store.find(reviewed).orElseThrow().review().orElseThrow();
        assertThat(review.outcome()).isEqualTo(Outcome.APPROPRIATE);
        assertThat(review.reviewer()).isEqualTo("ig.dpo");
        assertThat(review.reason()).isEmpty();
        assertThat(store.find(someoneElse).orElseThrow().subject()).isEqualTo("P0000802");
        assertThat(store.find(someoneElse).orElseThrow().erased()).isFalse();
        assertThat(store.live("edt.nine", "P0000801", T0.plusSeconds(60))).as("no longer opens anything").isEmpty();
        // A review still owed can be recorded after the erasure.
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(store.review(c, open, new Review("ig.dpo", Outcome.NEEDS_FOLLOW_UP, "Ask why it was needed",
                    T0))).isTrue();
        }
        assertThat(store.find(open).orElseThrow().review().orElseThrow().outcome())
                .isEqualTo(Outcome.NEEDS_FOLLOW_UP);
    }

    @Test
    void blanking_a_grant_outside_an_audited_erasure_is_refused() throws SQLException {
        long id = stored(grant("edt.ten", "P0000901", T0, Duration.ofHours(1)));
        try (Connection c = db.dataSource().getConnection()) {
            store.review(c, id, new Review("ig.dpo", Outcome.APPROPRIATE, "Police log shows the call", T0));
        }
        for (String sql : List.of("UPDATE break_glass_grant SET subject_person_id = '', case_reference = '',"
                + " reason = '', erased_by_entry = 1 WHERE grant_id = " + id,
                "UPDATE break_glass_review SET reason = '', erased_by_entry = 1 WHERE grant_id = " + id)) {
            assertThatThrownBy(() -> sql(sql)).as(sql).isInstanceOf(SQLException.class);
        }
        // Naming an erasure entry that is not an ERASURE entry of the audit log does not open the door either.
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute("SELECT set_config('threadline.erasure_entry', '1', true)");
                assertThatThrownBy(() -> s.execute("UPDATE break_glass_grant SET subject_person_id = '',"
                        + " case_reference = '', reason = '', erased_by_entry = 1 WHERE grant_id = " + id))
                        .isInstanceOf(SQLException.class);
            } finally {
                c.rollback();
            }
        }
        assertThat(store.find(id).orElseThrow().subject()).isEqualTo("P0000901");
        assertThat(store.find(id).orElseThrow().review().orElseThrow().reason()).isEqualTo("Police log shows the call");
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

    @Test
    void each_recipient_reads_for_themselves_once_and_a_reading_is_never_changed_or_removed() throws SQLException {
        long id = stored(new NewGrant("edt.seven", "CHILDRENS_SOCIAL_CARE", "social-care", "EDT_SOCIAL_WORKER",
                "P0000701", "SAFEGUARDING.CHILD.MASH_TRIAGE", "", "IMMEDIATE_RISK_TO_LIFE",
                "Police called: child alone at home, need the history now", "ISA-TL-CHILDREN", 1, T0,
                T0.plusSeconds(3600), T0.plus(Duration.ofDays(3)), List.of(new Recipient("lineManager", "social-care"),
                new Recipient("safeguardingLead", "police"), new Recipient("dpo", "police"))));
        BreakGlassStore.Addressee manager = new BreakGlassStore.Addressee("m.seven", java.util.Set.of(),
                java.util.Set.of("lineManager@social-care", "lineManager@*"));
        BreakGlassStore.Addressee otherManager = new BreakGlassStore.Addressee("m.eight", java.util.Set.of(),
                java.util.Set.of("lineManager@social-care"));
        BreakGlassStore.Addressee dpo = new BreakGlassStore.Addressee("d.seven", java.util.Set.of("dpo"),
                java.util.Set.of());
        BreakGlassStore.Addressee nobody = new BreakGlassStore.Addressee("n.seven", java.util.Set.of(),
                java.util.Set.of());
        assertThat(store.noticesFor(manager, 1000)).anySatisfy(n -> {
            assertThat(n.grant().grantId()).isEqualTo(id);
            assertThat(n.readAt()).isEmpty();
        });
        assertThat(store.noticesFor(dpo, 1000)).filteredOn(n -> n.grant().grantId() == id).hasSize(1);
        assertThat(store.noticesFor(nobody, 1000)).isEmpty();
        int managerUnread = store.unreadFor(manager);
        assertThat(managerUnread).isPositive();
        assertThat(store.unreadAtParty("police", 1000)).filteredOn(n -> n.grant().grantId() == id).hasSize(2);

        List<Long> read;
        try (Connection c = db.dataSource().getConnection()) {
            read = store.markReadFor(c, manager, T0.plusSeconds(120));
            assertThat(store.markReadFor(c, manager, T0.plusSeconds(180))).as("read once").isEmpty();
        }
        assertThat(read).contains(id);
        assertThat(store.unreadFor(manager)).isZero();
        assertThat(store.unreadFor(otherManager)).as("another holder of the role still has it unread")
                .isEqualTo(managerUnread);
        assertThat(store.noticesFor(manager, 1000)).filteredOn(n -> n.grant().grantId() == id)
                .allSatisfy(n -> assertThat(n.readAt()).contains(T0.plusSeconds(120)));
        assertThat(store.unreadAtParty("police", 1000)).as("nobody at police read theirs")
                .filteredOn(n -> n.grant().grantId() == id).hasSize(2);
        for (String sql : List.of("UPDATE break_glass_notification_read SET read_at = now()",
                "DELETE FROM break_glass_notification_read", "TRUNCATE break_glass_notification_read")) {
            assertThatThrownBy(() -> sql(sql)).as(sql).isInstanceOf(SQLException.class);
        }
    }

    private static void sql(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
