package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.app.apikeys.ApiKeys;
import org.threadline.app.web.accounts.AccountStore;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.app.web.security.Throttling;

/**
 * Sign-in and API key throttling over real HTTP on PostgreSQL (ADR 0026): N failures in the window are checked as
 * usual, the next attempt is refused without its password being checked (the right password is refused too, and the
 * account's failure count does not move), the refusal lifts when the clock passes the window, and a flood of 1,000
 * attempts is a bounded handful of audit entries that still show the attack.
 */
class SignInThrottlingTest {
    static final int PER_USERNAME = 4;
    static final int PER_ADDRESS = 9;
    static final Duration WINDOW = Duration.ofMinutes(10);

    @TempDir
    static Path folder;
    static TestApp app;

    @BeforeAll
    static void start() {
        // The lockout (ADR 0025) set out of the way, so that what refuses here is the throttle alone.
        app = TestApp.start(folder.resolve("db"), Map.of("threadline.web.max-failed-sign-ins", 1000,
                "threadline.throttle.window", "10m", "threadline.throttle.per-username", PER_USERNAME,
                "threadline.throttle.per-address", PER_ADDRESS));
        app.account("throttle.user", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "the-right-password");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /**
     * Every test starts with every window long past, and the end of any earlier test's refusals written (it is written
     * when the throttle next looks, which an attempt with no name and no address makes it do).
     */
    @BeforeEach
    void later() {
        app.clock.advance(WINDOW.plusHours(1));
        for (String name : List.of("signInThrottling", "apiThrottling")) {
            app.web.context().getBean(name, Throttling.class).check(List.of());
        }
    }

    @Test
    void n_wrong_passwords_are_checked_the_next_attempt_is_refused_unchecked_and_the_refusal_lifts_after_the_window()
            throws Exception {
        WebClient web = new WebClient(app);
        long before = last();
        for (int i = 0; i < PER_USERNAME; i++) {
            web.signIn("throttle.user", "wrong-" + i);
            assertThat(web.get("/sign-in").body()).contains("Enter a correct username and password");
        }
        int failuresBefore = failures("throttle.user");

        WebClient.Page refused = web.signIn("throttle.user", "the-right-password");
        assertThat(refused.location()).contains("/sign-in");
        String page = web.get("/sign-in").body();
        assertThat(page).contains("Too many attempts to sign in.", "Wait <span>10 minutes</span> before you try again")
                .doesNotContain("Enter a correct username and password");
        assertThat(failures("throttle.user")).as("the password was not checked").isEqualTo(failuresBefore);

        List<JsonNode> entries = since(before);
        assertThat(entries).extracting(e -> e.path("action").asText())
                .containsExactly("SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED",
                        "SIGN_IN_THROTTLED");
        JsonNode throttled = entries.get(PER_USERNAME);
        assertThat(throttled.path("actor").asText()).isEqualTo("throttle.user");
        assertThat(SignInAuditTest.reasons(throttled)).containsExactly("THROTTLING_STARTED", "BY_USERNAME",
                "LIMIT_4_FAILED_IN_PT10M", "RETRY_AFTER_600S");

        app.clock.advance(WINDOW.plusSeconds(1));
        long lifted = last();
        assertThat(new WebClient(app).signIn("throttle.user", "the-right-password").location()).contains("/purpose");
        List<JsonNode> after = since(lifted);
        assertThat(after).extracting(e -> e.path("action").asText()).containsExactly("SIGN_IN_THROTTLED", "SIGN_IN");
        assertThat(SignInAuditTest.reasons(after.get(0))).containsExactly("THROTTLING_ENDED", "BY_USERNAME",
                "LIMIT_4_FAILED_IN_PT10M", "REFUSED_1");
    }

    @Test
    void a_name_that_is_no_account_is_throttled_in_the_same_words_and_never_written_down() throws Exception {
        WebClient web = new WebClient(app);
        long before = last();
        for (int i = 0; i <= PER_USERNAME; i++) {
            web.signIn("my-Password-1", "x");
        }
        String page = web.get("/sign-in").body();
        assertThat(page).contains("Too many attempts to sign in.", "Wait <span>10 minutes</span>");
        JsonNode throttled = since(before).get(PER_USERNAME);
        assertThat(throttled.path("action").asText()).isEqualTo("SIGN_IN_THROTTLED");
        assertThat(throttled.path("actor").asText()).isEqualTo("unknown");
        assertThat(throttled.toString()).doesNotContain("my-password-1");
    }

    @Test
    void one_address_trying_many_names_is_refused_once_it_reaches_its_own_limit() throws Exception {
        WebClient web = new WebClient(app);
        long before = last();
        for (int i = 0; i < PER_ADDRESS; i++) {
            web.signIn("guess-" + i, "x");
        }
        web.signIn("throttle.user", "the-right-password");
        assertThat(web.get("/sign-in").body()).contains("Too many attempts to sign in.");
        JsonNode throttled = since(before).get(PER_ADDRESS);
        assertThat(SignInAuditTest.reasons(throttled)).containsExactly("THROTTLING_STARTED", "BY_ADDRESS",
                "LIMIT_9_FAILED_IN_PT10M", "RETRY_AFTER_600S");
        assertThat(throttled.toString()).as("no address in the audit log (ADR 0025)").doesNotContain("127.0.0.1");
    }

    @Test
    void a_flood_of_1000_attempts_is_a_bounded_handful_of_audit_entries_that_still_show_the_attack()
            throws Exception {
        WebClient web = new WebClient(app);
        web.get("/sign-in");
        long before = last();
        for (int i = 0; i < 1000; i++) {
            web.post("/sign-in", Map.of("username", i % 2 == 0 ? "throttle.user" : "flood-" + i, "password", "x" + i));
        }
        List<JsonNode> entries = since(before);
        // At most PER_ADDRESS failures are checked (and audited one by one); the rest are refused unchecked, and each
        // key that starts refusing is one entry.
        assertThat(entries).hasSizeLessThanOrEqualTo(PER_ADDRESS + 2);
        assertThat(entries).filteredOn(e -> e.path("action").asText().equals("SIGN_IN_THROTTLED")).isNotEmpty();

        app.clock.advance(WINDOW.plusSeconds(1));
        long lifted = last();
        new WebClient(app).signIn("throttle.user", "the-right-password");
        List<JsonNode> ended = since(lifted).stream()
                .filter(e -> e.path("action").asText().equals("SIGN_IN_THROTTLED")).toList();
        long refused = ended.stream().flatMap(e -> SignInAuditTest.reasons(e).stream())
                .filter(r -> r.startsWith("REFUSED_")).mapToLong(r -> Long.parseLong(r.substring(8))).sum();
        long checked = entries.stream().filter(e -> e.path("action").asText().equals("SIGN_IN_FAILED")).count();
        assertThat(refused).as("the ends of the episodes count every attempt that was not checked")
                .isEqualTo(1000 - checked);
    }

    @Test
    void wrong_passwords_sent_at_the_same_moment_are_checked_at_most_the_limit_times() throws Exception {
        // Each attempt holds a slot from the throttle's check to its outcome (ADR 0026, amended 2026-11-27): the
        // password hash takes far longer than the check, so without the slots every one of these would be checked.
        int attempts = 16;
        List<WebClient> clients = new java.util.ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            WebClient web = new WebClient(app);
            web.get("/sign-in");
            clients.add(web);
        }
        long before = last();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(attempts);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                WebClient web = clients.get(i);
                String password = "wrong-at-once-" + i;
                done.add(pool.submit(() -> {
                    go.await();
                    return web.post("/sign-in", Map.of("username", "throttle.user", "password", password));
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<?> f : done) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long checked = since(before).stream().filter(e -> e.path("action").asText().equals("SIGN_IN_FAILED"))
                .count();
        assertThat(checked).as("passwords checked (each failure is audited) out of %d sent at once", attempts)
                .isLessThanOrEqualTo(PER_USERNAME);
    }

    @Test
    void successful_sign_ins_free_their_slot_so_more_than_the_limit_in_a_row_all_get_in() throws Exception {
        for (int i = 0; i < PER_USERNAME + 2; i++) {
            assertThat(new WebClient(app).signIn("throttle.user", "the-right-password").location())
                    .as("sign-in %d in a row", i + 1).contains("/purpose");
        }
        ApiKeys keys = app.bean(ApiKeys.class);
        String key = keys.create("busy-cms", "HOUSING", "PARTNER_DATA_OWNER", "test", app.clock.instant())
                .secretKey();
        for (int i = 0; i < PER_ADDRESS + 2; i++) {
            assertThat(new ApiClient(app, key).get("/api/v1/sources").status()).as("API call %d in a row", i + 1)
                    .isNotIn(401, 429, 503);
        }
    }

    @Test
    void api_key_failures_are_throttled_the_same_way_with_a_429_and_retry_after() throws Exception {
        ApiKeys keys = app.bean(ApiKeys.class);
        String key = keys.create("throttled-cms", "HOUSING", "PARTNER_DATA_OWNER", "test", app.clock.instant())
                .secretKey();
        String wrong = key.substring(0, 20) + "B".repeat(43);
        long before = last();
        for (int i = 0; i < PER_USERNAME; i++) {
            assertThat(new ApiClient(app, wrong).get("/api/v1/sources").status()).isEqualTo(401);
        }
        ApiClient.Reply refused = new ApiClient(app, key).get("/api/v1/sources");
        assertThat(refused.status()).as("the right key is refused unchecked").isEqualTo(429);
        assertThat(refused.response().headers().firstValue("Retry-After")).hasValue("600");
        assertThat(refused.body()).contains("too-many-failed-attempts", "Wait 10 minutes");
        List<JsonNode> entries = since(before);
        assertThat(entries).extracting(e -> e.path("action").asText()).containsExactly(
                "API_AUTHENTICATION_FAILED", "API_AUTHENTICATION_FAILED", "API_AUTHENTICATION_FAILED",
                "API_AUTHENTICATION_FAILED", "API_AUTHENTICATION_THROTTLED");
        assertThat(entries.get(PER_USERNAME).path("actor").asText()).isEqualTo("apikey.throttled-cms");
        assertThat(SignInAuditTest.reasons(entries.get(PER_USERNAME))).startsWith("THROTTLING_STARTED", "BY_API_KEY");

        app.clock.advance(WINDOW.plusSeconds(1));
        assertThat(new ApiClient(app, key).get("/api/v1/sources").status()).isNotIn(401, 429);
    }

    @Test
    void when_the_counts_cannot_be_read_sign_in_and_the_api_are_refused_and_it_lifts_when_they_can() throws Exception {
        ApiKeys keys = app.bean(ApiKeys.class);
        String key = keys.create("unavailable-cms", "HOUSING", "PARTNER_DATA_OWNER", "test", app.clock.instant())
                .secretKey();
        long before = last();
        // A real fault: the throttle's table is not there (as if the database refused it), the audit log still is.
        execute("ALTER TABLE sign_in_throttle RENAME TO sign_in_throttle_away");
        try {
            WebClient web = new WebClient(app);
            assertThat(web.signIn("throttle.user", "the-right-password").location()).as(
                    "deny by default: the right password is not even checked").hasValueSatisfying(
                    l -> assertThat(l).endsWith("/sign-in"));
            assertThat(web.get("/sign-in").body()).contains("Signing in is", "not possible just now")
                    .doesNotContain("Too many attempts");
            web.signIn("throttle.user", "the-right-password");
            ApiClient.Reply api = new ApiClient(app, key).get("/api/v1/sources");
            assertThat(api.status()).isEqualTo(503);
            assertThat(api.response().headers().firstValue("Retry-After")).hasValue("60");
            assertThat(api.body()).contains("authentication-unavailable");
        } finally {
            execute("ALTER TABLE sign_in_throttle_away RENAME TO sign_in_throttle");
        }
        List<JsonNode> entries = since(before);
        assertThat(entries).as("audited once a minute per channel, not once per attempt")
                .extracting(e -> e.path("action").asText())
                .containsExactly("SIGN_IN_THROTTLED", "API_AUTHENTICATION_THROTTLED");
        assertThat(SignInAuditTest.reasons(entries.get(0))).containsExactly("THROTTLE_UNAVAILABLE",
                "REFUSED_UNCHECKED");

        assertThat(new WebClient(app).signIn("throttle.user", "the-right-password").location())
                .as("nothing was counted: once the database answers, sign-in is as before").contains("/purpose");
        assertThat(new ApiClient(app, key).get("/api/v1/sources").status()).isNotIn(401, 429, 503);
    }

    private static void execute(String sql) throws Exception {
        try (java.sql.Connection c = app.database.dataSource().getConnection();
             java.sql.Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static List<JsonNode> since(long after) throws Exception {
        List<JsonNode> out = new java.util.ArrayList<>();
        try (java.sql.Connection c = app.database.dataSource().getConnection();
             java.sql.PreparedStatement s = c.prepareStatement(
                     "SELECT payload::text FROM audit_entry WHERE sequence > ? ORDER BY sequence")) {
            s.setLong(1, after);
            try (java.sql.ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(SignInAuditTest.JSON.readTree(r.getString(1)));
                }
            }
        }
        return out;
    }

    static long last() throws Exception {
        try (java.sql.Connection c = app.database.dataSource().getConnection();
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT coalesce(max(sequence), -1) FROM audit_entry")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static int failures(String username) {
        return app.bean(AccountStore.class).find(username).orElseThrow().failedSignIns();
    }
}
