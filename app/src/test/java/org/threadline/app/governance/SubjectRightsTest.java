package org.threadline.app.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.app.audit.AuditKeyFiles;
import org.threadline.app.audit.InstalledAuditLog;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.app.people.PeopleBuilder;
import org.threadline.domain.governance.agreements.Agreements;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.domain.governance.audit.AuditEvent;
import org.threadline.domain.governance.audit.CheckpointKeys;
import org.threadline.store.Database;
import org.threadline.store.audit.AuditLogVerification;
import org.threadline.store.audit.AuditStore;
import org.threadline.store.governance.RowKey;
import org.threadline.store.governance.SubjectStore;
import org.threadline.store.people.PeopleStore;

/**
 * Subject access, erasure and retention on a generated 300-person population ingested and built in real PostgreSQL
 * (embedded, or a fresh schema on THREADLINE_TEST_DB_URL). Indicator results and alerts are written as the indicator
 * engine's stores write them, citing real events.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubjectRightsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

    @TempDir
    static Path folder;
    static org.threadline.app.people.TestPopulation built;
    static Path root;
    static ThreadlineHome home;
    static Database database;
    static PeopleStore store;
    static PeopleBuilder builder;
    static AuditStore audit;
    static DisclosureRules rules;
    static Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @BeforeAll
    static void ingestAndBuildAPopulation() throws Exception {
        built = org.threadline.app.people.TestPopulation.built(folder, 300, 11,
                Clock.fixed(Instant.parse("2026-04-01T09:00:00Z"), ZoneOffset.UTC));
        root = built.root();
        home = built.home();
        database = built.database();
        store = built.store();
        builder = built.builder();
        audit = InstalledAuditLog.store(home, clock);
        rules = DisclosureRules.read(root.resolve("config/governance/subject-access.yaml"));
    }

    @AfterAll
    static void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void an_export_holds_every_record_with_its_source_and_who_looked_and_is_itself_audited() throws Exception {
        String person = first("SELECT r.person_id FROM person_record r WHERE EXISTS (SELECT 1 FROM relationship x"
                + " WHERE x.from_person = r.person_id) AND NOT EXISTS (SELECT 1 FROM chronology_event e WHERE"
                + " e.person_id = r.person_id AND e.role = 'SUSPECT') GROUP BY r.person_id"
                + " HAVING count(DISTINCT r.agency) >= 2 ORDER BY r.person_id");
        String event = first("SELECT event_id FROM chronology_event WHERE person_id = '" + person + "' LIMIT 1");
        indicatorAndAlert(person, event);
        appendView(person, "SAFEGUARDING.CHILD.MASH_TRIAGE", NOW.minus(Duration.ofDays(3)));

        SubjectAccess.Export export = new SubjectAccess(database.dataSource(), audit, rules, clock).export(
                new SubjectAccess.Request(person, "dpo.one", "social-care", "request by letter of 2026-11-18"),
                folder.resolve("sar1"));

        JsonNode doc = JSON.readTree(export.json().toFile());
        assertThat(doc.path("records")).hasSize(count("SELECT count(*) FROM person_record WHERE person_id = '"
                + person + "'"));
        assertThat(doc.path("events")).hasSize(count("SELECT count(*) FROM chronology_event WHERE person_id = '"
                + person + "'"));
        assertThat(doc.path("relationships")).hasSize(count("SELECT count(*) FROM relationship WHERE from_person = '"
                + person + "' OR to_person = '" + person + "'"));
        assertThat(doc.path("source_rows")).isNotEmpty().allSatisfy(r -> {
            assertThat(r.path("cells").isArray()).isTrue();
            assertThat(r.path("file_name").asText()).endsWith(".csv");
            assertThat(r.path("agency").asText()).isNotBlank();
            assertThat(r.path("landed_at").asText()).isNotBlank();
        });
        assertThat(doc.path("indicator_results")).hasSize(1);
        assertThat(doc.path("alerts")).hasSize(1);
        assertThat(doc.path("alerts").get(0).path("steps")).hasSize(1);
        assertThat(doc.path("accessed_by")).anySatisfy(a -> assertThat(a.path("purpose").asText())
                .isEqualTo("SAFEGUARDING.CHILD.MASH_TRIAGE"));
        assertThat(doc.path("withheld")).isEmpty();
        assertThat(Files.readString(export.page())).contains("Who accessed this record", "Nothing was withheld");
        assertThat(first("SELECT action || ' ' || (payload->>'subject') || ' ' || (payload->>'actor') FROM audit_entry"
                + " WHERE sequence = " + export.auditSequence())).isEqualTo("EXPORT " + person + " dpo.one");
        assertThat(first("SELECT payload->>'reasonCodes' FROM audit_entry WHERE sequence = " + export.auditSequence()))
                .contains("REASON=request by letter of 2026-11-18");
    }

    @Test
    @Order(2)
    void a_suspects_export_withholds_the_domestic_incident_and_names_only_the_rule() throws Exception {
        String[] suspect = firstRow("SELECT s.person_id, s.event_id, s.facts->>'occurrence_ref',"
                + " (s.sources->0->>'fileId') || ':' || (s.sources->0->>'rowNumber') FROM chronology_event s"
                + " WHERE s.type = 'DOMESTIC_ABUSE_INCIDENT' AND s.role = 'SUSPECT' AND EXISTS (SELECT 1 FROM"
                + " chronology_event v WHERE v.facts->>'occurrence_ref' = s.facts->>'occurrence_ref' AND v.role ="
                + " 'VICTIM' AND v.person_id <> s.person_id) ORDER BY s.event_id LIMIT 1");
        String person = suspect[0];

        SubjectAccess.Export export = new SubjectAccess(database.dataSource(), audit, rules, clock).export(
                new SubjectAccess.Request(person, "dpo.one", "police", "subject access request"),
                folder.resolve("sar2"));

        String text = Files.readString(export.json()) + Files.readString(export.page());
        assertThat(export.withheld()).extracting(SubjectAccess.Withheld::rule).contains("domestic-abuse-suspect");
        assertThat(text).doesNotContain(suspect[1]).doesNotContain(suspect[2]);
        JsonNode doc = JSON.readTree(export.json().toFile());
        String[] row = suspect[3].split(":");
        assertThat(doc.path("source_rows")).noneSatisfy(r -> assertThat(r.path("file_id").asText() + ":"
                + r.path("row_number").asText()).isEqualTo(row[0] + ":" + row[1]));
        assertThat(doc.path("withheld").toString()).contains("domestic-abuse-suspect");
        assertThat(first("SELECT payload->>'reasonCodes' FROM audit_entry WHERE sequence = "
                + export.auditSequence())).contains("WITHHELD:domestic-abuse-suspect=");
    }

    @Test
    @Order(3)
    void access_under_a_recent_police_investigation_is_delayed_and_older_access_is_shown() throws Exception {
        String person = first("SELECT person_id FROM person ORDER BY person_id DESC LIMIT 1");
        appendView(person, "POLICE.INVESTIGATION.CHILD_ABUSE", NOW.minus(Duration.ofDays(10)));
        appendView(person, "POLICE.INVESTIGATION.CHILD_ABUSE", NOW.minus(Duration.ofDays(400)));
        appendView(person, "SAFEGUARDING.CHILD.MASH_TRIAGE", NOW.minus(Duration.ofDays(10)));

        SubjectAccess.Export export = new SubjectAccess(database.dataSource(), audit, rules, clock).export(
                new SubjectAccess.Request(person, "dpo.one", "social-care", "subject access request"),
                folder.resolve("sar3"));

        List<String> shown = new ArrayList<>();
        export.document().path("accessed_by").forEach(a -> shown.add(a.path("purpose").asText() + " "
                + a.path("recorded_at").asText().substring(0, 10)));
        assertThat(shown).containsExactlyInAnyOrder("POLICE.INVESTIGATION.CHILD_ABUSE 2025-10-16",
                "SAFEGUARDING.CHILD.MASH_TRIAGE 2026-11-10");
        assertThat(export.withheld()).containsExactly(new SubjectAccess.Withheld("recent-police-investigation",
                rules.rules().get(1).reason(), 1));
    }

    @Test
    @Order(3)
    void a_persons_markers_are_exported_with_why_and_a_sealed_adoption_marker_is_withheld_naming_only_the_rule()
            throws Exception {
        String person = first("SELECT p.person_id FROM person p WHERE NOT EXISTS (SELECT 1 FROM chronology_event e"
                + " WHERE e.person_id = p.person_id AND e.role = 'SUSPECT') ORDER BY p.person_id LIMIT 1 OFFSET 5");
        marker(person, "RESTRICTED_RECORD", "a member of staff's child", NOW.minus(Duration.ofDays(30)));
        marker(person, "SEALED_ADOPTION_RECORD", "pre-adoption records sealed by order of the court",
                NOW.minus(Duration.ofDays(20)));

        SubjectAccess.Export export = new SubjectAccess(database.dataSource(), audit, rules, clock).export(
                new SubjectAccess.Request(person, "dpo.one", "social-care", "subject access request"),
                folder.resolve("sar-markers"));

        JsonNode markers = JSON.readTree(export.json().toFile()).path("markers");
        assertThat(markers).singleElement().satisfies(m -> {
            assertThat(m.path("marker").asText()).isEqualTo("RESTRICTED_RECORD");
            assertThat(m.path("set_reason").asText()).isEqualTo("a member of staff's child");
            assertThat(m.path("set_by").asText()).isEqualTo("dpo.one");
            assertThat(m.has("person_id")).isFalse();
        });
        String text = Files.readString(export.json()) + Files.readString(export.page());
        assertThat(text).doesNotContain("SEALED_ADOPTION_RECORD").doesNotContain("sealed by order of the court");
        // the marker and the audit entry of its setting
        assertThat(export.withheld()).containsExactly(new SubjectAccess.Withheld("adoption-records",
                rules.rules().get(2).reason(), 2));
        assertThat(export.document().path("accessed_by")).anySatisfy(a -> assertThat(a.path("fields").toString())
                .contains("marker=RESTRICTED_RECORD"));
        assertThat(Files.readString(export.page())).contains("Restrictions placed on this record",
                "a member of staff's child");
    }

    /** Sets a marker as the DPO would: the row and its SUBJECT_MARKER audit entry in one transaction. */
    private static void marker(String person, String marker, String reason, Instant at) throws Exception {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            assertThat(new org.threadline.store.governance.SubjectMarkerStore(database.dataSource()).set(c, person,
                    marker, "dpo.one", reason, at)).isEqualTo(org.threadline.store.governance.SubjectMarkerStore
                    .Outcome.DONE);
            audit.append(c, new AuditEvent(UUID.randomUUID().toString(), at, "dpo.one", "social-care",
                    List.of("DATA_PROTECTION_OFFICER"), "GOVERNANCE.OVERSIGHT", "", AuditAction.SUBJECT_MARKER, person,
                    "subject-markers", List.of("marker=" + marker), List.of("SET"), ""));
            c.commit();
        }
    }

    @Test
    @Order(3)
    void an_alerts_evidence_rectified_mark_is_exported_with_it_and_withheld_with_it() throws Exception {
        // A person with nothing withheld, and an alert citing one of their events, whose row was then corrected.
        String person = first("SELECT r.person_id FROM person_record r WHERE NOT EXISTS (SELECT 1 FROM chronology_event"
                + " e WHERE e.person_id = r.person_id AND e.role = 'SUSPECT') AND EXISTS (SELECT 1 FROM"
                + " chronology_event e WHERE e.person_id = r.person_id GROUP BY e.person_id HAVING count(*) >= 2)"
                + " GROUP BY r.person_id ORDER BY r.person_id DESC LIMIT 1");
        String[] events = firstRow("SELECT min(event_id), max(event_id) FROM chronology_event WHERE person_id = '"
                + person + "'");
        String marked = indicatorAndAlert(person, events[0]);
        String unmarked = indicatorAndAlert(person, events[1]);
        rectified(events[0], Instant.parse("2026-11-19T14:05:06Z"));
        // A suspect's alert citing the domestic incident the rules withhold from them, its evidence also rectified.
        String[] suspect = firstRow("SELECT s.person_id, s.event_id FROM chronology_event s WHERE s.type ="
                + " 'DOMESTIC_ABUSE_INCIDENT' AND s.role = 'SUSPECT' AND EXISTS (SELECT 1 FROM chronology_event v"
                + " WHERE v.facts->>'occurrence_ref' = s.facts->>'occurrence_ref' AND v.role = 'VICTIM' AND"
                + " v.person_id <> s.person_id) ORDER BY s.event_id LIMIT 1");
        String withheld = indicatorAndAlert(suspect[0], suspect[1]);
        rectified(suspect[1], Instant.parse("2026-11-17T13:14:15Z"));

        SubjectAccess access = new SubjectAccess(database.dataSource(), audit, rules, clock);
        SubjectAccess.Export export = access.export(new SubjectAccess.Request(person, "dpo.one", "social-care",
                "subject access request"), folder.resolve("sar-rectified"));
        JsonNode alerts = JSON.readTree(export.json().toFile()).path("alerts");
        assertThat(alerts).filteredOn(a -> a.path("alert_id").asText().equals(marked)).singleElement()
                .satisfies(a -> assertThat(a.path("evidence_rectified")).singleElement().satisfies(m -> {
                    assertThat(m.path("rectified_at").asText()).isEqualTo("2026-11-19T14:05:06Z");
                    assertThat(m.path("notice").asText()).isEqualTo(SubjectAccess.RECTIFIED_NOTICE);
                }));
        assertThat(alerts).filteredOn(a -> a.path("alert_id").asText().equals(unmarked)).singleElement()
                .satisfies(a -> assertThat(a.path("evidence_rectified")).isEmpty());
        assertThat(Files.readString(export.page())).contains("|evidence_rectified|",
                "rectified\\_at: 2026-11-19T14:05:06Z; notice: An event this alert cites was corrected after the"
                        + " alert was raised");

        SubjectAccess.Export suspects = access.export(new SubjectAccess.Request(suspect[0], "dpo.one", "police",
                "subject access request"), folder.resolve("sar-rectified-withheld"));
        String text = Files.readString(suspects.json()) + Files.readString(suspects.page());
        assertThat(text).as("the withheld alert and its mark").doesNotContain(withheld)
                .doesNotContain("2026-11-17T13:14:15").doesNotContain(SubjectAccess.RECTIFIED_NOTICE);
        assertThat(suspects.withheld()).extracting(SubjectAccess.Withheld::rule).contains("domestic-abuse-suspect");
    }

    @Test
    @Order(4)
    void erasure_dry_run_changes_nothing_and_erasure_leaves_no_derived_copy_and_is_audited() throws Exception {
        String person = first("SELECT r.person_id FROM person_record r JOIN residence s ON s.person_id = r.person_id"
                + " WHERE EXISTS (SELECT 1 FROM relationship x WHERE x.from_person = r.person_id OR x.to_person ="
                + " r.person_id) GROUP BY r.person_id HAVING count(DISTINCT r.agency) >= 2 ORDER BY r.person_id"
                + " DESC LIMIT 1");
        String event = first("SELECT event_id FROM chronology_event WHERE person_id = '" + person + "' LIMIT 1");
        indicatorAndAlert(person, event);
        List<String> records = strings("SELECT record_key FROM person_record WHERE person_id = '" + person + "'");
        String other = first("SELECT record_key FROM person_record WHERE person_id <> '" + person + "' LIMIT 1");
        store.decide(records.get(0), other, "NOT_LINK", "different people, checked by phone", "reviewer.one",
                "social-care", NOW);
        Set<RowKey> rows;
        try (Connection c = database.dataSource().getConnection()) {
            rows = SubjectStore.rowsOf(c, person);
        }
        Map<String, Integer> before = tableCounts();
        Erasure erasure = new Erasure(database.dataSource(), audit, clock, home.root());

        Erasure.Result dry = erasure.erase(person, "data subject's request, upheld by the DPO", "dpo.one",
                "social-care", true);

        assertThat(tableCounts()).as("a dry run changes nothing").isEqualTo(before);
        assertThat(dry.removed().personRecords()).isEqualTo(records.size());

        Erasure.Result done = erasure.erase(person, "data subject's request, upheld by the DPO", "dpo.one",
                "social-care", false);

        assertThat(done.removed()).usingRecursiveComparison().ignoringFields("auditEntry")
                .isEqualTo(dry.removed());
        assertThat(done.removed().alerts()).isEqualTo(1);
        assertThat(done.removed().reviewDecisions()).isEqualTo(1);
        assertNothingMentions(person, rows);
        assertThat(first("SELECT action || ' ' || (payload->>'subject') FROM audit_entry WHERE sequence = "
                + done.removed().auditEntry())).isEqualTo("ERASURE " + person);
        assertThat(first("SELECT payload->>'reasonCodes' FROM audit_entry WHERE sequence = "
                + done.removed().auditEntry())).contains("SOURCE_ROWS=" + rows.size(), "ALERTS=1");

        builder.build(line -> { });

        assertNothingMentions(person, rows);
        assertLogIntact();
    }

    @Test
    @Order(5)
    void retention_removes_expired_rows_with_every_derived_copy_and_a_dry_run_lists_exactly_that() throws Exception {
        RetentionPolicy policy = RetentionPolicy.of(Agreements.loadFolder(root.resolve("config/agreements"),
                Agreements.loadKeys(root.resolve("config/agreements/keys/trusted-keys.yaml"))));
        RetentionPolicy.FeedRule police = policy.rules().stream().filter(r -> r.feed().equals(
                "police-incident-persons")).findFirst().orElseThrow();
        // As of a day that makes about half the police rows expire, so that some stay.
        LocalDate median = LocalDate.parse(first("SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY event_date)"
                + " FROM chronology_event WHERE sources->0->>'definitionId' = 'police-incident-persons'"));
        LocalDate asOf = median.plus(police.keep());
        String event = first("SELECT event_id FROM chronology_event WHERE sources->0->>'definitionId' ="
                + " 'police-incident-persons' AND event_date < '" + median + "' ORDER BY event_id LIMIT 1");
        indicatorAndAlert(first("SELECT person_id FROM chronology_event WHERE event_id = '" + event + "'"), event);
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            audit.append(c, view("P0000001", "SAFEGUARDING.CHILD.MASH_TRIAGE", NOW), Instant.now().minusSeconds(60));
            c.commit();
        }
        int policeRows = count("SELECT count(*) FROM raw_row r JOIN landed_file f ON f.id = r.file_id"
                + " WHERE f.definition_id = 'police-incident-persons'");
        Map<String, Integer> before = tableCounts();
        RetentionJob job = new RetentionJob(database.dataSource(), audit, clock, home.root());

        RetentionJob.Report dry = job.run(policy, asOf, true, "retention.job");

        assertThat(tableCounts()).as("a dry run changes nothing").isEqualTo(before);
        RetentionJob.FeedOutcome dryPolice = outcome(dry, "police-incident-persons");
        assertThat(dryPolice.expiredRows()).isPositive().isLessThan(policeRows);
        assertThat(dry.auditPayloadsRemoved()).isPositive();

        RetentionJob.Report done = job.run(policy, asOf, false, "retention.job");

        RetentionJob.FeedOutcome police2 = outcome(done, "police-incident-persons");
        assertThat(police2.expiredRows()).isEqualTo(dryPolice.expiredRows());
        assertThat(police2.removed().orElseThrow()).usingRecursiveComparison().ignoringFields("auditEntry")
                .isEqualTo(dryPolice.removed().orElseThrow());
        assertThat(police2.removed().orElseThrow().alerts()).isGreaterThanOrEqualTo(1);
        assertThat(count("SELECT count(*) FROM raw_row r JOIN landed_file f ON f.id = r.file_id"
                + " WHERE f.definition_id = 'police-incident-persons'")).isEqualTo(policeRows
                - dryPolice.expiredRows());
        assertThat(count("SELECT count(*) FROM chronology_event WHERE sources->0->>'definitionId' ="
                + " 'police-incident-persons' AND event_date <= '" + police2.clockStartedBy() + "'"))
                .as("no expired police event survives").isZero();
        assertThat(count("SELECT count(*) FROM chronology_event WHERE sources->0->>'definitionId' ="
                + " 'police-incident-persons'")).as("later police events stay").isPositive();
        assertNoDerivedCopyWithoutItsSource();
        assertThat(first("SELECT count(*) FROM audit_entry WHERE action = 'ERASURE' AND payload->>'dataItem' ="
                + " 'police-incident-persons'")).isEqualTo("1");
        assertThat(done.auditPayloadsRemoved()).isEqualTo(dry.auditPayloadsRemoved());
        // Rows whose agreements say "then: review" are listed, never removed.
        assertThat(done.feeds()).filteredOn(f -> !f.rule().delete()).allSatisfy(f -> assertThat(f.removed())
                .isEmpty());
        assertLogIntact();
    }

    @Test
    @Order(6)
    void the_shipped_disclosure_rules_read_and_a_bad_file_reports_every_problem_with_its_path() {
        assertThat(rules.rules()).extracting(DisclosureRules.Rule::id)
                .containsExactly("domestic-abuse-suspect", "recent-police-investigation", "adoption-records");

        var e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> DisclosureRules.parse("""
                        id: x
                        version: 0
                        rules:
                          - {id: a, reason: r, events: {types: [X], subjectRoles: [SUSPECTED], otherPersonRoles: [VICTIM], sameFact: f}}
                          - {id: a, reason: r, audit: {purposes: [P], newerThan: 6 months}, colour: red}
                          - {id: b, reason: r}
                        """, "bad.yaml"), org.threadline.domain.governance.RuleFile.InvalidRuleFileException.class);

        assertThat(e.problems()).containsExactlyInAnyOrder(
                "$.version: must be a whole number of at least 1",
                "$.rules[0].events.subjectRoles[0]: 'SUSPECTED' is not a role on an event",
                "$.rules[1].colour: unknown key (known: audit, events, id, markers, reason)",
                "$.rules[1].id: duplicate rule id 'a'",
                "$.rules[1].audit.newerThan: '6 months' is not an ISO-8601 period such as P180D",
                "$.rules[2]: needs exactly one of 'events', 'audit' or 'markers'");
    }

    @Test
    @Order(7)
    void alert_steps_and_review_decisions_go_only_in_the_transaction_of_their_erasure_entry() throws Exception {
        String person = first("SELECT person_id FROM person_record ORDER BY person_id LIMIT 1");
        indicatorAndAlert(person, first("SELECT event_id FROM chronology_event WHERE person_id = '" + person
                + "' LIMIT 1"));
        List<String> keys = strings("SELECT record_key FROM person_record ORDER BY record_key LIMIT 2");
        store.decide(keys.get(0), keys.get(1), "UNSURE", "needs a second look", "reviewer.two", "health", NOW);
        String earlierErasure = first("SELECT max(sequence) FROM audit_entry WHERE action = 'ERASURE'");
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeUpdate("DELETE FROM alert_step"))
                        .hasMessageContaining("append-only");
                c.rollback();
                // An ERASURE entry of an earlier, committed transaction does not open the path.
                s.execute("SELECT set_config('threadline.erasure_entry', '" + earlierErasure + "', true)");
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeUpdate("DELETE FROM alert_step"))
                        .hasMessageContaining("append-only");
                c.rollback();
                s.execute("SELECT set_config('threadline.erasure_entry', '" + earlierErasure + "', true)");
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeUpdate(
                        "DELETE FROM review_decision")).hasMessageContaining("append-only");
                c.rollback();
                // Updates stay refused even inside an erasure.
                long entry = audit.append(c, new AuditEvent("r", NOW, "t", "", List.of(), "P", "",
                        AuditAction.ERASURE, "", "x", List.of(), List.of(), "")).sequence();
                s.execute("SELECT set_config('threadline.erasure_entry', '" + entry + "', true)");
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeUpdate(
                        "UPDATE alert_step SET by_name = 'x'")).hasMessageContaining("append-only");
                c.rollback();
            }
        }
        assertThat(count("SELECT count(*) FROM alert_step")).isPositive();
        assertThat(count("SELECT count(*) FROM review_decision")).isPositive();
    }

    // ---- helpers ----

    private static RetentionJob.FeedOutcome outcome(RetentionJob.Report report, String feed) {
        return report.feeds().stream().filter(f -> f.rule().feed().equals(feed)).findFirst().orElseThrow();
    }

    /** No table holds the person, their rows, or anything made of them. */
    private static void assertNothingMentions(String person, Set<RowKey> rows) throws Exception {
        String p = "'" + person + "'";
        assertThat(count("SELECT count(*) FROM person WHERE person_id = " + p)).isZero();
        assertThat(count("SELECT count(*) FROM person_record WHERE person_id = " + p)).isZero();
        assertThat(count("SELECT count(*) FROM chronology_event WHERE person_id = " + p)).isZero();
        assertThat(count("SELECT count(*) FROM relationship WHERE from_person = " + p + " OR to_person = " + p))
                .isZero();
        assertThat(count("SELECT count(*) FROM residence WHERE person_id = " + p)).isZero();
        assertThat(count("SELECT count(*) FROM indicator_result WHERE subject_person_id = " + p)).isZero();
        assertThat(count("SELECT count(*) FROM indicator_evaluation WHERE subject_person_id = " + p)).isZero();
        assertThat(count("SELECT count(*) FROM alert WHERE subject_person_id = " + p)).isZero();
        assertThat(count("SELECT count(*) FROM review_item WHERE person_a = " + p + " OR person_b = " + p)).isZero();
        for (RowKey r : rows) {
            String key = "file_id = " + r.fileId() + " AND row_number = " + r.rowNumber();
            assertThat(count("SELECT count(*) FROM raw_row WHERE " + key)).as(r.toString()).isZero();
            assertThat(count("SELECT count(*) FROM standardised_row WHERE " + key)).isZero();
            assertThat(count("SELECT count(*) FROM person_record WHERE " + key)).isZero();
            assertThat(count("SELECT count(*) FROM review_decision WHERE record_a LIKE '" + r.fileId() + ":"
                    + r.rowNumber() + "%' OR record_b LIKE '" + r.fileId() + ":" + r.rowNumber() + "%'")).isZero();
        }
        assertNoDerivedCopyWithoutItsSource();
    }

    /** Every source a derived row cites is still held. */
    private static void assertNoDerivedCopyWithoutItsSource() throws Exception {
        String missing = " NOT EXISTS (SELECT 1 FROM raw_row r WHERE r.file_id = (s->>'fileId')::bigint"
                + " AND r.row_number = (s->>'rowNumber')::bigint)";
        assertThat(count("SELECT count(*) FROM chronology_event e, jsonb_array_elements(e.sources) s WHERE"
                + missing)).as("events citing a removed row").isZero();
        assertThat(count("SELECT count(*) FROM relationship e, jsonb_array_elements(e.evidence) s WHERE" + missing))
                .as("relationships citing a removed row").isZero();
        assertThat(count("SELECT count(*) FROM residence e, jsonb_array_elements_text(e.sources) s WHERE NOT EXISTS"
                + " (SELECT 1 FROM raw_row r WHERE s LIKE '% file ' || r.file_id || ' row ' || r.row_number)"))
                .as("residences citing a removed row").isZero();
        assertThat(count("SELECT count(*) FROM indicator_result i, jsonb_array_elements(i.evidence) ev,"
                + " jsonb_array_elements(ev->'events') x WHERE NOT EXISTS (SELECT 1 FROM chronology_event e"
                + " WHERE e.event_id = x->>'event_id')")).as("indicator results citing a removed event").isZero();
        assertThat(count("SELECT count(*) FROM alert a, jsonb_array_elements_text(a.evidence) x WHERE NOT EXISTS"
                + " (SELECT 1 FROM chronology_event e WHERE e.event_id = x)")).as("alerts citing a removed event")
                .isZero();
        assertThat(count("SELECT count(*) FROM person p WHERE NOT EXISTS (SELECT 1 FROM person_record r WHERE"
                + " r.person_id = p.person_id) AND p.state <> 'RETIRED'")).as("persons with no record").isZero();
    }

    private static void assertLogIntact() throws Exception {
        try (Connection c = database.dataSource().getConnection()) {
            var report = AuditLogVerification.verify(c, new CheckpointKeys(List.of(AuditKeyFiles.readPublic(
                    AuditKeyFiles.publicKeyFile(home)))), Optional.empty());
            assertThat(report.intact()).as(report.toString()).isTrue();
        }
    }

    private static Map<String, Integer> tableCounts() throws Exception {
        Map<String, Integer> out = new java.util.TreeMap<>();
        for (String t : List.of("raw_row", "standardised_row", "person", "person_record", "chronology_event",
                "relationship", "residence", "indicator_result", "indicator_evaluation", "alert", "alert_step",
                "review_item",
                "review_decision", "audit_entry", "audit_redaction")) {
            out.put(t, count("SELECT count(*) FROM " + t));
        }
        out.put("audit payloads", count("SELECT count(*) FROM audit_entry WHERE payload IS NOT NULL"));
        out.put("relationship evidence", count("SELECT coalesce(sum(jsonb_array_length(evidence)), 0) FROM"
                + " relationship"));
        return out;
    }

    /**
     * Marks the alerts citing the event as resting on rectified evidence at {@code at}, as a rectification of its
     * row does (ADR 0032): in the transaction that appends its RECTIFICATION entry and names it, or the database
     * refuses the mark.
     */
    private static void rectified(String eventId, Instant at) throws Exception {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            long entry = audit.append(c, new AuditEvent(UUID.randomUUID().toString(), at, "dpo.one", "police",
                    List.of("DATA_PROTECTION_OFFICER"), "SUBJECT_RIGHTS.RECTIFICATION", "", AuditAction.RECTIFICATION,
                    "", "police-incident-persons", List.of("OCCURRENCE_DATE_TIME"), List.of("test"), "")).sequence();
            try (PreparedStatement s = c.prepareStatement("SELECT set_config('threadline.rectification_entry', ?,"
                    + " true)")) {
                s.setString(1, Long.toString(entry));
                s.execute();
            }
            assertThat(org.threadline.store.indicators.AlertStore.markRectified(c, List.of(eventId), entry, at))
                    .isPositive();
            c.commit();
        }
    }

    /** A met indicator result and a raised alert about {@code person}, citing {@code eventId}; returns its id. */
    private static String indicatorAndAlert(String person, String eventId) throws Exception {
        String[] e = firstRow("SELECT event_id, person_id, type, event_date::text, agency, role, summary,"
                + " sources->0->>'fileId', sources->0->>'rowNumber', sources->0->>'definitionId' FROM"
                + " chronology_event WHERE event_id = '" + eventId + "'");
        String evidence = JSON.writeValueAsString(List.of(Map.of("signal", "s1", "statement", "a statement",
                "events", List.of(Map.of("event_id", e[0], "person_id", e[1], "relation", "SELF", "type", e[2],
                        "date", e[3], "precision", "DAY", "agency", e[4], "role", e[5], "summary", e[6],
                        "sources", List.of(Map.of("agency", e[4], "definition_id", e[9], "file_id",
                                Long.parseLong(e[7]), "row_number", Long.parseLong(e[8]))))),
                "relationship_sources", List.of())));
        String alertId = "A-" + UUID.randomUUID();
        try (Connection c = database.dataSource().getConnection()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO indicator_result VALUES (?, 'test-rules', ?,"
                    + " 1, repeat('0', 64), 'MET', 'met', ?::jsonb, '2026-11-01', now())")) {
                s.setString(1, person);
                s.setString(2, "IND-" + UUID.randomUUID());
                s.setString(3, evidence);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO alert VALUES (?, ?, 't1', 'i1', 'test@1',"
                    + " 'social-care', 'MASH_SOCIAL_WORKER', NULL, ?::jsonb, '[\"a statement\"]', now(),"
                    + " now() + interval '1 day', 'RAISED')")) {
                s.setString(1, alertId);
                s.setString(2, person);
                s.setString(3, JSON.writeValueAsString(List.of(eventId)));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO alert_step VALUES (?, 0, 'RAISED', now(),"
                    + " 'indicators', 'threadline', NULL, NULL)")) {
                s.setString(1, alertId);
                s.executeUpdate();
            }
        }
        return alertId;
    }

    private static AuditEvent view(String person, String purpose, Instant at) {
        return new AuditEvent(UUID.randomUUID().toString(), at, "officer.one", "police", List.of("PPU_OFFICER"),
                purpose, "CASE-1", AuditAction.VIEW, person, "police-incident-persons", List.of("OCCURRENCE_DATE_TIME"),
                List.of(), "ISA-TL-CHILDREN@1");
    }

    private static void appendView(String person, String purpose, Instant at) throws Exception {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            audit.append(c, view(person, purpose, at));
            c.commit();
        }
    }

    private static int count(String sql) throws Exception {
        return Integer.parseInt(first(sql));
    }

    private static String first(String sql) throws Exception {
        return firstRow(sql)[0];
    }

    private static String[] firstRow(String sql) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            assertThat(r.next()).as("a row from " + sql).isTrue();
            String[] out = new String[r.getMetaData().getColumnCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = r.getString(i + 1);
            }
            return out;
        }
    }

    private static List<String> strings(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
