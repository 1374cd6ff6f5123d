package org.threadline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.app.people.PeopleBuilder;
import org.threadline.domain.chronology.EventVocabulary;
import org.threadline.domain.progress.Progress;
import org.threadline.linkage.model.ModelJson;
import org.threadline.store.Database;
import org.threadline.store.people.Build;
import org.threadline.store.people.PeopleStore;
import org.threadline.synth.GenerationOptions;
import org.threadline.synth.PopulationGenerator;
import org.threadline.synth.output.OutputFormat;
import picocli.CommandLine;

/**
 * The command line's reads of personal data ({@code people show}, {@code chronology}, {@code review list}) go
 * through the policy decision point and the audit log, on a generated population ingested and built in real
 * PostgreSQL on a day the shipped agreements are in force. Under MASH triage, housing and schools receive nothing
 * from other agencies (the children's agreement gives them no legal basis for it), police and social care do.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GovernedReadsTest {
    static final Clock CLOCK = Clock.fixed(TestEnvironment.DURING_THE_AGREEMENTS, ZoneOffset.UTC);
    static final String MASH = "SAFEGUARDING.CHILD.MASH_TRIAGE";

    @TempDir
    static Path folder;
    static Map<String, String> environment = new HashMap<>();
    static Path root;
    static String child;
    static String policed;

    @BeforeAll
    static void ingestAndBuild() throws Exception {
        Path population = folder.resolve("population");
        new PopulationGenerator().generate(GenerationOptions.of(150, 3, population, EnumSet.of(OutputFormat.CSV)),
                Progress.NONE);
        root = (Files.isDirectory(Path.of("config", "sources")) ? Path.of(".") : Path.of("..")).toAbsolutePath()
                .normalize();
        environment.put(ThreadlineHome.VARIABLE, folder.resolve("home").toString());
        TestEnvironment.useTestServerIfSet(environment);
        StringWriter out = new StringWriter();
        assertThat(TestEnvironment.ingest(environment, population, root, new PrintWriter(out, true)))
                .as(out.toString()).isZero();
        try (Database db = Database.open(environment, ThreadlineHome.fromEnvironment(environment).database())) {
            PeopleStore store = new PeopleStore(db.dataSource());
            new PeopleBuilder(store, EventVocabulary.read(root.resolve("config/chronology/events.yaml")),
                    ModelJson.read(root.resolve("config/models/people.json")), CLOCK, 2).build(line -> { });
            child = store.sampleChild().orElseThrow();
        }
        policed = text("SELECT person_id FROM person_record WHERE agency = 'police' AND person_id IN (SELECT"
                + " person_id FROM person_record WHERE agency <> 'police') ORDER BY person_id LIMIT 1");
        System.setProperty("threadline.root", root.toString());
        TestEnvironment.openCaseLinkingEveryone(environment, "MASH-7", "police", "housing");
        TestEnvironment.openCaseLinkingEveryone(environment, "MASH-8", "social-care", "schools");
        TestEnvironment.openCaseLinkingEveryone(environment, "MASH-9", "schools");
        TestEnvironment.openCaseLinkingEveryone(environment, "MASH-10", "police");
    }

    @AfterAll
    static void forgetRoot() {
        System.clearProperty("threadline.root");
    }

    record Run(int code, String out, String err) {
    }

    static Run run(Callable<Integer> command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println("threadline: " + UserMessages.describe(e));
            return e instanceof UsageException ? ThreadlineCommand.USAGE : ThreadlineCommand.FAILURE;
        });
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    static Run chronology(String... args) {
        return run(new ChronologyCommand(environment, CLOCK), args);
    }

    static Run show(String... args) {
        return run(new PeopleCommand.Show(environment, CLOCK), args);
    }

    @Test
    @Order(1)
    void reading_without_declaring_who_and_why_is_a_usage_error_and_reads_nothing() throws Exception {
        long before = count("audit_entry");

        Run none = chronology(child);
        Run noCase = chronology(child, "--as", "CHILDRENS_SOCIAL_CARE:SOCIAL_WORKER", "--purpose", MASH);
        Run wrongRole = show(child, "--as", "SCHOOLS:DESIGNATED_SAFEGUARDING_LEAD", "--purpose",
                "SAFEGUARDING.ADULT.S42", "--case", "S42-1");
        Run unknownAgency = show(child, "--as", "MI5:SOCIAL_WORKER", "--purpose", MASH, "--case", "MASH-1");

        assertThat(none.code()).isEqualTo(ThreadlineCommand.USAGE);
        assertThat(none.err()).contains("--as", "--purpose");
        assertThat(noCase.code()).isEqualTo(ThreadlineCommand.USAGE);
        assertThat(noCase.err()).contains("--case: Enter the case reference");
        assertThat(wrongRole.code()).isEqualTo(ThreadlineCommand.USAGE);
        assertThat(wrongRole.err()).contains("may not declare SAFEGUARDING.ADULT.S42");
        assertThat(unknownAgency.code()).isEqualTo(ThreadlineCommand.USAGE);
        assertThat(unknownAgency.err()).contains("no such agency 'MI5'");
        assertThat(none.out() + noCase.out() + wrongRole.out() + unknownAgency.out()).doesNotContain(child);
        assertThat(count("audit_entry")).isEqualTo(before);
    }

    @Test
    @Order(2)
    void people_show_releases_police_records_to_the_police_and_nothing_of_them_to_housing() throws Exception {
        List<String[]> police = rows("SELECT record_key, coalesce(identity->>'pnc_id', '') FROM person_record"
                + " WHERE agency = 'police' AND person_id = '" + policed + "'");
        assertThat(police).isNotEmpty();
        long before = count("audit_entry");

        Run asPolice = show(policed, "--as", "POLICE:SAFEGUARDING_OFFICER", "--purpose", MASH, "--case",
                "MASH-7", "--user", "test.police");
        Run asHousing = show(policed, "--as", "HOUSING:SAFEGUARDING_OFFICER", "--purpose", MASH, "--case",
                "MASH-7", "--user", "test.housing");

        assertThat(asPolice.code()).as(asPolice.err()).isZero();
        assertThat(asHousing.code()).as(asHousing.err()).isZero();
        assertThat(asHousing.out()).contains("Read as test.housing (housing: HOUSING_OPTIONS_OFFICER) for " + MASH
                + ", case MASH-7", "Withheld from you (counts and reasons only):", "source record(s) not shared"
                + " with you: no agreement shares this with your agency");
        for (String[] r : police) {
            assertThat(asPolice.out()).containsPattern(key(r[0]));
            assertThat(asHousing.out()).doesNotContainPattern(key(r[0]));
            if (!r[1].isBlank()) {
                assertThat(asHousing.out()).doesNotContain(r[1]);
            }
        }
        assertThat(asHousing.out()).doesNotContain("police");
        assertThat(count("audit_entry")).isGreaterThan(before);
        assertThat(count("audit_entry WHERE payload->>'actor' = 'test.housing' AND action = 'DENY' AND"
                + " payload->>'caseRef' = 'MASH-7' AND payload->>'purpose' = '" + MASH + "'")).isPositive();
        assertThat(count("audit_entry WHERE payload->>'actor' = 'test.police' AND action = 'VIEW' AND"
                + " payload->>'subject' = '" + policed + "'")).isPositive();
    }

    @Test
    @Order(3)
    void a_schools_chronology_shows_fewer_events_than_a_social_workers_and_counts_the_rest_with_reasons()
            throws Exception {
        String anchor = text("SELECT person_id FROM chronology_event WHERE agency = 'police' AND person_id IN"
                + " (SELECT person_id FROM chronology_event WHERE agency = 'schools') ORDER BY person_id LIMIT 1");

        Run social = chronology(anchor, "--json", "--as", "CHILDRENS_SOCIAL_CARE:SOCIAL_WORKER", "--purpose", MASH,
                "--case", "MASH-8");
        Run school = chronology(anchor, "--json", "--as", "SCHOOLS:DESIGNATED_SAFEGUARDING_LEAD", "--purpose", MASH,
                "--case", "MASH-8");
        Run schoolText = chronology(anchor, "--as", "SCHOOLS:DESIGNATED_SAFEGUARDING_LEAD", "--purpose", MASH,
                "--case", "MASH-8");

        assertThat(social.code()).as(social.err()).isZero();
        assertThat(school.code()).as(school.err()).isZero();
        JsonNode s = new ObjectMapper().readTree(social.out());
        JsonNode k = new ObjectMapper().readTree(school.out());
        List<String> schoolAgencies = new ArrayList<>();
        k.path("entries").forEach(e -> e.path("agencies").forEach(a -> schoolAgencies.add(a.asText())));
        assertThat(schoolAgencies).isNotEmpty().containsOnly("schools");
        List<String> socialAgencies = new ArrayList<>();
        s.path("entries").forEach(e -> e.path("agencies").forEach(a -> socialAgencies.add(a.asText())));
        assertThat(socialAgencies).contains("police");
        // Every event of the person is either shown (entries count the events they aggregate) or counted as not
        // shown: the two readers see different parts of the same whole.
        long events = count("chronology_event WHERE person_id = '" + anchor + "'");
        assertThat(shownPlusWithheld(s)).isEqualTo(events);
        assertThat(shownPlusWithheld(k)).isEqualTo(events);
        assertThat(k.path("withheld").path("events_not_shown").get(0).asText()).containsPattern(
                "\\d+ events? (are|is) not shown: .+");
        assertThat(k.path("read_as").path("agency").asText()).isEqualTo("schools");
        assertThat(schoolText.out()).contains("Chronology of " + anchor, "Withheld from you",
                "not shown:");
    }

    @Test
    @Order(4)
    void review_list_shows_a_pair_only_when_both_records_are_shared_with_the_reader() throws Exception {
        List<String[]> pairs = rows("SELECT a.record_key, b.record_key, a.agency, b.agency FROM review_item i"
                + " JOIN person_record a ON a.record_key = i.record_a JOIN person_record b ON b.record_key ="
                + " i.record_b");
        assertThat(pairs).isNotEmpty();

        Run asSchool = run(new ReviewCommand.ListQueue(environment, CLOCK), "--limit", "1000", "--as",
                "SCHOOLS:DESIGNATED_SAFEGUARDING_LEAD", "--purpose", MASH, "--case", "MASH-9");

        assertThat(asSchool.code()).as(asSchool.err()).isZero();
        int hidden = 0;
        for (String[] p : pairs) {
            if (!p[2].equals("schools") || !p[3].equals("schools")) {
                hidden++;
                assertThat(asSchool.out()).doesNotContainPattern(key(p[0]) + ".*  vs  ");
            }
        }
        assertThat(asSchool.out()).contains(pairs.size() + " item(s) for review",
                hidden == 0 ? "  nothing" : hidden + " of the items listed involve a record not shared with you");
    }

    @Test
    @Order(4)
    void a_case_manager_keeps_the_register_at_the_command_line_and_a_read_needs_an_open_case_linking_the_person()
            throws Exception {
        String as = "CHILDRENS_SOCIAL_CARE:SOCIAL_WORKER";
        String[] manage = {"--as", as, "--purpose", "CASEWORK.MANAGE_CASES", "--user", "cli.sw"};
        String[] read = {"--as", as, "--purpose", "SAFEGUARDING.CHILD.S47_ENQUIRY", "--case", "S47-2026-77",
            "--user", "cli.sw"};

        Run unknown = show(concat(new String[] {child}, read));
        assertThat(unknown.code()).isEqualTo(ThreadlineCommand.USAGE);
        assertThat(unknown.err()).contains("--case: Your agency has no case S47-2026-77 in its case register");
        assertThat(unknown.out()).doesNotContain(child);

        Run open = run(new CasesCommand.Open(environment, CLOCK), concat(new String[] {"S47-2026-77"}, manage));
        assertThat(open.code()).as(open.err()).isZero();
        assertThat(open.out()).contains("Case S47-2026-77 is open.", "Recorded in the audit log");
        Run notLinked = show(concat(new String[] {child}, read));
        assertThat(notLinked.code()).as(notLinked.err()).isZero();
        assertThat(notLinked.out()).contains("the case you declared does not link this person");

        Run link = run(new CasesCommand.Link(environment, CLOCK), concat(new String[] {"S47-2026-77", child},
                manage));
        assertThat(link.code()).as(link.err()).isZero();
        Run linked = show(concat(new String[] {child}, read));
        assertThat(linked.out()).doesNotContain("does not link this person");
        Run list = run(new CasesCommand.ListCases(environment, CLOCK), concat(new String[] {"--json"}, manage));
        JsonNode cases = new ObjectMapper().readTree(list.out());
        assertThat(cases.findValues("reference").stream().map(JsonNode::asText)).contains("S47-2026-77");
        assertThat(list.out()).contains("\"personId\" : \"" + child + "\"", "\"agency\" : \"social-care\"");

        assertThat(run(new CasesCommand.Unlink(environment, CLOCK), concat(new String[] {"S47-2026-77", child},
                manage)).code()).isZero();
        assertThat(run(new CasesCommand.Close(environment, CLOCK), concat(new String[] {"S47-2026-77"}, manage))
                .code()).isZero();
        Run twice = run(new CasesCommand.Close(environment, CLOCK), concat(new String[] {"S47-2026-77"}, manage));
        assertThat(twice.code()).isEqualTo(ThreadlineCommand.USAGE);
        assertThat(twice.err()).contains("REF: Case S47-2026-77 is closed");
        Run closed = show(concat(new String[] {child}, read));
        assertThat(closed.code()).isEqualTo(ThreadlineCommand.USAGE);
        assertThat(closed.err()).contains("--case: Case S47-2026-77 is closed");

        Run notManager = run(new CasesCommand.Open(environment, CLOCK), "LA-2026-1", "--as",
                "LOCAL_AUTHORITY:SOCIAL_WORKER", "--purpose", "CASEWORK.MANAGE_CASES", "--user", "cli.la");
        assertThat(notManager.code()).isEqualTo(ThreadlineCommand.USAGE);
        assertThat(notManager.err()).contains("config/governance/cases.yaml");

        assertThat(text("SELECT count(*) FROM audit_entry WHERE payload->>'actor' = 'cli.sw'"
                + " AND payload->>'action' = 'CASE_CHANGE'")).isEqualTo("4");
        assertThat(text("SELECT count(*) FROM audit_entry WHERE payload->>'actor' = 'cli.la'"
                + " AND payload->>'action' = 'DENY'")).isEqualTo("1");
    }

    @Test
    @Order(4)
    void a_case_manager_sees_at_the_command_line_what_a_split_left_to_check_and_dismisses_it() throws Exception {
        String[] manage = {"--as", "CHILDRENS_SOCIAL_CARE:SOCIAL_WORKER", "--purpose", "CASEWORK.MANAGE_CASES",
            "--user", "cli.sw2"};
        assertThat(run(new CasesCommand.Open(environment, CLOCK), concat(new String[] {"S47-2026-88"}, manage))
                .code()).isZero();
        assertThat(run(new CasesCommand.Link(environment, CLOCK), concat(new String[] {"S47-2026-88", child},
                manage)).code()).isZero();
        String other = text("SELECT person_id FROM person WHERE person_id <> '" + child + "' AND state <> 'RETIRED'"
                + " ORDER BY person_id LIMIT 1");
        // As a people build that split the child would leave it: some of the child's records went to `other`.
        long build = Long.parseLong(text("SELECT max(id) FROM link_run"));
        try (Database db = open(); Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            new org.threadline.store.governance.CaseLinkSuccession(java.util.Optional.of(
                    org.threadline.app.audit.InstalledAuditLog.store(ThreadlineHome.fromEnvironment(environment)
                            .create(), CLOCK))).follow(c,
                    org.threadline.store.governance.CaseLinkSuccession.Via.PEOPLE_BUILD, build,
                    java.util.Optional.empty(), List.of(new org.threadline.store.governance.PersonLineage(child,
                            other, org.threadline.store.governance.PersonLineage.Kind.SPLIT)), CLOCK.instant());
            c.commit();
        }

        Run list = run(new CasesCommand.ListCases(environment, CLOCK), manage);
        assertThat(list.out()).contains("TO CHECK: " + other + " (records from " + child,
                "cases link S47-2026-88 " + other, "cases dismiss S47-2026-88 " + other);
        Run dismiss = run(new CasesCommand.Dismiss(environment, CLOCK), concat(new String[] {"S47-2026-88", other},
                manage));
        assertThat(dismiss.code()).as(dismiss.err()).isZero();
        assertThat(dismiss.out()).contains("no longer asks you to check " + other, "Recorded in the audit log");
        assertThat(run(new CasesCommand.ListCases(environment, CLOCK), manage).out())
                .doesNotContain("TO CHECK: " + other);
        assertThat(run(new CasesCommand.ListCases(environment, CLOCK), concat(new String[] {"--json"}, manage))
                .out()).contains("\"toPerson\" : \"" + other + "\"", "\"settledHow\" : \"DISMISSED\"");
        Run again = run(new CasesCommand.Dismiss(environment, CLOCK), concat(new String[] {"S47-2026-88", other},
                manage));
        assertThat(again.code()).isEqualTo(ThreadlineCommand.USAGE);
        assertThat(again.err()).contains("has nothing to check about " + other);
        assertThat(text("SELECT count(*) FROM audit_entry WHERE payload->>'actor' = 'cli.sw2'"
                + " AND payload->'reasonCodes' @> '[\"CHECK_DISMISSED\"]'")).isEqualTo("1");
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    @Order(4)
    void a_marker_set_at_the_command_line_refuses_what_its_rule_covers_to_the_next_read_until_removed()
            throws Exception {
        String[] pupil = rows("SELECT r.person_id, r.record_key FROM person_record r WHERE r.definition_id ="
                + " 'schools-pupils' AND r.person_id IN (SELECT person_id FROM person_record WHERE agency = 'police')"
                + " ORDER BY r.person_id DESC LIMIT 1").get(0);
        String[] officer = {"--as", "LOCAL_AUTHORITY:DATA_PROTECTION_OFFICER", "--purpose", "GOVERNANCE.OVERSIGHT",
            "--user", "test.dpo"};
        String[] police = {"--as", "POLICE:SAFEGUARDING_OFFICER", "--purpose", MASH, "--case", "MASH-7"};
        assertThat(show(concat(new String[] {pupil[0]}, police)).out()).containsPattern(key(pupil[1]));

        Run set = run(new MarkersCommand.Set(environment, CLOCK), concat(new String[] {pupil[0],
            "SEALED_ADOPTION_RECORD", "--reason", "adoption order: earlier records sealed"}, officer));
        Run sealed = show(concat(new String[] {pupil[0]}, police));
        Run unknown = run(new MarkersCommand.Set(environment, CLOCK), concat(new String[] {pupil[0], "VIP",
            "--reason", "famous"}, officer));
        Run notOfficer = run(new MarkersCommand.Set(environment, CLOCK), concat(new String[] {pupil[0],
            "RESTRICTED_RECORD", "--reason", "staff"}, police));
        Run removed = run(new MarkersCommand.Remove(environment, CLOCK), concat(new String[] {pupil[0],
            "SEALED_ADOPTION_RECORD", "--reason", "marked in error: wrong child"}, officer));
        Run list = run(new MarkersCommand.ListMarkers(environment, CLOCK), concat(new String[] {pupil[0]}, officer));

        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).contains(pupil[0] + " is marked SEALED_ADOPTION_RECORD", "Recorded in the audit log");
        assertThat(sealed.code()).as(sealed.err()).isZero();
        assertThat(sealed.out()).doesNotContainPattern(key(pupil[1])).contains("sealed-adoption",
                "pre-adoption records are sealed");
        assertThat(unknown.code()).isEqualTo(ThreadlineCommand.USAGE);
        assertThat(unknown.err()).contains("MARKER: 'VIP' is not a marker any agreement acts on",
                "REFUGE_ADDRESS, RESTRICTED_RECORD, SEALED_ADOPTION_RECORD");
        assertThat(notOfficer.code()).isEqualTo(ThreadlineCommand.USAGE);
        assertThat(notOfficer.err()).contains("data protection officer");
        assertThat(removed.code()).as(removed.err()).isZero();
        assertThat(list.out()).contains("SEALED_ADOPTION_RECORD  REMOVED", "by test.dpo: adoption order",
                "by test.dpo: marked in error: wrong child");
        assertThat(show(concat(new String[] {pupil[0]}, police)).out()).containsPattern(key(pupil[1]));
        assertThat(count("audit_entry WHERE action = 'SUBJECT_MARKER' AND payload->>'subject' = '" + pupil[0]
                + "'")).isEqualTo(2);
        assertThat(count("audit_entry WHERE action = 'DENY' AND payload->>'dataItem' = 'subject-markers'"))
                .isEqualTo(1);
    }

    @Test
    @Order(5)
    void nothing_is_printed_when_the_audit_log_cannot_record_the_read() throws Exception {
        sql("ALTER TABLE audit_entry RENAME TO audit_entry_away");
        Run run;
        try {
            run = show(policed, "--as", "POLICE:SAFEGUARDING_OFFICER", "--purpose", MASH, "--case", "MASH-10");
        } finally {
            sql("ALTER TABLE audit_entry_away RENAME TO audit_entry");
        }

        assertThat(run.code()).isEqualTo(ThreadlineCommand.FAILURE);
        assertThat(run.err()).contains("audit event(s)", "failed");
        assertThat(run.out()).doesNotContain(policed).doesNotContain("Source records");
    }

    @Test
    @Order(6)
    void the_audit_log_verifies_after_the_governed_reads_and_refusals() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new AuditVerifyCommand(environment));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));

        assertThat(cli.execute()).as(out.toString()).isZero();
    }

    private static long shownPlusWithheld(JsonNode chronology) {
        long shown = 0;
        for (JsonNode e : chronology.path("entries")) {
            shown += e.path("count").asLong();
        }
        JsonNode notShown = chronology.path("withheld").path("events_not_shown");
        long withheld = notShown.isEmpty() ? 0 : Long.parseLong(notShown.get(0).asText().split(" ")[0]);
        return shown + withheld;
    }

    /** A record key ({@code file:row[:part]}) as a whole token, not inside a longer number or time. */
    static String key(String recordKey) {
        return "(?<![\\d:])" + Pattern.quote(recordKey) + "(?![\\d:])";
    }

    static Database open() {
        return Database.open(environment, ThreadlineHome.fromEnvironment(environment).database());
    }

    static void sql(String statement) throws SQLException {
        try (Database db = open(); Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    static String text(String query) throws SQLException {
        List<String[]> r = rows(query);
        assertThat(r).as(query).isNotEmpty();
        return r.get(0)[0];
    }

    static List<String[]> rows(String query) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Database db = open(); Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getString(i + 1);
                }
                out.add(row);
            }
        }
        return out;
    }

    static long count(String from) throws SQLException {
        return Long.parseLong(text("SELECT count(*) FROM " + from));
    }
}
