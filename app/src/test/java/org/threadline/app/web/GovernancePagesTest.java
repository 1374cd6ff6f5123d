package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.app.audit.InstalledAuditLog;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.domain.governance.audit.AuditEvent;
import org.threadline.store.audit.AuditStore;

/**
 * The information-governance pages over real HTTP on PostgreSQL: what a data protection officer who declared the
 * oversight purpose sees (agreements with their state and signatures, the permission matrix filtered by agency and
 * purpose, the diff of the shipped draft against the version in force, the audit log, its verification on demand and
 * the break-glass uses), that each look is itself audited, and that anyone else is refused with the reason.
 */
class GovernancePagesTest {
    static final List<String> PAGES = List.of("/governance", "/governance/matrix", "/governance/diff",
            "/governance/audit", "/governance/break-glass", "/governance/subject-access", "/governance/subject-access/new");

    @TempDir
    static Path folder;
    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(folder.resolve("db"));
        app.clock.set(BuiltPopulation.DURING_THE_AGREEMENTS);
        app.account("ig.dpo", Agency.LOCAL_AUTHORITY, Role.DATA_PROTECTION_OFFICER, "ig-dpo-password");
        app.account("ig.police", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "ig-police-password");
        app.openCase(Agency.POLICE, "MASH-7");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static WebClient dpo() {
        WebClient c = new WebClient(app);
        c.signInWithPurpose("ig.dpo", "ig-dpo-password", "GOVERNANCE.OVERSIGHT", "");
        return c;
    }

    static long audited(String actor, String action, String dataItem) throws Exception {
        try (Connection c = app.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM audit_entry WHERE payload->>'actor' = ? AND payload->>'action' = ?"
                        + " AND payload->>'dataItem' = ?")) {
            s.setString(1, actor);
            s.setString(2, action);
            s.setString(3, dataItem);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void a_dpo_sees_each_agreement_version_with_its_state_dates_parties_and_signatures() throws Exception {
        long before = audited("ig.dpo", "VIEW", "governance:agreements");

        WebClient.Page page = dpo().get("/governance");

        assertThat(page.status()).isEqualTo(200);
        String children = section(page.body(), "agreement-ISA-TL-CHILDREN@1");
        assertThat(children).contains(">Active<", "Yes: the policy decision point decides by this version",
                "1 April 2026", "31 March 2029", "31 January 2029", "7 of 7 verified", "DEMO signer for schools",
                "the signature verifies", "SAFEGUARDING.CHILD.ENCOMPASS");
        String draft = section(page.body(), "agreement-ISA-TL-CHILDREN@2");
        assertThat(draft).contains(">Draft<", "0 of 7 verified", "Not signed", "drafts/isa-children-safeguarding-v2.yaml",
                "DEMO DPO (synthetic), 2026-09-15").doesNotContain("does not pass");
        assertThat(section(page.body(), "agreement-ISA-TL-ADULTS@1")).contains(">Active<");
        assertThat(audited("ig.dpo", "VIEW", "governance:agreements")).isEqualTo(before + 1);
    }

    @Test
    void the_agreement_states_follow_the_clock_review_overdue_then_expired() {
        try {
            app.clock.set(java.time.Instant.parse("2029-02-15T09:00:00Z"));
            WebClient dpo = dpo();
            assertThat(section(dpo.get("/governance").body(), "agreement-ISA-TL-CHILDREN@1")).contains(
                    ">Review overdue<");
            app.clock.set(java.time.Instant.parse("2029-04-02T09:00:00Z"));
            dpo = dpo();
            assertThat(section(dpo.get("/governance").body(), "agreement-ISA-TL-CHILDREN@1")).contains(">Expired<");
        } finally {
            app.clock.set(BuiltPopulation.DURING_THE_AGREEMENTS);
        }
    }

    @Test
    void the_permission_matrix_is_the_pdps_enumeration_filtered_by_agency_and_purpose_with_a_get_form() {
        WebClient dpo = dpo();
        WebClient.Page all = dpo.get("/governance/matrix?agreement=ISA-TL-CHILDREN@1");
        assertThat(all.body()).contains("method=\"get\"", "ISA-TL-CHILDREN@1").containsPattern(
                "\\d+ of \\d+ cells permitted\\.");

        WebClient.Page schools = dpo.get("/governance/matrix?agreement=ISA-TL-CHILDREN@1&agency=schools"
                + "&purpose=SAFEGUARDING.CHILD.ENCOMPASS");

        List<String> rows = rows(schools.body());
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r).contains("schools", "DSL",
                "SAFEGUARDING.CHILD.ENCOMPASS"));
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("police-incident-persons", "OCCURRENCE_DATE_TIME"));
        assertThat(rows).noneSatisfy(r -> assertThat(r).contains("police-incident-persons", ">PNC_ID<"));
        assertThat(schools.body()).containsPattern("; " + rows.size() + " shown for the agency and purpose chosen");
        assertThat(dpo.get("/governance/matrix?agreement=ISA-TL-CHILDREN@1&agency=nobody").body())
                .contains("That agency or purpose is not in this agreement");
    }

    @Test
    void the_diff_of_the_draft_against_the_version_in_force_says_what_widens_and_what_narrows() {
        WebClient.Page page = dpo().get("/governance/diff?agreement=ISA-TL-CHILDREN&from=1&to=2");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("ISA-TL-CHILDREN@1 to ISA-TL-CHILDREN@2",
                "1 widening(s), 1 narrowing(s), 0 error(s).",
                "grants schools | DSL | SAFEGUARDING.CHILD.ENCOMPASS | police-incident-persons | DASH_RISK",
                "no longer grants health | SAFEGUARDING_NURSE | SAFEGUARDING.CHILD.MASH_TRIAGE | "
                        + "police-incident-persons | HOME_POSTCODE",
                "Widening approved by: DEMO DPO (synthetic), 2026-09-15");
        String widened = page.body().substring(page.body().indexOf("id=\"widened\""),
                page.body().indexOf("id=\"narrowed\""));
        assertThat(widened).contains("DASH_RISK").doesNotContain("HOME_POSTCODE");
    }

    @Test
    void the_audit_log_lists_who_did_what_for_which_purpose_and_not_whom_it_was_about() throws Exception {
        WebClient dpo = dpo();
        dpo.get("/governance");
        long before = audited("ig.dpo", "VIEW", "governance:audit-log");

        WebClient.Page page = dpo.get("/governance/audit");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("ig.dpo (social-care)", "GOVERNANCE.OVERSIGHT", "governance:agreements",
                "Verify the audit log now", "No checkpoint has").containsPattern(
                "The log holds \\d+ entries");
        assertThat(audited("ig.dpo", "VIEW", "governance:audit-log")).isEqualTo(before + 1);
    }

    @Test
    void verification_runs_on_a_post_with_its_csrf_token_and_names_the_first_bad_entry_of_a_tampered_log()
            throws Exception {
        WebClient dpo = dpo();
        dpo.get("/governance/audit");
        assertThat(dpo.postRaw("/governance/audit/verify", Map.of()).status()).as("no CSRF token").isEqualTo(403);

        WebClient.Page verified = dpo.post("/governance/audit/verify", Map.of());
        assertThat(verified.status()).isEqualTo(302);
        assertThat(verified.location()).contains("/governance/audit");
        assertThat(dpo.get("/governance/audit").body()).contains("The audit log is intact:")
                .doesNotContain("not intact");
        assertThat(audited("ig.dpo", "VIEW", "governance:audit-verification")).isPositive();

        long victim = firstEntryOf("ig.dpo");
        tamper(victim);
        try {
            dpo.post("/governance/audit/verify", Map.of());
            WebClient.Page after = dpo.get("/governance/audit");
            assertThat(after.body()).contains("The audit log is not intact", "First bad entry: " + victim,
                    "entry " + victim + ": ");
        } finally {
            untamper(victim);
        }
    }

    @Test
    void break_glass_entries_of_the_audit_log_are_listed_beside_the_grants_to_review() throws Exception {
        String home = app.web.context().getEnvironment().getProperty("threadline.home");
        AuditStore store = InstalledAuditLog.store(new ThreadlineHome(Path.of(home)), app.clock);
        java.time.Instant now = app.clock.instant();
        try (Connection c = app.database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            store.append(c, breakGlass("bg.officer", "P0000042", now.minus(Duration.ofDays(5))));
            store.append(c, breakGlass("bg.nurse", "P0000043", now.minus(Duration.ofHours(2))));
            c.commit();
        }

        WebClient.Page page = dpo().get("/governance/break-glass");

        // No grant was made through the app here (BreakGlassPagesTest covers grants and reviews): only the log's own
        // account of what break-glass opened is listed.
        assertThat(page.body()).contains("No one has broken glass", "What break-glass opened, from the audit log",
                "bg.officer", "P0000042", "BG-CASE-1", "bg.nurse", "P0000043", "police-custody");
        assertThat(audited("ig.dpo", "VIEW", "governance:break-glass")).isPositive();
    }

    @Test
    void a_police_officer_is_refused_every_governance_page_with_the_reason_and_the_refusal_is_audited()
            throws Exception {
        WebClient police = new WebClient(app);
        police.signInWithPurpose("ig.police", "ig-police-password", "SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-7");
        long before = audited("ig.police", "DENY", "governance:audit-log");
        for (String path : PAGES) {
            WebClient.Page page = police.get(path);
            assertThat(page.status()).as(path).isEqualTo(403);
            assertThat(page.body()).as(path).contains("These pages are for a data protection officer",
                    "Safeguarding officer").doesNotContain("ISA-TL-CHILDREN@1", "audit-entries", "DASH_RISK");
        }
        police.get("/");
        assertThat(police.post("/governance/audit/verify", Map.of()).status()).isEqualTo(403);
        assertThat(police.get("/").body()).doesNotContain("Information governance");
        assertThat(audited("ig.police", "DENY", "governance:audit-log")).isEqualTo(before + 1);
    }

    @Test
    void when_the_look_cannot_be_audited_the_audit_page_is_not_shown() throws Exception {
        WebClient dpo = dpo();
        AlertsInboxTest.refuseAuditEntries(app, true);
        try {
            WebClient.Page page = dpo.get("/governance/audit");
            assertThat(page.status()).isEqualTo(500);
            assertThat(page.body()).doesNotContain("audit-entries", "Verify the audit log now");
        } finally {
            AlertsInboxTest.refuseAuditEntries(app, false);
        }
        assertThat(dpo.get("/governance/audit").body()).contains("audit-entries");
    }

    @Test
    void the_home_page_offers_information_governance_to_the_dpo() {
        assertThat(dpo().get("/").body()).contains("href=\"/governance\"", "Information governance");
    }

    static AuditEvent breakGlass(String actor, String subject, java.time.Instant at) {
        return new AuditEvent("bg-" + actor, at, actor, "police", List.of("PPU_OFFICER"),
                "SAFEGUARDING.CHILD.S47_ENQUIRY#BREAK_GLASS", "BG-CASE-1", AuditAction.BREAK_GLASS, subject,
                "police-custody", List.of("SURNAME"), List.of("IMMINENT_RISK"), "ISA-TL-CHILDREN@1");
    }

    static String section(String body, String id) {
        int start = body.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isNotNegative();
        int end = body.indexOf("</section>", start);
        return body.substring(start, end);
    }

    static List<String> rows(String body) {
        List<String> out = new ArrayList<>();
        int table = body.indexOf("id=\"matrix\"");
        if (table < 0) {
            return out;
        }
        String t = body.substring(table, body.indexOf("</table>", table));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<tr class=\"govuk-table__row\">(.*?)</tr>",
                java.util.regex.Pattern.DOTALL).matcher(t.substring(t.indexOf("<tbody")));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static long firstEntryOf(String actor) throws Exception {
        try (Connection c = app.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT min(sequence) FROM audit_entry WHERE payload->>'actor' = ?")) {
            s.setString(1, actor);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Someone with the database owner's rights switches the triggers off and edits who acted: an attack. */
    static void tamper(long sequence) throws Exception {
        edit(sequence, "someone.else");
    }

    static void untamper(long sequence) throws Exception {
        edit(sequence, "ig.dpo");
    }

    private static void edit(long sequence, String actor) throws Exception {
        try (Connection c = app.database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_entry DISABLE TRIGGER USER");
            try (PreparedStatement u = c.prepareStatement("UPDATE audit_entry SET payload = jsonb_set(payload,"
                    + " '{actor}', to_jsonb(?::text)) WHERE sequence = ?")) {
                u.setString(1, actor);
                u.setLong(2, sequence);
                assertThat(u.executeUpdate()).isEqualTo(1);
            } finally {
                s.execute("ALTER TABLE audit_entry ENABLE TRIGGER USER");
            }
        }
    }
}
