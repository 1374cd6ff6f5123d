package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.app.apikeys.ApiKeys;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.app.web.governance.AuditOversight;
import org.threadline.app.web.security.SignInAudit;

/**
 * Sign-ins and their failures in the tamper-evident audit log (issue #7, ADR 0025), over real HTTP on PostgreSQL:
 * each outcome is exactly one entry of its kind, naming the account, key or client when it exists and never the
 * password, a key's secret or a name nobody has; and the log still verifies.
 */
class SignInAuditTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;
    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(folder.resolve("db"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** The payloads of every entry recorded since {@code after}, oldest first. */
    static List<JsonNode> since(long after) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (Connection c = app.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT payload::text FROM audit_entry WHERE sequence > ? ORDER BY sequence")) {
            s.setLong(1, after);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(JSON.readTree(r.getString(1)));
                }
            }
        }
        return out;
    }

    static long last() throws Exception {
        try (Connection c = app.database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT coalesce(max(sequence), -1) FROM audit_entry")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The one entry recorded since {@code after}: there must be exactly one. */
    static JsonNode theOneEntrySince(long after) throws Exception {
        List<JsonNode> entries = since(after);
        assertThat(entries).as("exactly one audit entry").hasSize(1);
        return entries.get(0);
    }

    static List<String> reasons(JsonNode entry) {
        List<String> out = new ArrayList<>();
        entry.path("reasonCodes").forEach(n -> out.add(n.asText()));
        return out;
    }

    static long entriesContaining(String text) throws Exception {
        try (Connection c = app.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM audit_entry WHERE payload::text LIKE ?")) {
            s.setString(1, "%" + text + "%");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void a_sign_in_is_one_sign_in_entry_naming_the_account_its_agency_and_roles() throws Exception {
        app.account("audited.in", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "right-password-a1");
        long before = last();
        assertThat(new WebClient(app).signIn("audited.in", "right-password-a1").location()).contains("/purpose");
        JsonNode entry = theOneEntrySince(before);
        assertThat(entry.path("action").asText()).isEqualTo("SIGN_IN");
        assertThat(entry.path("actor").asText()).isEqualTo("audited.in");
        assertThat(entry.path("agency").asText()).as("the agreement party, as every entry names it")
                .isEqualTo("police");
        assertThat(entry.path("roles").toString()).contains("MASH_POLICE_OFFICER");
        assertThat(entry.path("dataItem").asText()).isEqualTo("sign-in");
        assertThat(entry.path("time").asText()).isNotBlank();
        assertThat(entriesContaining("right-password-a1")).isZero();
    }

    @Test
    void a_wrong_password_is_one_failed_sign_in_naming_the_account_and_never_the_password() throws Exception {
        app.account("audited.wrong", Agency.HEALTH, Role.SAFEGUARDING_OFFICER, "right-password-a2");
        long before = last();
        new WebClient(app).signIn("audited.wrong", "Wrong-Secret-a2");
        JsonNode entry = theOneEntrySince(before);
        assertThat(entry.path("action").asText()).isEqualTo("SIGN_IN_FAILED");
        assertThat(entry.path("actor").asText()).isEqualTo("audited.wrong");
        assertThat(reasons(entry)).containsExactly("WRONG_PASSWORD");
        assertThat(entriesContaining("Wrong-Secret-a2")).as("the password is nowhere in the audit table").isZero();
    }

    @Test
    void an_unknown_username_is_one_failed_sign_in_recorded_as_unknown_because_it_may_be_a_password()
            throws Exception {
        long before = last();
        // Someone types their password into the username box.
        new WebClient(app).signIn("Hunter2-Summer!", "");
        JsonNode entry = theOneEntrySince(before);
        assertThat(entry.path("action").asText()).isEqualTo("SIGN_IN_FAILED");
        assertThat(entry.path("actor").asText()).isEqualTo(SignInAudit.UNKNOWN);
        assertThat(reasons(entry)).containsExactly("UNKNOWN_USERNAME");
        assertThat(entriesContaining("Hunter2")).isZero();
        assertThat(entriesContaining("hunter2")).isZero();
    }

    @Test
    void the_failure_that_reaches_the_limit_is_one_lockout_entry_and_each_try_while_locked_one_failed_sign_in()
            throws Exception {
        app.account("audited.locks", Agency.SCHOOLS, Role.DESIGNATED_SAFEGUARDING_LEAD, "right-password-a3");
        WebClient person = new WebClient(app);
        long before = last();
        for (int i = 0; i < TestApp.MAX_FAILED; i++) {
            person.signIn("audited.locks", "wrong-a3-" + i);
        }
        List<JsonNode> entries = since(before);
        assertThat(entries).extracting(e -> e.path("action").asText()).containsExactly("SIGN_IN_FAILED",
                "SIGN_IN_FAILED", "ACCOUNT_LOCKED");
        assertThat(entries).allSatisfy(e -> assertThat(e.path("actor").asText()).isEqualTo("audited.locks"));
        assertThat(reasons(entries.get(2))).containsExactly("WRONG_PASSWORD", "FAILED_SIGN_INS_" + TestApp.MAX_FAILED,
                "LOCKED_FOR_PT15M");

        long locked = last();
        assertThat(person.signIn("audited.locks", "right-password-a3").location()).contains("/sign-in");
        JsonNode whileLocked = theOneEntrySince(locked);
        assertThat(whileLocked.path("action").asText()).isEqualTo("SIGN_IN_FAILED");
        assertThat(reasons(whileLocked)).containsExactly("ACCOUNT_IS_LOCKED");

        app.clock.advance(Duration.ofMinutes(16));
        long unlocked = last();
        assertThat(person.signIn("audited.locks", "right-password-a3").location()).contains("/purpose");
        assertThat(theOneEntrySince(unlocked).path("action").asText()).isEqualTo("SIGN_IN");
        assertThat(entriesContaining("wrong-a3-")).isZero();
        assertThat(entriesContaining("right-password-a3")).isZero();
    }

    @Test
    void a_refused_api_key_is_one_entry_naming_a_known_key_or_the_key_id_tried_and_never_the_secret()
            throws Exception {
        ApiKeys keys = app.bean(ApiKeys.class);
        String key = keys.create("audited-cms", "HOUSING", "PARTNER_DATA_OWNER", "test", app.clock.instant())
                .secretKey();
        String keyId = key.substring(3, 19);
        String secret = key.substring(20);
        String wrongSecret = "B".repeat(43);

        long before = last();
        ApiClient.Reply reply = new ApiClient(app, "tl_" + keyId + "_" + wrongSecret).get("/api/v1/sources");
        assertThat(reply.status()).isEqualTo(401);
        JsonNode wrong = theOneEntrySince(before);
        assertThat(wrong.path("action").asText()).isEqualTo("API_AUTHENTICATION_FAILED");
        assertThat(wrong.path("actor").asText()).isEqualTo("apikey.audited-cms");
        assertThat(wrong.path("agency").asText()).isEqualTo("housing");
        assertThat(wrong.path("dataItem").asText()).isEqualTo("api:key");
        assertThat(reasons(wrong)).containsExactly("API_KEY_WRONG_SECRET");

        long unknown = last();
        new ApiClient(app, "tl_00000000000000ff_" + wrongSecret).get("/api/v1/sources");
        JsonNode stranger = theOneEntrySince(unknown);
        assertThat(stranger.path("actor").asText()).isEqualTo(SignInAudit.UNKNOWN);
        assertThat(reasons(stranger)).containsExactly("API_KEY_UNKNOWN", "key-id:00000000000000ff");

        long malformed = last();
        new ApiClient(app, "<script>alert(1)</script>").get("/api/v1/sources");
        JsonNode junk = theOneEntrySince(malformed);
        assertThat(reasons(junk)).containsExactly("API_KEY_MALFORMED");
        assertThat(junk.toString()).doesNotContain("script");

        keys.revoke("audited-cms", app.clock.instant());
        long revoked = last();
        new ApiClient(app, key).get("/api/v1/sources");
        assertThat(reasons(theOneEntrySince(revoked))).containsExactly("API_KEY_REVOKED");

        long none = last();
        assertThat(new ApiClient(app, null).get("/api/v1/sources").status()).isEqualTo(401);
        assertThat(since(none)).as("no key presented: nothing was tried, nothing is recorded").isEmpty();

        assertThat(entriesContaining(secret)).isZero();
        assertThat(entriesContaining(wrongSecret)).isZero();
    }

    @Test
    void when_the_audit_log_refuses_the_sign_in_entry_nobody_is_let_in() throws Exception {
        app.account("audited.down", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "right-password-a5");
        WebClient person = new WebClient(app);
        try (Connection c = app.database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE FUNCTION test_refuse_sign_in() RETURNS trigger LANGUAGE plpgsql AS"
                    + " $$ BEGIN RAISE EXCEPTION 'audit log unavailable (test)'; END $$");
            s.execute("CREATE TRIGGER test_refuse_sign_in BEFORE INSERT ON audit_entry FOR EACH ROW"
                    + " EXECUTE FUNCTION test_refuse_sign_in()");
        }
        try {
            WebClient.Page page = person.signIn("audited.down", "right-password-a5");
            assertThat(page.status()).isEqualTo(500);
            assertThat(person.get("/purpose").location()).as("not signed in").contains("/sign-in");
        } finally {
            try (Connection c = app.database.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER test_refuse_sign_in ON audit_entry");
                s.execute("DROP FUNCTION test_refuse_sign_in()");
            }
        }
        assertThat(person.signIn("audited.down", "right-password-a5").location()).contains("/purpose");
    }

    @Test
    void the_log_with_every_kind_of_sign_in_entry_still_verifies() throws Exception {
        app.account("audited.verify", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "right-password-a6");
        new WebClient(app).signIn("audited.verify", "wrong");
        new WebClient(app).signIn("no.such.person", "wrong");
        new WebClient(app).signIn("audited.verify", "right-password-a6");
        new ApiClient(app, "tl_00000000000000aa_" + "C".repeat(43)).get("/api/v1/sources");
        AuditOversight.Verification verified = app.bean(AuditOversight.class).verify();
        assertThat(verified.intact()).as(verified.problem()).isTrue();
        assertThat(verified.entries()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void an_attempted_name_is_written_in_a_safe_alphabet_and_cut_to_a_bounded_length() {
        assertThat(SignInAudit.attempted("Alice@Police.example")).isEqualTo("alice@police.example");
        assertThat(SignInAudit.attempted("<script>alert('x')</script>")).doesNotContain("<", ">", "'", "(")
                .isEqualTo("_script_alert__x____script_");
        assertThat(SignInAudit.attempted("line\nbreak\u0000\u202e")).isEqualTo("line_break__");
        String flood = "a".repeat(10_000);
        assertThat(SignInAudit.attempted(flood)).hasSize(SignInAudit.LONGEST).endsWith("~");
        assertThat(SignInAudit.attempted("a".repeat(SignInAudit.LONGEST))).doesNotContain("~");
    }
}
