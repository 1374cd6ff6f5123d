package org.threadline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.app.apikeys.ApiKeys;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.store.Database;
import picocli.CommandLine;

/** {@code ./threadline api-keys}: a key is printed once, stored as a hash, listed without it, and revoked for good. */
class ApiKeysCommandTest {
    @TempDir
    static Path folder;
    static Map<String, String> environment = new HashMap<>();

    @BeforeAll
    static void home() throws Exception {
        environment.put(ThreadlineHome.VARIABLE, folder.resolve("home").toString());
        TestEnvironment.useTestServerIfSet(environment);
    }

    static int run(Callable<Integer> command, StringWriter out, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        cli.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println(e.getMessage());
            return e instanceof UsageException ? 2 : 1;
        });
        return cli.execute(args);
    }

    @Test
    void a_key_is_shown_once_stored_as_a_hash_listed_without_it_and_revoked_for_good() throws Exception {
        StringWriter out = new StringWriter();
        assertThat(run(new ApiKeysCommand.Create(environment), out, "--agency", "HOUSING", "--role",
                "PARTNER_DATA_OWNER", "--name", "housing-cms")).as(out.toString()).isZero();
        Matcher m = Pattern.compile("tl_[0-9a-f]{16}_[A-Za-z0-9_-]{43}").matcher(out.toString());
        assertThat(m.find()).as(out.toString()).isTrue();
        String key = m.group();
        assertThat(out.toString()).contains("shown this once", "api-keys revoke housing-cms");

        StringWriter listed = new StringWriter();
        assertThat(run(new ApiKeysCommand.ListKeys(environment), listed)).isZero();
        assertThat(listed.toString()).contains("housing-cms", "HOUSING", "PARTNER_DATA_OWNER", "never")
                .doesNotContain(key, key.substring(20));

        try (Database db = Database.open(environment, ThreadlineHome.fromEnvironment(environment).database())) {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT * FROM api_key")) {
                assertThat(r.next()).isTrue();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    String value = String.valueOf(r.getString(i));
                    assertThat(value).as(r.getMetaData().getColumnName(i)).doesNotContain(key.substring(20));
                }
            }
            ApiKeys keys = new ApiKeys(db.dataSource(), new SecureRandom());
            assertThat(keys.authenticate(key, Instant.now())).as("the printed key works").isPresent();
        }

        StringWriter again = new StringWriter();
        assertThat(run(new ApiKeysCommand.Create(environment), again, "--agency", "POLICE", "--role",
                "SAFEGUARDING_OFFICER", "--name", "housing-cms")).isEqualTo(2);
        assertThat(again.toString()).contains("exists already");

        StringWriter revoked = new StringWriter();
        assertThat(run(new ApiKeysCommand.Revoke(environment), revoked, "housing-cms")).isZero();
        assertThat(revoked.toString()).contains("Revoked");
        assertThat(run(new ApiKeysCommand.Revoke(environment), new StringWriter(), "housing-cms")).isEqualTo(2);
        try (Database db = Database.open(environment, ThreadlineHome.fromEnvironment(environment).database())) {
            assertThat(new ApiKeys(db.dataSource(), new SecureRandom()).authenticate(key, Instant.now()))
                    .as("a revoked key never works again").isEmpty();
        }
    }

    @Test
    void the_command_is_registered_and_refuses_an_unknown_agency() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(ThreadlineCommand.execute(new String[] {"api-keys", "--help"}, new PrintWriter(out, true),
                new PrintWriter(err, true))).isZero();
        assertThat(out.toString()).contains("create", "list", "revoke");
        assertThat(run(new ApiKeysCommand.Create(environment), err, "--agency", "NOWHERE", "--role", "ANALYST",
                "--name", "x-system")).isEqualTo(2);
    }

    @Test
    void a_key_made_for_a_school_works_for_that_school_and_a_malformed_organisation_is_refused() throws Exception {
        StringWriter out = new StringWriter();
        assertThat(run(new ApiKeysCommand.Create(environment), out, "--agency", "SCHOOLS", "--role",
                "DESIGNATED_SAFEGUARDING_LEAD", "--name", "school-mis-100001", "--organisation", "100001",
                "--organisation", "100003")).as(out.toString()).isZero();
        assertThat(out.toString()).contains("working for 100001, 100003");
        StringWriter listed = new StringWriter();
        assertThat(run(new ApiKeysCommand.ListKeys(environment), listed)).isZero();
        assertThat(listed.toString()).contains("ORGANISATIONS").containsPattern("school-mis-100001 .* 100001,100003");
        try (Database db = Database.open(environment, ThreadlineHome.fromEnvironment(environment).database())) {
            assertThat(new ApiKeys(db.dataSource(), new SecureRandom()).organisations("school-mis-100001"))
                    .containsExactly("100001", "100003");
        }

        StringWriter bad = new StringWriter();
        assertThat(run(new ApiKeysCommand.Create(environment), bad, "--agency", "SCHOOLS", "--role",
                "DESIGNATED_SAFEGUARDING_LEAD", "--name", "school-mis-bad", "--organisation", "<b>1</b>"))
                .isEqualTo(2);
        assertThat(bad.toString()).contains("an organisation is '*'");
        try (Database db = Database.open(environment, ThreadlineHome.fromEnvironment(environment).database())) {
            assertThat(new ApiKeys(db.dataSource(), new SecureRandom()).find("school-mis-bad")).as("no key made")
                    .isEmpty();
        }
    }
}
