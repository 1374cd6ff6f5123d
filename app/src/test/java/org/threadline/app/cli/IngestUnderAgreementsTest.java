package org.threadline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.domain.governance.agreements.AgreementRegistry;
import org.threadline.domain.governance.agreements.FeedCoverage;
import org.threadline.domain.progress.Progress;
import org.threadline.intake.source.SourceDefinition;
import org.threadline.intake.source.SourceDefinitions;
import org.threadline.store.Database;
import org.threadline.synth.GenerationOptions;
import org.threadline.synth.PopulationGenerator;
import org.threadline.synth.output.OutputFormat;
import picocli.CommandLine;

/**
 * Agreements drive intake: {@code ingest} takes a feed in only while a live agreement covers it, on real PostgreSQL
 * (embedded under a temporary THREADLINE_HOME, or a fresh schema of THREADLINE_TEST_DB_URL). "Now" is the injected
 * clock, so the shipped agreements can be seen in force, overdue for review and expired.
 */
class IngestUnderAgreementsTest {
    static final Instant DURING = TestEnvironment.DURING_THE_AGREEMENTS;

    @TempDir
    static Path folder;
    static Path extracts;
    static Path root;
    static Map<String, String> environment = new HashMap<>();

    @BeforeAll
    static void generate() throws Exception {
        Path population = folder.resolve("population");
        new PopulationGenerator().generate(GenerationOptions.of(80, 5, population, EnumSet.of(OutputFormat.CSV)),
                Progress.NONE);
        extracts = population.resolve("extracts");
        environment.put(ThreadlineHome.VARIABLE, folder.resolve("home").toString());
        TestEnvironment.useTestServerIfSet(environment);
        root = (Files.isDirectory(Path.of("config", "sources")) ? Path.of(".") : Path.of("..")).toAbsolutePath()
                .normalize();
        System.setProperty("threadline.root", root.toString());
    }

    @AfterAll
    static void forgetRoot() {
        System.clearProperty("threadline.root");
    }

    private record Run(int code, String out) {
    }

    private static Run ingest(Instant now, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new IngestCommand(environment, Clock.fixed(now, ZoneOffset.UTC)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        cli.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println("threadline: " + UserMessages.describe(e));
            return ThreadlineCommand.FAILURE;
        });
        return new Run(cli.execute(args), out.toString());
    }

    /** A copy of a generated extract with one more line break: new content, so never "already loaded". */
    private static Path copy(String extract, String name) throws IOException {
        Path target = folder.resolve("copies").resolve(name);
        Files.createDirectories(target.getParent());
        return Files.writeString(target, Files.readString(extracts.resolve(extract)) + "\n");
    }

    private static String definition(String id) {
        return root.resolve("config/sources/" + id + ".yaml").toString();
    }

    @Test
    void a_feed_that_an_agreement_in_force_covers_loads_and_the_line_names_the_agreement() throws Exception {
        Path file = copy("police/custody.csv", "custody-covered.csv");

        Run run = ingest(DURING, "--source", definition("police-custody"), file.toString());

        assertThat(run.code()).as(run.out()).isZero();
        assertThat(run.out()).contains("police-custody v1", "under ISA-TL-CHILDREN@1").doesNotContain("refused");
        assertThat(count("landed_file WHERE original_name = 'custody-covered.csv'")).isOne();
        assertThat(decisions("police-custody")).contains("[\"FEED_ACCEPTED\"] ISA-TL-CHILDREN@1");
    }

    @Test
    void a_load_whose_audit_entry_cannot_be_written_is_rolled_back() throws Exception {
        Path file = copy("police/custody.csv", "custody-without-audit.csv");
        sql("ALTER TABLE audit_entry RENAME TO audit_entry_away");
        Run run;
        try {
            run = ingest(DURING, "--source", definition("police-custody"), file.toString());
        } finally {
            sql("ALTER TABLE audit_entry_away RENAME TO audit_entry");
        }

        assertThat(run.code()).isEqualTo(ThreadlineCommand.FAILURE);
        assertThat(run.out()).contains("audit");
        assertThat(count("landed_file WHERE original_name = 'custody-without-audit.csv'")).isZero();
    }

    @Test
    void a_feed_no_agreement_covers_is_refused_naming_file_definition_and_agency_and_nothing_of_it_is_kept()
            throws Exception {
        Path adultsOnly = agreementsFolder("adults-only", List.of("isa-adults-safeguarding.yaml"));
        Path file = copy("schools/pupils.csv", "pupils-uncovered.csv");

        Run run = ingest(DURING, "--agreements", adultsOnly.toString(), "--source", definition("schools-pupils"),
                file.toString());

        assertThat(run.code()).isEqualTo(ThreadlineCommand.FAILURE);
        assertThat(run.out()).contains("pupils-uncovered.csv", "schools-pupils v1", "refused:",
                "no agreement in force on 2026-10-01 covers feed schools-pupils v1 from agency 'schools'",
                "no agreement has a data item for feed 'schools-pupils' provided by 'schools'",
                "nothing of pupils-uncovered.csv was loaded or kept", "1 file(s) refused");
        assertThat(count("landed_file WHERE original_name = 'pupils-uncovered.csv'")).isZero();
        assertThat(keptCopies("pupils-uncovered.csv")).isZero();
        assertThat(decisions("schools-pupils")).containsExactly("[\"FEED_REFUSED\", \"NO_AGREEMENT\"] ");
    }

    @Test
    void an_expired_agreement_stops_the_feed_and_says_when_it_expired() throws Exception {
        Path file = copy("schools/attendance.csv", "attendance-after-expiry.csv");

        Run run = ingest(Instant.parse("2029-04-01T09:00:00Z"), "--source", definition("schools-attendance"),
                file.toString());

        assertThat(run.code()).isEqualTo(ThreadlineCommand.FAILURE);
        assertThat(run.out()).contains("attendance-after-expiry.csv", "schools-attendance v1",
                "from agency 'schools'", "agreement expired: ISA-TL-CHILDREN@1 expired on 2029-03-31");
        assertThat(count("landed_file WHERE original_name = 'attendance-after-expiry.csv'")).isZero();
        assertThat(keptCopies("attendance-after-expiry.csv")).isZero();
        assertThat(decisions("schools-attendance")).contains("[\"FEED_REFUSED\", \"EXPIRED\"] ISA-TL-CHILDREN@1");
    }

    @Test
    void an_agreement_overdue_for_review_stops_new_sharing_and_says_since_when() throws Exception {
        Path file = copy("social-care/referrals.csv", "referrals-overdue.csv");

        Run run = ingest(Instant.parse("2029-02-15T09:00:00Z"), "--source", definition("social-care-referrals"),
                file.toString());

        assertThat(run.code()).isEqualTo(ThreadlineCommand.FAILURE);
        assertThat(run.out()).contains("referrals-overdue.csv", "social-care-referrals v1",
                "agreement review overdue: ISA-TL-CHILDREN@1 was due for review on 2029-01-31");
        assertThat(count("landed_file WHERE original_name = 'referrals-overdue.csv'")).isZero();
    }

    @Test
    void a_re_signed_copy_of_the_agreement_whose_dates_are_past_stops_the_feed_today() throws Exception {
        Path past = agreementsFolder("past", List.of());
        Path agreement = past.resolve("isa-children-safeguarding.yaml");
        Files.writeString(agreement, Files.readString(root.resolve("config/agreements/isa-children-safeguarding.yaml"))
                .replace("validFrom: 2026-04-01", "validFrom: 2025-04-01")
                .replace("validTo: 2029-03-31", "validTo: 2026-03-31")
                .replace("reviewDue: 2029-01-31", "reviewDue: 2026-01-31"));
        StringWriter signing = new StringWriter();
        int signed = ThreadlineCommand.execute(new String[] {"agreements", "sign", "--demo", "--keys",
            past.resolve("keys/trusted-keys.yaml").toString(), agreement.toString()}, new PrintWriter(signing, true),
                new PrintWriter(signing, true));
        assertThat(signed).as(signing.toString()).isZero();
        assertThat(signing.toString()).contains("signed ISA-TL-CHILDREN@1 (checks)");
        Path file = copy("police/incident_persons.csv", "incidents-past-agreement.csv");

        Run run = ingest(DURING, "--agreements", past.toString(), "--source", definition("police-incident-persons"),
                file.toString());

        assertThat(run.code()).isEqualTo(ThreadlineCommand.FAILURE);
        assertThat(run.out()).contains("incidents-past-agreement.csv", "police-incident-persons v1",
                "from agency 'police'", "agreement expired: ISA-TL-CHILDREN@1 expired on 2026-03-31");
        assertThat(count("landed_file WHERE original_name = 'incidents-past-agreement.csv'")).isZero();
    }

    @Test
    void agreements_that_do_not_check_stop_ingest_before_anything_is_loaded() throws Exception {
        Path broken = agreementsFolder("broken", List.of());
        Files.writeString(broken.resolve("isa-children-safeguarding.yaml"), Files.readString(
                root.resolve("config/agreements/isa-children-safeguarding.yaml")).replace("P6Y", "P9Y"));
        Path file = copy("police/custody.csv", "custody-broken-agreements.csv");

        Run run = ingest(DURING, "--agreements", broken.toString(), "--source", definition("police-custody"),
                file.toString());

        assertThat(run.code()).isEqualTo(ThreadlineCommand.FAILURE);
        assertThat(run.out()).contains("do not check, so nothing is loaded", "does not verify");
        assertThat(count("landed_file WHERE original_name = 'custody-broken-agreements.csv'")).isZero();
    }

    @Test
    void every_shipped_source_definition_is_covered_by_the_shipped_agreements_while_they_are_in_force() {
        AgreementRegistry shipped = AgreementRegistry.load(root.resolve("config/agreements"));
        List<SourceDefinition> definitions = SourceDefinitions.loadAll(root.resolve("config/sources")).all();
        List<String> uncovered = new ArrayList<>();

        for (SourceDefinition d : definitions) {
            FeedCoverage c = shipped.coversFeed(d.agency(), d.id(), LocalDate.ofInstant(DURING, ZoneOffset.UTC));
            if (!c.covered()) {
                uncovered.add(d.reference() + " (" + d.agency() + "): " + ((FeedCoverage.NotCovered) c).detail());
            }
        }

        assertThat(definitions).hasSizeGreaterThanOrEqualTo(17);
        assertThat(uncovered).as("a feed in config/sources needs an agreement in config/agreements").isEmpty();
    }

    /** A copy of the shipped agreements folder with its keys (and demo signing keys) and only the named files. */
    private static Path agreementsFolder(String name, List<String> files) throws IOException {
        Path shipped = root.resolve("config/agreements");
        Path target = folder.resolve("agreements-" + name);
        Files.createDirectories(target.resolve("keys/demo"));
        Files.copy(shipped.resolve("keys/trusted-keys.yaml"), target.resolve("keys/trusted-keys.yaml"));
        try (Stream<Path> demo = Files.list(shipped.resolve("keys/demo"))) {
            for (Path key : demo.toList()) {
                Files.copy(key, target.resolve("keys/demo").resolve(key.getFileName()));
            }
        }
        for (String f : files) {
            Files.copy(shipped.resolve(f), target.resolve(f));
        }
        return target;
    }

    private static long keptCopies(String name) throws IOException {
        Path landed = folder.resolve("home").resolve("landed");
        if (!Files.isDirectory(landed)) {
            return 0;
        }
        try (Stream<Path> kept = Files.walk(landed)) {
            return kept.filter(p -> p.getFileName().toString().equals(name)).count();
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Database db = Database.open(environment, ThreadlineHome.fromEnvironment(environment).database());
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** The reason codes and agreement of every intake decision about a feed recorded in the audit log. */
    private static List<String> decisions(String feed) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Database db = Database.open(environment, ThreadlineHome.fromEnvironment(environment).database());
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT payload->>'reasonCodes', payload->>'agreement' FROM audit_entry"
                     + " WHERE action = 'SHARE_DECISION' AND payload->>'dataItem' = '" + feed + "' ORDER BY sequence")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return out;
    }

    private static long count(String from) throws SQLException {
        try (Database db = Database.open(environment, ThreadlineHome.fromEnvironment(environment).database());
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + from)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
