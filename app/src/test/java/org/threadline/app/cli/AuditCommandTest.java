package org.threadline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.app.audit.InstalledAuditLog;
import org.threadline.app.audit.WitnessFile;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.domain.governance.audit.AuditEvent;
import org.threadline.store.Database;
import org.threadline.store.audit.AuditStore;
import picocli.CommandLine;

/**
 * {@code audit verify} and {@code audit checkpoint} on a real log: it passes on an intact log, fails naming the
 * entry after a single-row edit made directly in PostgreSQL, passes again once the row is put back, and catches a
 * removed tail (with its checkpoints) through the checkpoint the first run remembered.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditCommandTest {
    @TempDir
    static Path folder;
    static Map<String, String> environment = new HashMap<>();
    static ThreadlineHome home;
    static String originalPayload;

    @BeforeAll
    static void appendSomeEvents() throws Exception {
        environment.put(ThreadlineHome.VARIABLE, folder.resolve("home").toString());
        String server = System.getenv("THREADLINE_TEST_DB_URL");
        if (server != null && !server.isBlank()) {
            environment.put(Database.URL, IngestCommandTest.freshSchema(server));
            environment.putAll(IngestCommandTest.environment);
            environment.put(ThreadlineHome.VARIABLE, folder.resolve("home").toString());
        }
        home = ThreadlineHome.fromEnvironment(environment).create();
        AuditStore store = InstalledAuditLog.store(home, Clock.fixed(Instant.parse("2026-05-01T12:00:00Z"),
                ZoneOffset.UTC));
        try (Database db = Database.open(environment, home.database());
             Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            for (int i = 0; i < 25; i++) {
                store.append(c, new AuditEvent("req-" + i, Instant.parse("2026-05-01T10:00:00Z").plusSeconds(i),
                        "user" + (i % 3), "social-care", List.of("practitioner"), "SAFEGUARDING.CHILD.MASH_TRIAGE",
                        "CASE-" + i, i % 4 == 0 ? AuditAction.DENY : AuditAction.VIEW, "subject-" + i, "chronology",
                        List.of("name", "events"), List.of(), "isa-mash@3"));
                c.commit();
            }
        }
    }

    static int run(Callable<Integer> command, StringWriter out, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli.execute(args);
    }

    static void sql(String... statements) throws SQLException {
        try (Database db = Database.open(environment, home.database());
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    @Test
    @Order(0)
    void the_audit_command_is_registered_and_lists_verify_and_checkpoint() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(ThreadlineCommand.execute(new String[] {"audit", "--help"}, new PrintWriter(out, true),
                new PrintWriter(err, true))).isZero();
        assertThat(out.toString()).contains("verify").contains("checkpoint");
        assertThat(ThreadlineCommand.execute(new String[] {"audit"}, new PrintWriter(out, true),
                new PrintWriter(err, true))).isEqualTo(2);
    }

    @Test
    @Order(1)
    void verify_passes_on_an_intact_log_and_remembers_the_latest_checkpoint() {
        StringWriter signed = new StringWriter();
        assertThat(run(new AuditCheckpointCommand(environment), signed)).as(signed.toString()).isZero();
        assertThat(signed.toString()).contains("checkpoint of 25 entries");

        StringWriter out = new StringWriter();
        int code = run(new AuditVerifyCommand(environment), out);

        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains(": intact.").contains("entries       25")
                .contains("checkpoints   1 verified").contains("now remembering the checkpoint of 25 entries");
        assertThat(WitnessFile.defaultPath(home)).exists();
    }

    @Test
    @Order(2)
    void verify_fails_naming_the_entry_after_a_single_row_edit_in_postgresql() throws Exception {
        try (Database db = Database.open(environment, home.database());
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT payload::text FROM audit_entry WHERE sequence = 12")) {
            rs.next();
            originalPayload = rs.getString(1);
        }
        sql("ALTER TABLE audit_entry DISABLE TRIGGER USER",
                "UPDATE audit_entry SET payload = jsonb_set(payload, '{subject}', '\"subject-99\"') WHERE sequence = 12",
                "ALTER TABLE audit_entry ENABLE TRIGGER USER");

        StringWriter out = new StringWriter();
        int code = run(new AuditVerifyCommand(environment), out);

        assertThat(code).as(out.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("NOT INTACT").contains("first bad entry: 12")
                .contains("entry 12: payload does not match its hash");
    }

    @Test
    @Order(3)
    void verify_passes_again_once_the_row_is_put_back() throws Exception {
        sql("ALTER TABLE audit_entry DISABLE TRIGGER USER",
                "UPDATE audit_entry SET payload = '" + originalPayload.replace("'", "''") + "'::jsonb WHERE sequence = 12",
                "ALTER TABLE audit_entry ENABLE TRIGGER USER");
        StringWriter out = new StringWriter();
        assertThat(run(new AuditVerifyCommand(environment), out)).as(out.toString()).isZero();
        assertThat(out.toString()).contains("still matches");
    }

    @Test
    @Order(4)
    void verify_catches_a_removed_tail_whose_checkpoints_were_removed_too() throws Exception {
        sql("ALTER TABLE audit_entry DISABLE TRIGGER USER", "ALTER TABLE audit_checkpoint DISABLE TRIGGER USER",
                "DELETE FROM audit_entry WHERE sequence >= 20", "DELETE FROM audit_checkpoint",
                "ALTER TABLE audit_entry ENABLE TRIGGER USER", "ALTER TABLE audit_checkpoint ENABLE TRIGGER USER");
        StringWriter out = new StringWriter();

        int code = run(new AuditVerifyCommand(environment), out);

        assertThat(code).as(out.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("entries 20..24 are missing")
                .contains("remembered by an earlier verification");
        assertThat(Files.readString(WitnessFile.defaultPath(home))).startsWith("25\n");
    }
}
