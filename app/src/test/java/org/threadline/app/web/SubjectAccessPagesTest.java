package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;

/**
 * The subject access request pages over real HTTP on PostgreSQL, with the response period configured to two months:
 * the period is the setting's, forms need their CSRF token, an export about someone with no records answers that only
 * the request itself is held, and a closed request takes no further step.
 */
class SubjectAccessPagesTest {
    @TempDir
    static Path folder;
    static TestApp app;

    @BeforeAll
    static void start() {
        app = new TestApp(TestDatabase.open(folder.resolve("db")), folder.resolve("home"),
                Instant.parse("2026-10-01T09:00:00Z"), Map.of("threadline.subject-access.response-period", "P2M"));
        app.account("sar.pages.dpo", Agency.LOCAL_AUTHORITY, Role.DATA_PROTECTION_OFFICER, "sar-pages-password");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static WebClient dpo() {
        WebClient c = new WebClient(app);
        c.signInWithPurpose("sar.pages.dpo", "sar-pages-password", "GOVERNANCE.OVERSIGHT", "");
        return c;
    }

    static Map<String, String> request(String person) {
        return Map.of("personId", person, "requesterName", "Robin Synthetic", "relation", "SUBJECT",
                "received-day", "14", "received-month", "9", "received-year", "2026", "identityVerified", "yes");
    }

    @Test
    void the_due_date_follows_the_configured_period_and_moves_off_a_weekend() {
        WebClient dpo = dpo();
        assertThat(dpo.get("/governance/subject-access/new").body()).contains("due 2 calendar months after the day");

        WebClient.Page recorded = dpo.post("/governance/subject-access", request("P0000041"));

        assertThat(recorded.status()).isEqualTo(302);
        String page = dpo.get(recorded.location().orElseThrow()).body();
        // 14 November 2026 is a Saturday.
        assertThat(page).contains("due by 16 November 2026", "14 September 2026");
    }

    @Test
    void a_form_without_its_csrf_token_is_refused_and_records_nothing() throws Exception {
        WebClient dpo = dpo();
        long before = requests();
        java.util.Map<String, String> fields = new java.util.HashMap<>(request("P0000042"));
        assertThat(dpo.postRaw("/governance/subject-access", fields).status()).isEqualTo(403);
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void an_export_about_someone_with_no_records_answers_that_only_the_request_itself_is_held() throws Exception {
        WebClient dpo = dpo();
        String at = dpo.post("/governance/subject-access", request("P0000043")).location().orElseThrow();
        dpo.get(at);

        WebClient.Page produced = dpo.post(at + "/export", Map.of());

        // Recording the request and looking at it are audit entries about the person: they are what is held, and
        // the answer says so (the command line says "nothing is held" only where not even those exist).
        assertThat(produced.status()).isEqualTo(302);
        String page = dpo.get(at).body();
        assertThat(page).contains(">In progress<", "Nothing</td>");
        java.util.regex.Matcher view = java.util.regex.Pattern.compile("href=\"(/governance/subject-access/\\d+"
                + "/exports/\\d+)\"").matcher(page);
        assertThat(view.find()).isTrue();
        String export = dpo.get(view.group(1)).body();
        assertThat(export).contains("No person record is held (only audit entries).", "subject-access:request",
                "sar.pages.dpo");
        assertThat(count("SELECT count(*) FROM audit_entry WHERE payload->>'action' = 'EXPORT' AND"
                + " payload->>'subject' = 'P0000043' AND payload->>'purpose' = 'SUBJECT_RIGHTS.ACCESS'")).isEqualTo(1);
    }

    @Test
    void a_refused_request_takes_no_further_step_and_an_unknown_request_is_not_found() throws Exception {
        WebClient dpo = dpo();
        String at = dpo.post("/governance/subject-access", request("P0000044")).location().orElseThrow();
        dpo.get(at);
        assertThat(dpo.post(at + "/refuse", Map.of("refusalReason", "too short")).status()).isEqualTo(400);
        assertThat(dpo.post(at + "/refuse", Map.of("refusalReason", "Identity could not be verified after two"
                + " letters")).status()).isEqualTo(302);
        String page = dpo.get(at).body();
        assertThat(page).contains(">Refused<", "Identity could not be verified").doesNotContain("id=\"refuse\"");

        WebClient.Page export = dpo.post(at + "/export", Map.of());
        assertThat(export.status()).isEqualTo(400);
        assertThat(export.body()).contains("The request is closed");
        assertThat(dpo.post(at + "/fulfil", Map.of()).body()).contains("Produce the export before");
        assertThat(dpo.get("/governance/subject-access/not-a-number").status()).isEqualTo(404);
        assertThat(dpo.get("/governance/subject-access/999999").status()).isEqualTo(404);
    }

    static long requests() throws Exception {
        return count("SELECT count(*) FROM subject_access_request");
    }

    static long count(String sql) throws Exception {
        try (Connection c = app.database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
