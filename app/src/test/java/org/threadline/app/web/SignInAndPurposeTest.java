package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.app.web.security.SecurityConfiguration;

/** Sign-in, lockout, purpose, idle timeout and sign-out over real HTTP against the real app on PostgreSQL. */
class SignInAndPurposeTest {
    static final String MASH = "SAFEGUARDING.CHILD.MASH_TRIAGE";

    @TempDir
    static Path folder;
    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(folder.resolve("db"));
        for (String ref : java.util.List.of("MASH-2026-0412", "MASH-12", "MASH-1", "MASH-2", "MASH-3")) {
            for (Agency a : Agency.values()) {
                app.openCase(a, ref);
            }
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** The purpose declarations in the audit log for the actor: purpose, case and reason, oldest first. */
    static java.util.List<String> declarations(String actor) {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (java.sql.Connection c = app.database.dataSource().getConnection(); java.sql.PreparedStatement s =
                c.prepareStatement("SELECT payload->>'purpose', payload->>'caseRef', payload->'reasonCodes'->>0"
                        + " FROM audit_entry WHERE payload->>'actor' = ? AND payload->>'action' = 'PURPOSE_DECLARED'"
                        + " ORDER BY sequence")) {
            s.setString(1, actor);
            try (java.sql.ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    @Test
    void a_page_asked_for_before_signing_in_redirects_to_the_sign_in_page() {
        WebClient anonymous = new WebClient(app);
        WebClient.Page page = anonymous.get("/");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).contains("/sign-in");
        assertThat(anonymous.get("/sign-in").body()).contains("Sign in to Threadline");
    }

    @Test
    void signing_in_leads_to_the_purpose_page_and_no_data_page_opens_until_a_purpose_is_declared() {
        app.account("purpose.first", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "right-password-1");
        WebClient person = new WebClient(app);
        assertThat(person.signIn("purpose.first", "right-password-1").location()).contains("/purpose");
        assertThat(person.get("/").location()).contains("/purpose");
        WebClient.Page form = person.get("/purpose");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Why are you using Threadline?", MASH)
                .as("a police safeguarding officer is not offered the analysts' purpose")
                .doesNotContain("SERVICE_EVALUATION.PSEUDONYMISED");
    }

    @Test
    void a_purpose_that_needs_a_case_reference_is_refused_without_one_and_held_with_one() {
        app.account("case.ref", Agency.CHILDRENS_SOCIAL_CARE, Role.SOCIAL_WORKER, "right-password-2");
        WebClient person = new WebClient(app);
        person.signIn("case.ref", "right-password-2");
        person.get("/purpose");
        WebClient.Page refused = person.post("/purpose", Map.of("purpose", MASH, "caseReference", ""));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("There is a problem", "Enter the case reference");
        assertThat(person.get("/").location()).contains("/purpose");
        assertThat(declarations("case.ref")).as("a refused declaration is not recorded as made").isEmpty();

        WebClient.Page declared = person.post("/purpose", Map.of("purpose", MASH, "caseReference", "mash-2026-0412"));
        assertThat(declared.location()).contains("/");
        assertThat(declarations("case.ref")).as("the declaration itself is in the audit log")
                .containsExactly(MASH + " MASH-2026-0412 WITH_CASE");
        WebClient.Page home = person.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Triage a safeguarding referral about a child", "MASH-2026-0412",
                "Change purpose", "Your account and purpose");
    }

    @Test
    void a_purpose_outside_the_persons_roles_is_refused_even_if_posted_by_hand() {
        app.account("crafty", Agency.HOUSING, Role.PARTNER_DATA_OWNER, "right-password-3");
        WebClient person = new WebClient(app);
        person.signIn("crafty", "right-password-3");
        person.get("/purpose");
        WebClient.Page refused = person.post("/purpose", Map.of("purpose", MASH, "caseReference", "ABC-123"));
        assertThat(refused.body()).contains("Select why you are using Threadline");
        assertThat(person.get("/").location()).contains("/purpose");
    }

    @Test
    void signing_in_again_as_someone_else_does_not_inherit_the_declared_purpose() {
        app.account("first.person", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "right-password-12");
        app.account("second.person", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "right-password-13");
        WebClient browser = new WebClient(app);
        browser.signInWithPurpose("first.person", "right-password-12", MASH, "MASH-12");
        assertThat(browser.get("/").status()).isEqualTo(200);
        assertThat(browser.post("/sign-in", Map.of("username", "second.person", "password", "right-password-13"))
                .location()).contains("/purpose");
        assertThat(browser.get("/").location()).as("the first person's purpose is gone").contains("/purpose");
        assertThat(browser.get("/account").body()).contains("second.person").doesNotContain("MASH-12");
    }

    @Test
    void a_wrong_password_shows_the_same_message_as_an_unknown_username() {
        app.account("known.person", Agency.HEALTH, Role.SAFEGUARDING_OFFICER, "right-password-4");
        WebClient person = new WebClient(app);
        assertThat(person.signIn("known.person", "wrong").location()).contains("/sign-in");
        String wrongPassword = person.get("/sign-in").body();
        WebClient stranger = new WebClient(app);
        stranger.signIn("nobody.here", "wrong");
        String unknownUser = stranger.get("/sign-in").body();
        assertThat(wrongPassword).contains("Enter a correct username and password");
        assertThat(unknownUser).contains("Enter a correct username and password");
        assertThat(person.get("/sign-in").body()).as("the message shows once").doesNotContain("There is a problem");
    }

    @Test
    void repeated_wrong_passwords_lock_the_account_until_the_lockout_ends() {
        app.account("locks.out", Agency.SCHOOLS, Role.DESIGNATED_SAFEGUARDING_LEAD, "right-password-5");
        WebClient person = new WebClient(app);
        for (int i = 0; i < TestApp.MAX_FAILED; i++) {
            assertThat(person.signIn("locks.out", "wrong-" + i).location()).contains("/sign-in");
        }
        assertThat(person.signIn("locks.out", "right-password-5").location())
                .as("locked: even the right password is refused").contains("/sign-in");
        app.clock.advance(Duration.ofMinutes(16));
        assertThat(person.signIn("locks.out", "right-password-5").location())
                .as("the lock has ended").contains("/purpose");
    }

    @Test
    void fewer_failures_than_the_limit_with_a_success_between_do_not_lock() {
        app.account("resets", Agency.PROBATION, Role.SAFEGUARDING_OFFICER, "right-password-6");
        for (int round = 0; round < 3; round++) {
            WebClient person = new WebClient(app);
            for (int i = 0; i < TestApp.MAX_FAILED - 1; i++) {
                person.signIn("resets", "wrong");
            }
            assertThat(person.signIn("resets", "right-password-6").location()).as("round " + round)
                    .contains("/purpose");
        }
    }

    @Test
    void an_unused_session_expires_after_the_idle_timeout_and_says_so() {
        app.account("idle.person", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "right-password-7");
        WebClient person = new WebClient(app);
        person.signInWithPurpose("idle.person", "right-password-7", MASH, "MASH-1");
        assertThat(person.get("/").status()).isEqualTo(200);
        app.clock.advance(Duration.ofMinutes(29));
        assertThat(person.get("/").status()).as("used within the idle time").isEqualTo(200);
        app.clock.advance(Duration.ofMinutes(31));
        WebClient.Page expired = person.get("/");
        assertThat(expired.location()).contains("/session-expired");
        assertThat(person.get("/session-expired").body()).contains("Your session has ended", "30 minutes");
        assertThat(person.get("/").location()).contains("/sign-in");
    }

    @Test
    void signing_out_needs_a_post_with_the_csrf_token_and_ends_the_session() {
        app.account("signs.out", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "right-password-8");
        WebClient person = new WebClient(app);
        person.signInWithPurpose("signs.out", "right-password-8", MASH, "MASH-2");
        assertThat(person.postRaw("/sign-out", Map.of()).status()).as("no CSRF token").isEqualTo(403);
        assertThat(person.get("/").status()).as("still signed in").isEqualTo(200);
        assertThat(person.post("/sign-out", Map.of()).location()).contains("/signed-out");
        assertThat(person.get("/signed-out").body()).contains("You have signed out");
        assertThat(person.get("/").location()).contains("/sign-in");
    }

    @Test
    void a_sign_in_without_the_csrf_token_is_refused() {
        app.account("no.token", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "right-password-9");
        WebClient person = new WebClient(app);
        WebClient.Page page = person.postRaw("/sign-in", Map.of("username", "no.token",
                "password", "right-password-9"));
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("You cannot do that").doesNotContainIgnoringCase("csrf")
                .doesNotContain("Exception", "at org.");
    }

    @Test
    void every_response_carries_the_security_headers() {
        WebClient anonymous = new WebClient(app);
        for (String path : new String[] {"/sign-in", "/", "/no-such-page", "/css/threadline.css"}) {
            WebClient.Page page = anonymous.get(path);
            assertThat(page.header("Content-Security-Policy")).as(path)
                    .isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY).contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline");
            assertThat(page.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(page.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
            assertThat(page.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(page.header("Strict-Transport-Security")).as("plain HTTP: no HSTS").isNull();
        }
    }

    @Test
    void over_https_the_browser_is_told_to_use_https_only_and_the_session_cookie_is_secure() {
        WebClient.Page page = new WebClient(app).getOverHttps("/sign-in");
        assertThat(page.header("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
        assertThat(page.header("Set-Cookie")).contains("Secure");
    }

    @Test
    void the_session_id_travels_in_a_cookie_only_never_in_a_link() {
        WebClient anonymous = new WebClient(app);
        WebClient.Page page = anonymous.get("/sign-in");
        assertThat(page.header("Set-Cookie")).contains("JSESSIONID").contains("HttpOnly");
        assertThat(page.body()).doesNotContainIgnoringCase("jsessionid");
    }

    @Test
    void the_error_page_says_what_kind_of_problem_and_nothing_else() {
        app.account("error.seer", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "right-password-10");
        WebClient person = new WebClient(app);
        person.signInWithPurpose("error.seer", "right-password-10", MASH, "MASH-3");
        WebClient.Page missing = person.get("/people/secret-name-in-path");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found").doesNotContain("secret-name-in-path", "Exception",
                "at org.", "Whitelabel", "trace");
    }

    @Test
    void what_people_type_is_escaped_on_every_page() {
        app.account("escaper", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "right-password-11");
        WebClient person = new WebClient(app);
        person.signIn("escaper", "right-password-11");
        person.get("/purpose");
        WebClient.Page page = person.post("/purpose", Map.of("purpose", MASH,
                "caseReference", "\"><script>alert(1)</script>"));
        assertThat(page.body()).doesNotContain("<script>alert(1)</script>")
                .contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    }
}
