package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.app.audit.WitnessFile;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.app.nightly.NightlyJobs;
import org.threadline.store.audit.AuditLogVerification;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;

/**
 * Issue #7 (ADR 0037): retention is enforced by a scheduled job, and levels of need are kept fresh by a nightly
 * indicator run, in the running web application itself. On a population of its own (the jobs remove rows).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyJobsTest {
    @TempDir
    static Path folder;
    static TestApp app;

    @BeforeAll
    static void population() throws Exception {
        app = BuiltPopulation.start(folder.resolve("population"), 120, 5);
    }

    @AfterAll
    static void close() {
        if (app != null) {
            app.close();
        }
    }

    static long count(String sql) throws Exception {
        try (Connection c = app.database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    @Order(2)
    void while_another_server_holds_the_nightly_lock_this_one_does_nothing() throws Exception {
        NightlyJobs jobs = app.bean(NightlyJobs.class);
        long rows = count("SELECT count(*) FROM raw_row");
        try (Connection other = app.database.dataSource().getConnection();
             PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, NightlyJobs.LOCK);
            lock.executeQuery().close();
            NightlyJobs.Outcome o = jobs.runNow();
            assertThat(o.ranHere()).isFalse();
            assertThat(o.retention()).isEmpty();
            assertThat(o.indicators()).isEmpty();
            assertThat(o.summary()).contains("another server is running them");
        }
        assertThat(count("SELECT count(*) FROM raw_row")).isEqualTo(rows);
        assertThat(count("SELECT count(*) FROM indicator_evaluation")).isZero();
    }

    @Test
    @Order(3)
    void a_night_removes_what_retention_says_with_its_audit_entries_and_then_evaluates_everyone_left()
            throws Exception {
        // a web app whose nights are judged as of 2040: years past the police agreements' six-year retention
        try (TestApp later = TestApp.alongside(app, BuiltPopulation.DURING_THE_AGREEMENTS,
                Map.of("threadline.nightly.as-of", "2040-01-01"))) {
            long rows = count("SELECT count(*) FROM raw_row");
            NightlyJobs.Outcome o = later.bean(NightlyJobs.class).runNow();

            assertThat(o.problems()).isEmpty();
            assertThat(o.ranHere()).isTrue();
            assertThat(o.asOf()).isEqualTo(LocalDate.of(2040, 1, 1));
            int removed = o.retention().orElseThrow().feeds().stream().filter(f -> f.removed().isPresent())
                    .mapToInt(f -> f.expiredRows()).sum();
            assertThat(removed).isPositive();
            assertThat(count("SELECT count(*) FROM raw_row")).isEqualTo(rows - removed);
            assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'ERASURE' AND payload->>'actor' = '"
                    + NightlyJobs.ACTOR + "'")).isPositive();
            long people = count("SELECT count(*) FROM person");
            assertThat(o.indicators().orElseThrow().subjects()).isEqualTo((int) people);
            assertThat(count("SELECT count(*) FROM indicator_evaluation WHERE rulebook_id = 'level-of-need'"
                    + " AND as_of = DATE '2040-01-01'")).isEqualTo(people);
            assertThat(later.bean(NightlyJobs.class).last()).contains(o);
            assertThat(o.summary()).contains("as of 2040-01-01", "retention removed " + removed + " row(s)",
                    "indicators evaluated " + people + " subject(s)", "audit log intact");
            // the intact log's latest checkpoint is remembered outside the database, as audit verify does
            try (Connection c = app.database.dataSource().getConnection()) {
                assertThat(WitnessFile.read(WitnessFile.defaultPath(new ThreadlineHome(app.home))))
                        .isEqualTo(AuditLogVerification.latestCheckpoint(c)).isPresent();
            }

            // the data protection officer's governance page says what the last night did
            later.account("nightly.dpo", Agency.LOCAL_AUTHORITY, Role.DATA_PROTECTION_OFFICER, "nightly-dpo-password");
            WebClient dpo = new WebClient(later);
            dpo.signInWithPurpose("nightly.dpo", "nightly-dpo-password", "GOVERNANCE.OVERSIGHT", "");
            String page = dpo.get("/governance").body();
            assertThat(page).contains("Last run on this server: Nightly jobs as of 2040-01-01: retention removed "
                    + removed + " row(s)");
        }
    }

    @Test
    @Order(4)
    void the_timer_is_set_for_the_configured_time_and_a_wrong_time_stops_the_start_naming_the_setting() {
        app.account("nightly.dpo2", Agency.LOCAL_AUTHORITY, Role.DATA_PROTECTION_OFFICER, "nightly-dpo2-password");
        try (TestApp timed = TestApp.alongside(app, BuiltPopulation.DURING_THE_AGREEMENTS,
                Map.of("threadline.nightly.at", "03:15"))) {
            // the app's clock reads 2026-10-01T09:00Z, 10:00 BST: the next 03:15 BST is the next day's 02:15Z
            assertThat(timed.bean(NightlyJobs.class).next()).contains(Instant.parse("2026-10-02T02:15:00Z"));
            WebClient dpo = new WebClient(timed);
            dpo.signInWithPurpose("nightly.dpo2", "nightly-dpo2-password", "GOVERNANCE.OVERSIGHT", "");
            assertThat(dpo.get("/governance").body()).contains("verification of the audit log, next at 03:15 on 2"
                    + " October 2026");
        }
        assertThat(app.bean(NightlyJobs.class).next()).as("off: no timer").isEmpty();
        WebClient dpo = new WebClient(app);
        dpo.signInWithPurpose("nightly.dpo2", "nightly-dpo2-password", "GOVERNANCE.OVERSIGHT", "");
        assertThat(dpo.get("/governance").body()).contains("The nightly jobs are switched off on this server");
        assertThatThrownBy(() -> TestApp.alongside(app, BuiltPopulation.DURING_THE_AGREEMENTS,
                Map.of("threadline.nightly.at", "2am"))).hasStackTraceContaining(
                "threadline.nightly.at must be a time such as 02:00, or off, not '2am'");
    }

    @Test
    @Order(5)
    void a_night_after_someone_edited_an_audit_entry_in_the_database_reports_the_log_not_intact_naming_it()
            throws Exception {
        long sequence = count("SELECT min(sequence) FROM audit_entry WHERE action = 'ERASURE'");
        try (Connection c = app.database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_entry DISABLE TRIGGER USER");
            try {
                assertThat(s.executeUpdate("UPDATE audit_entry SET payload = jsonb_set(payload, '{actor}',"
                        + " '\"someone else\"') WHERE sequence = " + sequence)).isEqualTo(1);
            } finally {
                s.execute("ALTER TABLE audit_entry ENABLE TRIGGER USER");
            }
        }

        NightlyJobs.Outcome o = app.bean(NightlyJobs.class).runNow();

        assertThat(o.auditLog()).hasValueSatisfying(a -> assertThat(a).startsWith("NOT INTACT: first bad entry "
                + sequence + ": "));
        assertThat(o.problems()).anySatisfy(p -> assertThat(p).startsWith("the audit log is not intact: first bad"
                + " entry " + sequence));
        assertThat(o.indicators()).as("the other steps still ran").isPresent();
    }
}
