package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threadline.app.apikeys.ApiKeys;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.store.people.PeopleStore;

/**
 * Break-glass notifications reach the people the agreement names (ADR 0026), over HTTP on the shared built
 * population. The children's agreement tells provider.dpo, provider.safeguardingLead and requester.lineManager: when
 * the out-of-hours duty social worker breaks glass, their line manager (a children's social care safeguarding officer)
 * sees the use, the child and the written reason; a police safeguarding lead sees that it happened but not who it was
 * about nor why in words; a social worker of the same agency, whom the rule does not name, sees nothing. The unread
 * count is in the navigation of every page; marking read is per person and audited; a police system collects its
 * party's unread ones through the API; and the data protection officer sees the notifications nobody can receive.
 */
class BreakGlassNotificationsTest {
    static TestApp app;
    static String child;
    static long grant;
    static final String REASON = "Police call 03:15: child alone overnight, need police history before placing";

    @BeforeAll
    static void start() throws Exception {
        app = BuiltPopulation.shared();
        PeopleStore people = new PeopleStore(app.database.dataSource());
        List<String> withPolice = new ArrayList<>();
        for (String p : people.personIds()) {
            if (people.recordsOf(p).stream().anyMatch(r -> r.definitionId().equals("police-incident-persons")
                    && !r.identity().getOrDefault("surname", "").isBlank())) {
                withPolice.add(p);
            }
            if (withPolice.size() == 8) {
                break;
            }
        }
        // The break-glass pages and journey tests take the first five; this class the sixth.
        child = withPolice.get(5);
        app.account("notify.edt", Agency.CHILDRENS_SOCIAL_CARE, Role.EMERGENCY_DUTY_SOCIAL_WORKER, "notify-edt-pw");
        app.account("notify.manager", Agency.CHILDRENS_SOCIAL_CARE, Role.SAFEGUARDING_OFFICER, "notify-manager-pw");
        app.account("notify.police", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "notify-police-pw");
        app.account("notify.social", Agency.CHILDRENS_SOCIAL_CARE, Role.SOCIAL_WORKER, "notify-social-pw");
        app.account("notify.dpo", Agency.LOCAL_AUTHORITY, Role.DATA_PROTECTION_OFFICER, "notify-dpo-pw");
        // The cases the users declare (ADR 0027), as the other break-glass tests open theirs.
        app.openCaseLinkingEveryone("EDT-2026-0300", Agency.CHILDRENS_SOCIAL_CARE);
        app.openCaseLinkingEveryone("MASH-2026-0300", Agency.CHILDRENS_SOCIAL_CARE, Agency.POLICE);
        app.openCaseLinkingEveryone("MASH-2026-0301", Agency.POLICE);

        WebClient edt = new WebClient(app);
        edt.signInWithPurpose("notify.edt", "notify-edt-pw", "SAFEGUARDING.CHILD.MASH_TRIAGE", "EDT-2026-0300");
        edt.get("/people/" + child + "/break-glass");
        WebClient.Page granted = edt.post("/people/" + child + "/break-glass", BreakGlassPagesTest.form(
                "CHILD_AT_RISK_OUT_OF_HOURS", REASON, "60"));
        assertThat(granted.location()).contains("/people/" + child);
        grant = count("SELECT max(grant_id) FROM break_glass_grant WHERE username = ?",
                "notify.edt");
    }

    static long count(String sql, String... args) throws Exception {
        try (java.sql.Connection c = app.database.dataSource().getConnection();
             java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            try (java.sql.ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static WebClient signedIn(String username, String password) {
        WebClient c = new WebClient(app);
        c.signInWithPurpose(username, password, "SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-2026-0300");
        return c;
    }

    static String notice(String page) {
        Matcher m = Pattern.compile("<section id=\"notice-\\d+\"[^>]*>(?:(?!</section>).)*Break-glass use " + grant
                + " by notify\\.edt(?:(?!</section>).)*</section>", Pattern.DOTALL).matcher(page);
        return m.find() ? m.group() : "";
    }

    static int unreadInNavigation(WebClient.Page page) {
        Matcher m = Pattern.compile("id=\"notifications-unread\">(\\d+)<").matcher(page.body());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    @Test
    void the_line_manager_sees_the_use_with_the_child_and_the_reason_and_marks_it_read_for_themselves()
            throws Exception {
        WebClient manager = signedIn("notify.manager", "notify-manager-pw");
        assertThat(unreadInNavigation(manager.get("/"))).as("the count on every page").isPositive();
        String page = manager.get("/notifications").body();
        String mine = notice(page);
        assertThat(mine).contains("New", "lineManager at social-care", "CHILD_AT_RISK_OUT_OF_HOURS", child, REASON,
                "ISA-TL-CHILDREN@1");
        assertThat(count("SELECT count(*) FROM audit_entry WHERE payload->>'actor' = ? AND"
                + " payload->>'action' = 'VIEW' AND payload->>'dataItem' = 'break-glass:notifications' AND"
                + " payload->'reasonCodes' ?? ?", "notify.manager", "grant=" + grant)).isEqualTo(1);

        WebClient.Page marked = manager.post("/notifications/read", java.util.Map.of());
        assertThat(marked.location()).contains("/notifications");
        WebClient.Page after = manager.get("/notifications");
        assertThat(after.body()).contains("marked as read");
        assertThat(notice(after.body())).doesNotContain(">New<");
        assertThat(unreadInNavigation(after)).isZero();
        assertThat(count("SELECT count(*) FROM audit_entry WHERE payload->>'actor' = ? AND"
                + " payload->>'action' = 'NOTIFICATION_READ' AND payload->'reasonCodes' ?? ?", "notify.manager",
                "grant=" + grant)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM break_glass_notification_read r JOIN"
                + " break_glass_notification n USING (notification_id) WHERE r.username = ? AND n.grant_id = "
                + grant, "notify.manager")).as("their own record of reading").isEqualTo(1);

        WebClient.Page again = manager.post("/notifications/read", java.util.Map.of());
        assertThat(manager.get("/notifications").body()).contains("There was nothing new to mark as read.");
    }

    @Test
    void a_police_safeguarding_lead_is_told_of_the_use_but_not_who_it_was_about_nor_the_written_reason() {
        WebClient police = signedIn("notify.police", "notify-police-pw");
        assertThat(unreadInNavigation(police.get("/"))).isPositive();
        String mine = notice(police.get("/notifications").body());
        assertThat(mine).contains("safeguardingLead at police", "CHILD_AT_RISK_OUT_OF_HOURS", "notify.edt")
                .doesNotContain(child, REASON, "EDT-2026-0300");
    }

    @Test
    void a_social_worker_the_rule_does_not_name_sees_no_notification_and_no_count() {
        WebClient social = signedIn("notify.social", "notify-social-pw");
        assertThat(unreadInNavigation(social.get("/"))).isZero();
        String page = social.get("/notifications").body();
        assertThat(page).contains("Your role is not one that break-glass notifications are sent to");
        assertThat(notice(page)).isEmpty();
        assertThat(page).doesNotContain(child, REASON);
    }

    @Test
    void a_police_system_collects_its_partys_unread_notifications_with_what_the_role_may_see() throws Exception {
        String key = app.bean(ApiKeys.class).create("notify-police-cms", "POLICE", "SAFEGUARDING_OFFICER", "test",
                app.clock.instant()).secretKey();
        ApiClient api = new ApiClient(app, key).purpose("SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-2026-0301");
        ApiClient.Reply reply = api.get("/api/v1/break-glass/notifications");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode list = ApiClient.JSON.readTree(reply.body());
        JsonNode ours = null;
        for (JsonNode n : list) {
            assertThat(n.path("party").asText()).isIn("police", "*");
            if (n.path("grantId").asLong() == grant) {
                ours = n;
            }
        }
        assertThat(ours).as("the grant's notification to police").isNotNull();
        assertThat(ours.path("role").asText()).isIn("dpo", "safeguardingLead");
        assertThat(ours.path("requester").asText()).isEqualTo("notify.edt");
        assertThat(count("SELECT count(*) FROM audit_entry WHERE payload->>'actor' ="
                + " 'apikey.notify-police-cms' AND payload->>'action' = 'VIEW' AND payload->>'dataItem' ="
                + " 'api:break-glass:notifications' AND payload->'reasonCodes' ?? ?", "grant=" + grant)).isEqualTo(1);
        for (JsonNode n : list) {
            if (n.path("grantId").asLong() == grant && n.path("role").asText().equals("safeguardingLead")) {
                assertThat(n.has("personId")).as("the safeguarding lead's role does not see the child").isFalse();
                assertThat(n.has("reason")).isFalse();
            }
        }
    }

    @Test
    void the_data_protection_officer_sees_the_notifications_nobody_can_receive() {
        WebClient dpo = new WebClient(app);
        dpo.signInWithPurpose("notify.dpo", "notify-dpo-pw", "GOVERNANCE.OVERSIGHT", "");
        String page = dpo.get("/governance/break-glass").body();
        // No agency maps to the substance-misuse party: its safeguarding lead cannot be told.
        assertThat(page).contains("Notifications nobody can receive");
        Matcher row = Pattern.compile("<tr class=\"govuk-table__row\">\\s*<td class=\"govuk-table__cell\"><a"
                + " class=\"govuk-link\" href=\"#grant-" + grant + "\">" + grant + "</a></td>\\s*<td"
                + " class=\"govuk-table__cell\">safeguardingLead</td>\\s*<td class=\"govuk-table__cell\">"
                + "substance-misuse</td>").matcher(page);
        assertThat(row.find()).as("safeguardingLead at substance-misuse listed as undeliverable").isTrue();
    }

    @Test
    void the_grants_audit_entry_names_the_notifications_nobody_could_receive() throws Exception {
        assertThat(count("SELECT count(*) FROM audit_entry WHERE payload->>'actor' = ? AND"
                + " payload->>'action' = 'BREAK_GLASS' AND payload->>'dataItem' = 'break-glass:grant' AND"
                + " payload->'reasonCodes' ?? 'undeliverable:safeguardingLead@substance-misuse'", "notify.edt"))
                .isEqualTo(1);
    }
}
