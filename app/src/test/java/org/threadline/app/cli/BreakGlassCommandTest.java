package org.threadline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.store.Database;
import org.threadline.store.governance.BreakGlassStore;
import picocli.CommandLine;

/**
 * {@code ./threadline breakglass list}: a data protection officer overseeing sees each grant with its state and
 * review (due, overdue or recorded), the listing is audited, and anyone else is refused with a usage error.
 */
class BreakGlassCommandTest {
    @TempDir
    static Path folder;
    static Map<String, String> environment = new HashMap<>();
    static final Instant GRANTED = TestEnvironment.DURING_THE_AGREEMENTS;
    static long reviewed;

    @BeforeAll
    static void grants() throws Exception {
        Path root = (Files.isDirectory(Path.of("config", "sources")) ? Path.of(".") : Path.of("..")).toAbsolutePath()
                .normalize();
        System.setProperty("threadline.root", root.toString());
        environment.put(ThreadlineHome.VARIABLE, folder.resolve("home").toString());
        TestEnvironment.useTestServerIfSet(environment);
        try (Database db = Database.open(environment, ThreadlineHome.fromEnvironment(environment).create()
                .database()); Connection c = db.dataSource().getConnection()) {
            BreakGlassStore store = new BreakGlassStore(db.dataSource());
            store.grant(c, grant("edt.one", "P0000011", GRANTED));
            reviewed = store.grant(c, grant("edt.two", "P0000012", GRANTED.plus(Duration.ofHours(1))));
            store.review(c, reviewed, new BreakGlassStore.Review("dpo", BreakGlassStore.Outcome.NEEDS_FOLLOW_UP,
                    "Ask the team manager about the call", GRANTED.plus(Duration.ofDays(1))));
        }
    }

    @AfterAll
    static void forgetRoot() {
        System.clearProperty("threadline.root");
    }

    static BreakGlassStore.NewGrant grant(String user, String subject, Instant at) {
        return new BreakGlassStore.NewGrant(user, "CHILDRENS_SOCIAL_CARE", "social-care", "EDT_SOCIAL_WORKER",
                subject, "SAFEGUARDING.CHILD.MASH_TRIAGE", "EDT-9", "PLACE_OF_SAFETY",
                "Child needs a place of safety tonight; history decides where", "ISA-TL-CHILDREN", 1, at,
                at.plus(Duration.ofHours(2)), at.plus(Duration.ofDays(3)),
                List.of(new BreakGlassStore.Recipient("dpo", "police")));
    }

    static String[] run(Instant at, StringWriter out, String... args) {
        CommandLine cli = new CommandLine(new BreakGlassCommand.ListGrants(environment,
                Clock.fixed(at, ZoneOffset.UTC)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        cli.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println(e.getMessage());
            return e instanceof UsageException ? ThreadlineCommand.USAGE : ThreadlineCommand.FAILURE;
        });
        return new String[] {String.valueOf(cli.execute(args)), out.toString()};
    }

    static final String[] DPO = {"--as", "LOCAL_AUTHORITY:DATA_PROTECTION_OFFICER", "--purpose",
        "GOVERNANCE.OVERSIGHT", "--user", "ig.team"};

    @Test
    void a_dpo_lists_each_grant_with_its_state_and_review_and_the_listing_is_audited() throws Exception {
        String[] live = run(GRANTED.plus(Duration.ofMinutes(90)), new StringWriter(), DPO);
        assertThat(live[0]).as(live[1]).isEqualTo("0");
        assertThat(live[1]).contains("2 grant(s): 2 live, 1 to review, 0 overdue.", "edt.one", "P0000011",
                "PLACE_OF_SAFETY: Child needs a place of safety", "under ISA-TL-CHILDREN@1, 1 notified",
                "review due " + GRANTED.plus(Duration.ofDays(3)),
                "reviewed NEEDS_FOLLOW_UP by dpo", "Ask the team manager");

        String[] later = run(GRANTED.plus(Duration.ofDays(4)), new StringWriter(), concat(DPO, "--to-review"));
        assertThat(later[1]).contains("1 grant(s): 0 live, 1 to review, 1 overdue.", "EXPIRED", "REVIEW OVERDUE",
                "edt.one").doesNotContain("edt.two");

        try (Database db = Database.open(environment, ThreadlineHome.fromEnvironment(environment).database());
             Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM audit_entry WHERE payload->>'actor' ="
                     + " 'ig.team' AND payload->>'action' = 'VIEW' AND payload->>'dataItem' = 'governance:break-glass'");
             ResultSet r = s.executeQuery()) {
            r.next();
            assertThat(r.getLong(1)).isEqualTo(2);
        }
    }

    @Test
    void anyone_but_a_dpo_overseeing_is_refused_with_a_usage_error_and_sees_no_grant() {
        String[] police = run(GRANTED, new StringWriter(), "--as", "POLICE:SAFEGUARDING_OFFICER", "--purpose",
                "SAFEGUARDING.CHILD.MASH_TRIAGE", "--case", "MASH-1", "--user", "pc.one");
        assertThat(police[0]).isEqualTo("2");
        assertThat(police[1]).contains("data protection officer").doesNotContain("P0000011", "edt.one");
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
