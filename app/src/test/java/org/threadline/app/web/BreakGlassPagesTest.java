package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.store.governance.BreakGlassStore;
import org.threadline.store.people.Build;
import org.threadline.store.people.PeopleStore;

/**
 * Break-glass through the pages, on the shared built population (ADR 0018): an out-of-hours duty social worker,
 * whose role the children's agreement names for break-glass but whose grants do not, is refused a child's police
 * records; breaks glass for that one child with a reason; sees them, under a banner, until the grant expires (the
 * test moves the clock); another child stays refused. A social worker, whose role the rule does not name, cannot
 * break glass. The data protection officer is notified and records the review.
 */
class BreakGlassPagesTest {
    static TestApp app;
    static PeopleStore people;
    /** Two people with a police incident record: the one the glass is broken for, and one it must not reach. */
    static String child;
    static String other;
    /** The one whose grant the expiry test lets run out. */
    static String third;
    static Build.RecordRow childPolice;
    static Build.RecordRow otherPolice;

    @BeforeAll
    static void start() throws Exception {
        app = BuiltPopulation.shared();
        people = new PeopleStore(app.database.dataSource());
        List<String> withPolice = new ArrayList<>();
        app.openCaseLinkingEveryone(Agency.CHILDRENS_SOCIAL_CARE, "EDT-2026-0042");
        app.openCaseLinkingEveryone(Agency.CHILDRENS_SOCIAL_CARE, "MASH-1");
        app.openCaseLinkingEveryone(Agency.CHILDRENS_SOCIAL_CARE, "S47-2026-7");
        for (String p : people.personIds()) {
            if (people.recordsOf(p).stream().anyMatch(r -> r.definitionId().equals("police-incident-persons")
                    && !r.identity().getOrDefault("surname", "").isBlank())) {
                withPolice.add(p);
            }
            if (withPolice.size() == 3) {
                break;
            }
        }
        assertThat(withPolice).as("people with police records in the population").hasSizeGreaterThanOrEqualTo(3);
        // The first two are this class's; the browser journey takes others, so neither sees the other's grant.
        child = withPolice.get(0);
        other = withPolice.get(1);
        third = withPolice.get(2);
        childPolice = police(child);
        otherPolice = police(other);
        app.account("bg.edt", Agency.CHILDRENS_SOCIAL_CARE, Role.EMERGENCY_DUTY_SOCIAL_WORKER, "bg-edt-password");
        app.account("bg.edt2", Agency.CHILDRENS_SOCIAL_CARE, Role.EMERGENCY_DUTY_SOCIAL_WORKER, "bg-edt2-password");
        app.account("bg.social", Agency.CHILDRENS_SOCIAL_CARE, Role.SOCIAL_WORKER, "bg-social-password");
        app.account("bg.dpo", Agency.LOCAL_AUTHORITY, Role.DATA_PROTECTION_OFFICER, "bg-dpo-password");
    }

    static Build.RecordRow police(String person) {
        return people.recordsOf(person).stream().filter(r -> r.definitionId().equals("police-incident-persons"))
                .findFirst().orElseThrow();
    }

    static WebClient edt() {
        WebClient c = new WebClient(app);
        c.signInWithPurpose("bg.edt", "bg-edt-password", "SAFEGUARDING.CHILD.MASH_TRIAGE", "EDT-2026-0042");
        return c;
    }

    static WebClient dpo() {
        WebClient c = new WebClient(app);
        c.signInWithPurpose("bg.dpo", "bg-dpo-password", "GOVERNANCE.OVERSIGHT", "");
        return c;
    }

    static Map<String, String> form(String reasonCode, String reason, String minutes) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        if (reasonCode != null) {
            m.put("reasonCode", reasonCode);
        }
        m.put("reason", reason);
        if (minutes != null) {
            m.put("duration", minutes);
        }
        return m;
    }

    static final String REASON = "Police called at 02:10: child found alone at home, need history to place tonight";

    static long count(String sql, String... args) throws Exception {
        try (Connection c = app.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static long audited(String actor, String action, String subject, String item) throws Exception {
        return count("SELECT count(*) FROM audit_entry WHERE payload->>'actor' = ? AND payload->>'action' = ?"
                + " AND payload->>'subject' = ? AND payload->>'dataItem' = ?", actor, action, subject, item);
    }

    /**
     * Whether the page lists the police record with its surname (a record not shared is not listed at all, only
     * counted).
     */
    static boolean showsPoliceRecord(WebClient.Page page, Build.RecordRow police) {
        String body = page.body();
        int table = body.indexOf("id=\"records\"");
        String records = body.substring(table, body.indexOf("</table>", table));
        int row = records.indexOf(">" + police.recordKey() + "<");
        return row >= 0 && records.substring(row, records.indexOf("</tr>", row))
                .contains(police.identity().get("surname"));
    }

    @Test
    void the_duty_social_worker_breaks_glass_for_one_child_sees_their_police_record_under_a_banner_and_not_another_child()
            throws Exception {
        WebClient edt = edt();
        WebClient.Page before = edt.get("/people/" + child);
        assertThat(before.status()).isEqualTo(200);
        assertThat(showsPoliceRecord(before, childPolice)).as("refused before break-glass").isFalse();
        assertThat(before.body()).contains("id=\"break-glass-offer\"", "not shared with your role")
                .doesNotContain("id=\"break-glass-banner\"");

        WebClient.Page form = edt.get("/people/" + child + "/break-glass");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("At least 20 characters", "At most 4 hours", "ISA-TL-CHILDREN@1",
                "this one person only", "dpo, safeguardingLead, lineManager");
        Instant asked = app.clock.instant();
        WebClient.Page granted = edt.post("/people/" + child + "/break-glass",
                form("CHILD_AT_RISK_OUT_OF_HOURS", REASON, "60"));
        assertThat(granted.status()).isEqualTo(302);
        assertThat(granted.location()).contains("/people/" + child);

        WebClient.Page after = edt.get("/people/" + child);
        assertThat(showsPoliceRecord(after, childPolice)).as("released under break-glass").isTrue();
        assertThat(after.body()).contains("id=\"break-glass-banner\"", "Break-glass access, expires at",
                "break-glass access under ISA-TL-CHILDREN@1").doesNotContain("id=\"break-glass-offer\"");

        WebClient.Page second = edt.get("/people/" + other);
        assertThat(showsPoliceRecord(second, otherPolice)).as("another child stays refused").isFalse();
        assertThat(second.body()).doesNotContain("id=\"break-glass-banner\"").contains("id=\"break-glass-offer\"");

        BreakGlassStore.Grant g = app.bean(BreakGlassStore.class).live("bg.edt", child, app.clock.instant())
                .orElseThrow();
        assertThat(g.grantedAt()).isEqualTo(asked);
        assertThat(g.expiresAt()).isEqualTo(asked.plus(Duration.ofHours(1)));
        assertThat(g.reviewDue()).isEqualTo(asked.plus(Duration.ofDays(3)));
        assertThat(g.role()).isEqualTo("EDT_SOCIAL_WORKER");
        assertThat(g.agreement()).isEqualTo("ISA-TL-CHILDREN@1");
        assertThat(g.reason()).isEqualTo(REASON);
        // provider.dpo and provider.safeguardingLead at each of the six other parties, and the requester's manager.
        assertThat(app.bean(BreakGlassStore.class).recipients(g.grantId())).hasSize(13)
                .contains("dpo@police", "safeguardingLead@health", "lineManager@social-care");
        assertThat(audited("bg.edt", "BREAK_GLASS", child, "break-glass:grant")).isEqualTo(1);
        assertThat(audited("bg.edt", "BREAK_GLASS", child, "police-incident-persons")).isPositive();
        assertThat(audited("bg.edt", "BREAK_GLASS", other, "police-incident-persons")).isZero();
        assertThat(count("SELECT count(*) FROM audit_entry WHERE payload->>'actor' = 'bg.edt' AND"
                + " payload->>'action' = 'BREAK_GLASS' AND payload->>'purpose' <> ?",
                "SAFEGUARDING.CHILD.MASH_TRIAGE#BREAK_GLASS")).as("every use marked in its purpose").isZero();
    }

    @Test
    void a_grant_stops_working_when_it_expires() throws Exception {
        Instant start = app.clock.instant();
        WebClient edt = edt();
        String subject = third;
        edt.get("/people/" + subject + "/break-glass");
        assertThat(edt.post("/people/" + subject + "/break-glass", form("IMMEDIATE_RISK_TO_LIFE", REASON, "30"))
                .status()).isEqualTo(302);
        try {
            app.clock.advance(Duration.ofMinutes(29));
            WebClient.Page live = edt.get("/people/" + subject);
            assertThat(showsPoliceRecord(live, police(third))).isTrue();
            app.clock.advance(Duration.ofMinutes(1));
            WebClient.Page expired = edt.get("/people/" + subject);
            assertThat(expired.status()).isEqualTo(200);
            assertThat(showsPoliceRecord(expired, police(third))).as("refused again at expiry").isFalse();
            assertThat(expired.body()).doesNotContain("id=\"break-glass-banner\"")
                    .contains("id=\"break-glass-offer\"");
        } finally {
            app.clock.set(start);
        }
    }

    @Test
    void the_form_refuses_a_missing_reason_code_a_short_reason_and_a_duration_over_the_maximum_all_at_once()
            throws Exception {
        long grants = count("SELECT count(*) FROM break_glass_grant");
        WebClient edt = edt();
        edt.get("/people/" + child + "/break-glass");
        WebClient.Page page = edt.post("/people/" + child + "/break-glass", form(null, "urgent", "480"));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("There is a problem", "Select why this cannot wait",
                "Give a reason of at least 20 characters", "Select how long you need, at most 4 hours",
                ">urgent</textarea>");
        WebClient.Page unknownCode = edt.post("/people/" + child + "/break-glass", form("BECAUSE", REASON, "60"));
        assertThat(unknownCode.status()).isEqualTo(400);
        assertThat(count("SELECT count(*) FROM break_glass_grant")).isEqualTo(grants);
    }

    @Test
    void a_role_the_rule_does_not_name_is_not_offered_break_glass_and_is_refused_with_the_reason() throws Exception {
        WebClient social = new WebClient(app);
        social.signInWithPurpose("bg.social", "bg-social-password", "SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-1");
        assertThat(social.get("/people/" + child).body()).doesNotContain("id=\"break-glass-offer\"");
        WebClient.Page form = social.get("/people/" + child + "/break-glass");
        assertThat(form.status()).isEqualTo(403);
        assertThat(form.body()).contains("id=\"refusal-reason\"", "MASH_SOCIAL_WORKER");
        WebClient.Page post = social.post("/people/" + child + "/break-glass",
                form("IMMEDIATE_RISK_TO_LIFE", REASON, "60"));
        assertThat(post.status()).isEqualTo(403);
        assertThat(count("SELECT count(*) FROM break_glass_grant WHERE username = 'bg.social'")).isZero();
        assertThat(count("SELECT count(*) FROM audit_entry WHERE payload->>'actor' = 'bg.social' AND"
                + " payload->>'action' = 'DENY' AND payload->>'dataItem' = 'break-glass:request'")).isEqualTo(2);
    }

    @Test
    void every_break_glass_post_needs_the_csrf_token() throws Exception {
        long grants = count("SELECT count(*) FROM break_glass_grant");
        WebClient edt = edt();
        WebClient.Page page = edt.postRaw("/people/" + child + "/break-glass",
                form("IMMEDIATE_RISK_TO_LIFE", REASON, "60"));
        assertThat(page.status()).isEqualTo(403);
        assertThat(dpo().postRaw("/governance/break-glass/1/review",
                Map.of("outcome", "APPROPRIATE", "reason", "Looks right to me")).status()).isEqualTo(403);
        assertThat(count("SELECT count(*) FROM break_glass_grant")).isEqualTo(grants);
    }

    @Test
    void the_dpo_is_notified_sees_the_grant_and_its_due_review_and_records_the_outcome_once() throws Exception {
        Instant start = app.clock.instant();
        WebClient edt = new WebClient(app);
        edt.signInWithPurpose("bg.edt2", "bg-edt2-password", "SAFEGUARDING.CHILD.S47_ENQUIRY", "S47-2026-7");
        edt.get("/people/" + child + "/break-glass");
        assertThat(edt.post("/people/" + child + "/break-glass", form("PLACE_OF_SAFETY", REASON, "120")).status())
                .isEqualTo(302);
        long id = count("SELECT max(grant_id) FROM break_glass_grant WHERE username = 'bg.edt2'");

        WebClient dpo = dpo();
        WebClient.Page agreements = dpo.get("/governance");
        assertThat(agreements.body()).contains("id=\"break-glass-unread\"");
        WebClient.Page page = dpo.get("/governance/break-glass");
        assertThat(page.status()).isEqualTo(200);
        String grant = GovernancePagesTest.section(page.body(), "grant-" + id);
        assertThat(grant).contains("bg.edt2", child, "S47-2026-7", "PLACE_OF_SAFETY", REASON, "EDT_SOCIAL_WORKER", "Live",
                "Due by", "13 notified").doesNotContain("Review overdue", "Expired");
        assertThat(page.body()).contains("What break-glass opened, from the audit log");
        assertThat(dpo.get("/governance").body()).as("opening the page read the notifications")
                .doesNotContain("id=\"break-glass-unread\"");

        try {
            app.clock.advance(Duration.ofDays(3).plusMinutes(1));
            dpo = dpo();
            String overdue = GovernancePagesTest.section(dpo.get("/governance/break-glass").body(), "grant-" + id);
            assertThat(overdue).contains("Expired", "Review overdue");

            WebClient.Page missing = dpo.post("/governance/break-glass/" + id + "/review", Map.of("reason", "ok"));
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.body()).contains("Select the outcome of the review",
                    "Give the reason for the outcome, at least 10 characters");
            WebClient.Page done = dpo.post("/governance/break-glass/" + id + "/review", Map.of("outcome",
                    "APPROPRIATE", "reason", "Call log confirms the police request at 02:10"));
            assertThat(done.status()).isEqualTo(302);
            WebClient.Page reviewed = dpo.get("/governance/break-glass");
            assertThat(reviewed.body()).contains("Review of break-glass use " + id + " recorded: appropriate.");
            assertThat(GovernancePagesTest.section(reviewed.body(), "grant-" + id)).contains("Reviewed",
                    "appropriate (bg.dpo", "Call log confirms").doesNotContain("Review overdue",
                    "/governance/break-glass/" + id + "/review");
            WebClient.Page again = dpo.post("/governance/break-glass/" + id + "/review", Map.of("outcome",
                    "INAPPROPRIATE", "reason", "Changing my mind after the fact"));
            assertThat(again.status()).isEqualTo(400);
            assertThat(again.body()).contains("This use has already been reviewed");
            assertThat(app.bean(BreakGlassStore.class).find(id).orElseThrow().review().orElseThrow().outcome())
                    .isEqualTo(BreakGlassStore.Outcome.APPROPRIATE);
            assertThat(audited("bg.dpo", "REVIEW_DECISION", child, "break-glass:review")).isEqualTo(1);
            assertThat(dpo.post("/governance/break-glass/999999/review", Map.of("outcome", "APPROPRIATE",
                    "reason", "No such use exists here")).status()).isEqualTo(404);
        } finally {
            app.clock.set(start);
        }
    }
}
