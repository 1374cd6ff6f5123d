package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.domain.indicators.alerts.Alert;
import org.threadline.domain.indicators.alerts.AlertState;
import org.threadline.domain.indicators.alerts.Decision;
import org.threadline.store.indicators.AlertStore;

/**
 * The alerts inbox over real HTTP on a built population whose alerts were raised by the rule engine (never written
 * by hand): each agency sees its own alerts and no one else's, overdue ones marked; the evidence only as far as the
 * policy decision point releases it; and the steps (acknowledge, decide with a mandatory reason, close) stored with
 * who took them and when, audited, refused out of order, for another agency, or without a CSRF token.
 */
class AlertsInboxTest {
    static TestApp app;
    static List<Alert> alerts;
    static AlertStore store;

    @BeforeAll
    static void population() throws Exception {
        app = AlertsPopulation.shared();
        alerts = AlertsPopulation.raised();
        store = new AlertStore(app.database.dataSource());
        app.account("inbox.school", Agency.SCHOOLS, Role.DESIGNATED_SAFEGUARDING_LEAD, "inbox-school-password");
        app.worksFor("inbox.school", org.threadline.app.web.accounts.Memberships.EVERY);
        app.account("inbox.social", Agency.CHILDRENS_SOCIAL_CARE, Role.SOCIAL_WORKER, "inbox-social-password");
        app.account("inbox.police", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "inbox-police-password");
        app.account("inbox.dpo", Agency.LOCAL_AUTHORITY, Role.DATA_PROTECTION_OFFICER, "inbox-dpo-password");
        app.openCaseLinkingEveryone(Agency.CHILDRENS_SOCIAL_CARE, "MASH-31");
        app.openCaseLinkingEveryone(Agency.POLICE, "MASH-32");
    }

    static WebClient school() {
        WebClient c = new WebClient(app);
        c.signInWithPurpose("inbox.school", "inbox-school-password", "SAFEGUARDING.CHILD.ENCOMPASS", "");
        return c;
    }

    static WebClient social() {
        WebClient c = new WebClient(app);
        c.signInWithPurpose("inbox.social", "inbox-social-password", "SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-31");
        return c;
    }

    static WebClient police() {
        WebClient c = new WebClient(app);
        c.signInWithPurpose("inbox.police", "inbox-police-password", "SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-32");
        return c;
    }

    static List<Alert> of(String agency) {
        return alerts.stream().filter(a -> a.recipient().agency().equals(agency)).toList();
    }

    static Alert fresh(String agency, AlertState state) {
        return store.forAgency(agency).stream().filter(a -> a.state() == state).findFirst().orElseThrow(() ->
                new AssertionError("no " + state + " alert for " + agency + " in " + store.forAgency(agency)));
    }

    static long audited(String actor, String action, String item) throws Exception {
        try (Connection c = app.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM audit_entry WHERE payload->>'actor' = ? AND payload->>'action' = ?"
                        + " AND payload->>'dataItem' = ?")) {
            s.setString(1, actor);
            s.setString(2, action);
            s.setString(3, item);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void the_population_has_alerts_for_schools_and_for_police() {
        assertThat(of("schools")).as("Operation Encompass alerts").isNotEmpty();
        assertThat(of("police")).as("MARAC referrals").isNotEmpty();
    }

    @Test
    void a_school_dsl_sees_the_schools_alerts_only_with_overdue_ones_marked_and_the_evidence_the_pdp_releases() {
        WebClient.Page page = school().get("/alerts");

        assertThat(page.status()).isEqualTo(200);
        for (Alert a : of("schools")) {
            assertThat(page.body()).contains("id=\"alert-" + a.alertId() + "\"");
        }
        for (Alert a : alerts) {
            if (!a.recipient().agency().equals("schools")) {
                assertThat(page.body()).doesNotContain(a.alertId());
            }
        }
        assertThat(page.body()).contains("Operation Encompass", "href=\"/people/P");
        boolean anyOverdue = of("schools").stream().anyMatch(a -> a.overdue(app.clock.instant()));
        if (anyOverdue) {
            assertThat(page.body()).contains("threadline-alert--overdue", "govuk-tag--red");
        }
        // Encompass shares the incident's date, flag and involvement with a DSL, not the offence code behind the
        // event's summary: the date is shown, the details are not.
        assertThat(page.body()).contains("Domestic abuse incident (details not shared with you)");
    }

    @Test
    void a_dsl_working_for_one_school_sees_that_schools_encompass_alerts_and_no_other_schools() {
        List<String> schools = of("schools").stream().flatMap(a -> a.recipient().organisation().stream()).distinct()
                .sorted().toList();
        assertThat(schools).as("alerts routed to at least two schools").hasSizeGreaterThan(1);
        String mine = schools.get(0);
        app.account("one.school", Agency.SCHOOLS, Role.DESIGNATED_SAFEGUARDING_LEAD, "one-school-password");
        app.worksFor("one.school", mine);
        WebClient dsl = new WebClient(app);
        dsl.signInWithPurpose("one.school", "one-school-password", "SAFEGUARDING.CHILD.ENCOMPASS", "");

        String page = dsl.get("/alerts").body();

        assertThat(page).contains("You receive those of", mine);
        for (Alert a : of("schools")) {
            if (a.recipient().organisation().equals(java.util.Optional.of(mine))) {
                assertThat(page).contains("id=\"alert-" + a.alertId() + "\"");
            } else {
                assertThat(page).as("an alert to another school, or to a school not on record")
                        .doesNotContain(a.alertId());
            }
        }
        Alert elsewhere = of("schools").stream().filter(a -> a.recipient().organisation().isPresent()
                && !a.recipient().organisation().get().equals(mine)
                && store.find(a.alertId()).orElseThrow().state() == AlertState.RAISED).findFirst().orElseThrow();
        assertThat(dsl.post("/alerts/acknowledge", Map.of("alertId", elsewhere.alertId())).status()).isEqualTo(302);
        assertThat(dsl.get("/alerts").body()).contains("That alert is not in your inbox.");
        assertThat(store.find(elsewhere.alertId()).orElseThrow().state()).isEqualTo(AlertState.RAISED);
    }

    @Test
    void a_dsl_linked_to_no_school_is_told_why_no_school_alert_reaches_them() {
        app.account("no.school", Agency.SCHOOLS, Role.DESIGNATED_SAFEGUARDING_LEAD, "no-school-password");
        WebClient dsl = new WebClient(app);
        dsl.signInWithPurpose("no.school", "no-school-password", "SAFEGUARDING.CHILD.ENCOMPASS", "");

        String page = dsl.get("/alerts").body();

        assertThat(page).contains("Your account is not linked to any organisation");
        for (Alert a : of("schools")) {
            assertThat(page).doesNotContain(a.alertId());
        }
    }

    @Test
    void other_agencies_never_list_the_schools_alerts() {
        String social = social().get("/alerts").body();
        String police = police().get("/alerts").body();
        for (Alert a : of("schools")) {
            assertThat(social).doesNotContain(a.alertId());
            assertThat(police).doesNotContain(a.alertId());
        }
        for (Alert a : of("police")) {
            assertThat(police).contains("id=\"alert-" + a.alertId() + "\"");
            assertThat(social).doesNotContain(a.alertId());
        }
    }

    @Test
    void acknowledging_deciding_with_a_reason_and_closing_are_kept_with_who_and_when_and_audited() throws Exception {
        WebClient school = school();
        school.get("/alerts");
        Alert alert = fresh("schools", AlertState.RAISED);
        long steps = audited("inbox.school", "REVIEW_DECISION", "alert");

        assertThat(school.post("/alerts/acknowledge", Map.of("alertId", alert.alertId())).status()).isEqualTo(302);
        assertThat(school.get("/alerts").body()).contains("Acknowledged: " + alert.alertId() + ", by inbox.school");

        WebClient.Page noReason = school.post("/alerts/decide", Map.of("alertId", alert.alertId(),
                "outcome", "NO_ACTION", "reason", "   "));
        assertThat(noReason.status()).isEqualTo(302);
        assertThat(school.get("/alerts").body()).contains("A decision to take no action needs its reason");
        assertThat(store.find(alert.alertId()).orElseThrow().state()).isEqualTo(AlertState.ACKNOWLEDGED);

        school.post("/alerts/decide", Map.of("alertId", alert.alertId(), "outcome", "NO_ACTION",
                "reason", "Spoke to the family support worker; already supported at home."));
        school.get("/alerts");
        school.post("/alerts/close", Map.of("alertId", alert.alertId()));

        Alert after = store.find(alert.alertId()).orElseThrow();
        assertThat(after.state()).isEqualTo(AlertState.CLOSED);
        assertThat(after.history()).hasSize(4);
        assertThat(after.history().subList(1, 4)).allSatisfy(s -> {
            assertThat(s.by().name()).isEqualTo("inbox.school");
            assertThat(s.by().agency()).isEqualTo("schools");
            assertThat(s.at()).isEqualTo(app.clock.instant());
        });
        assertThat(after.decision()).contains(new Decision(Decision.Outcome.NO_ACTION,
                "Spoke to the family support worker; already supported at home."));
        assertThat(audited("inbox.school", "REVIEW_DECISION", "alert")).isEqualTo(steps + 3);
        String page = school.get("/alerts").body();
        String section = page.substring(page.indexOf("id=\"alert-" + alert.alertId() + "\""));
        assertThat(section.substring(0, section.indexOf("</details>"))).contains("Closed", "No action: Spoke to the"
                + " family support worker", "inbox.school (schools)").doesNotContain("Acknowledge</button>");
    }

    @Test
    void a_step_out_of_order_another_agencys_alert_and_a_post_without_its_csrf_token_are_all_refused() {
        Alert schools = fresh("schools", AlertState.RAISED);
        WebClient school = school();
        school.get("/alerts");
        school.post("/alerts/close", Map.of("alertId", schools.alertId()));
        assertThat(school.get("/alerts").body()).contains("Cannot close an alert that is raised");
        assertThat(store.find(schools.alertId()).orElseThrow().state()).isEqualTo(AlertState.RAISED);

        WebClient police = police();
        police.get("/alerts");
        police.post("/alerts/acknowledge", Map.of("alertId", schools.alertId()));
        assertThat(police.get("/alerts").body()).contains("That alert is not in your inbox.");
        assertThat(store.find(schools.alertId()).orElseThrow().state()).isEqualTo(AlertState.RAISED);

        assertThat(school.postRaw("/alerts/acknowledge", Map.of("alertId", schools.alertId())).status())
                .isEqualTo(403);
        assertThat(store.find(schools.alertId()).orElseThrow().state()).isEqualTo(AlertState.RAISED);
    }

    @Test
    void viewing_the_inbox_is_audited_and_a_dpo_with_the_oversight_purpose_is_refused_it() throws Exception {
        long before = audited("inbox.school", "VIEW", "police-incident-persons");
        school().get("/alerts");
        assertThat(audited("inbox.school", "VIEW", "police-incident-persons")).isGreaterThan(before);

        WebClient dpo = new WebClient(app);
        dpo.signInWithPurpose("inbox.dpo", "inbox-dpo-password", "GOVERNANCE.OVERSIGHT", "");
        WebClient.Page page = dpo.get("/alerts");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("The alerts inbox is for safeguarding work");
        for (Alert a : alerts) {
            assertThat(page.body()).doesNotContain(a.alertId());
        }
    }

    @Test
    void when_the_audit_log_refuses_the_entry_the_step_is_not_stored_either() throws Exception {
        Alert alert = fresh("schools", AlertState.RAISED);
        WebClient school = school();
        school.get("/alerts");
        refuseAuditEntries(app, true);
        try {
            WebClient.Page page = school.post("/alerts/acknowledge", Map.of("alertId", alert.alertId()));
            assertThat(page.status()).isEqualTo(500);
        } finally {
            refuseAuditEntries(app, false);
        }
        assertThat(store.find(alert.alertId()).orElseThrow().state()).isEqualTo(AlertState.RAISED);
        assertThat(store.find(alert.alertId()).orElseThrow().history()).hasSize(1);
    }

    /** A trigger standing for an audit log that cannot be written (a full disk, a lost connection). */
    static void refuseAuditEntries(TestApp app, boolean refuse) throws Exception {
        try (Connection c = app.database.dataSource().getConnection();
             java.sql.Statement s = c.createStatement()) {
            if (refuse) {
                s.execute("CREATE FUNCTION test_refuse_step_audit() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$ BEGIN RAISE EXCEPTION 'audit log unavailable (test)'; END $$");
                s.execute("CREATE TRIGGER test_refuse_step_audit BEFORE INSERT ON audit_entry FOR EACH ROW"
                        + " EXECUTE FUNCTION test_refuse_step_audit()");
            } else {
                s.execute("DROP TRIGGER test_refuse_step_audit ON audit_entry");
                s.execute("DROP FUNCTION test_refuse_step_audit()");
            }
        }
    }
}
