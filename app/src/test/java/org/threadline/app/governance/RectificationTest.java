package org.threadline.app.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.app.audit.AuditKeyFiles;
import org.threadline.app.audit.InstalledAuditLog;
import org.threadline.app.indicators.IndicatorRun;
import org.threadline.app.people.PeopleBuilder;
import org.threadline.app.people.PersonSearch;
import org.threadline.app.people.TestPopulation;
import org.threadline.domain.governance.audit.CheckpointKeys;
import org.threadline.domain.indicators.Status;
import org.threadline.domain.names.FamiliarForms;
import org.threadline.intake.source.CanonicalField;
import org.threadline.intake.source.SourceDefinitions;
import org.threadline.linkage.model.ModelJson;
import org.threadline.store.audit.AuditLogVerification;
import org.threadline.store.governance.CaseStore;
import org.threadline.store.governance.RowKey;
import org.threadline.store.people.Build;
import org.threadline.store.people.PeopleStore;

/**
 * Rectification on a generated population ingested, built and evaluated in real PostgreSQL (embedded, or a fresh
 * schema on THREADLINE_TEST_DB_URL): a field of a stored row is corrected in place and every copy follows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RectificationTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T22:00:00Z"), ZoneOffset.UTC);
    private static final DateTimeFormatter POLICE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final List<String> TABLES = List.of("raw_row", "standardised_row", "person_record", "person",
            "chronology_event", "review_item", "indicator_result", "indicator_evaluation", "alert", "relationship",
            "audit_entry");

    @TempDir
    static Path folder;
    static TestPopulation built;
    static PeopleStore store;
    static SourceDefinitions definitions;
    static IndicatorRun indicators;
    static Rectification rectification;
    static final List<String> corrected = new ArrayList<>(); // "file:row|field|standardised value", for the rebuild
    static int rectifications;
    static boolean closed;

    @BeforeAll
    static void buildAndEvaluateAPopulation() throws Exception {
        built = TestPopulation.built(folder, 400, 3, CLOCK);
        store = built.store();
        definitions = SourceDefinitions.loadAll(built.root().resolve("config/sources"));
        indicators = new IndicatorRun(built.database().dataSource(), InstalledAuditLog.store(built.home(), CLOCK),
                IndicatorRun.shippedRulebooks(built.root().resolve("config/rules"), built.vocabulary()), CLOCK);
        indicators.runAll(Optional.of(LocalDate.of(2026, 4, 1)), line -> { });
        rectification = new Rectification(built.database().dataSource(), InstalledAuditLog.store(built.home(),
                CLOCK), definitions, built.vocabulary(), ModelJson.read(built.root().resolve(
                "config/models/people.json")), Optional.of(indicators), CLOCK);
    }

    @AfterAll
    static void close() {
        if (built != null && !closed) {
            built.close();
        }
    }

    @Test
    @Order(1)
    void a_dry_run_says_what_would_change_and_changes_no_table() throws Exception {
        Misspelt m = aMisspeltSurname();
        Map<String, String> before = snapshot();

        Rectification.Result r = rectification.rectify(request(m.row(), m.definition(), "surname", m.right()), true);

        assertThat(r.dryRun()).isTrue();
        assertThat(r.changed()).containsExactly("surname");
        assertThat(r.moves()).extracting(PeopleBuilder.Move::recordKey).contains(m.recordKey());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void correcting_a_misspelt_surname_updates_the_record_the_person_and_what_search_finds() throws Exception {
        Misspelt m = aMisspeltSurname();
        PersonSearch search = new PersonSearch(FamiliarForms.load());
        PersonSearch.Query byRightName = new PersonSearch.Query(m.forename() + " " + m.right(), "", "", "");
        assertThat(exactSurnameOn(search, byRightName, m.person(), m.recordKey())).isFalse();

        Rectification.Result r = rectification.rectify(request(m.row(), m.definition(), "surname", m.right()),
                false);
        rectifications++;

        assertThat(r.moves()).singleElement().satisfies(x -> {
            assertThat(x.recordKey()).isEqualTo(m.recordKey());
            assertThat(x.from()).contains(m.person());
        });
        String person = r.moves().get(0).to();
        Build.RecordRow record = store.record(m.recordKey()).orElseThrow();
        assertThat(record.identity().get("surname")).isEqualTo(m.right());
        assertThat(store.recordsOf(person)).extracting(Build.RecordRow::recordKey).contains(m.recordKey());
        assertThat(store.person(person).orElseThrow().surname()).isEqualTo(m.right());
        assertThat(exactSurnameOn(search, byRightName, person, m.recordKey())).isTrue();
        assertThat(first("SELECT fields->'surname'->>'value' FROM standardised_row WHERE file_id = "
                + m.row().fileId() + " AND row_number = " + m.row().rowNumber())).isEqualTo(m.right());
        String payload = first("SELECT payload::text FROM audit_entry WHERE sequence = " + r.auditEntry());
        assertThat(first("SELECT action FROM audit_entry WHERE sequence = " + r.auditEntry()))
                .isEqualTo("RECTIFICATION");
        assertThat(payload).contains("FILE=" + m.row().fileId(), "ROW=" + m.row().rowNumber(), "FIELD=surname",
                m.definition()).doesNotContain(m.right(), m.wrong(), m.right().toUpperCase(java.util.Locale.ROOT),
                m.wrong().toUpperCase(java.util.Locale.ROOT));
        corrected.add(m.recordKey() + "|surname|" + m.right());
    }

    @Test
    @Order(3)
    void a_value_intake_would_refuse_is_refused_naming_the_file_row_and_field_and_nothing_changes()
            throws Exception {
        String[] row = firstRow("SELECT r.file_id, r.row_number, f.original_name FROM person_record r JOIN"
                + " landed_file f ON f.id = r.file_id WHERE r.definition_id = 'police-incident-persons'"
                + " ORDER BY r.record_key LIMIT 1");
        RowKey key = new RowKey(Long.parseLong(row[0]), Long.parseLong(row[1]));
        Map<String, String> before = snapshot();

        assertThatThrownBy(() -> rectification.rectify(request(key, "police-incident-persons", "date_of_birth",
                "31/02/2010"), false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(row[2]).hasMessageContaining("row " + row[1])
                .hasMessageContaining("date_of_birth").hasMessageContaining("invalid");
        assertThatThrownBy(() -> rectification.rectify(request(key, "schools-pupils", "surname", "Smith"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("police-incident-persons");
        assertThatThrownBy(() -> rectification.rectify(request(key, "police-incident-persons", "no_such_field",
                "x"), false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no such field");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void the_database_refuses_to_change_a_source_row_outside_an_audited_rectification() throws Exception {
        String[] row = firstRow("SELECT file_id, row_number FROM standardised_row ORDER BY file_id, row_number"
                + " LIMIT 1");
        String rectificationEntry = first("SELECT max(sequence) FROM audit_entry WHERE action = 'RECTIFICATION'");
        for (String sql : List.of("UPDATE raw_row SET cells = cells WHERE file_id = ? AND row_number = ?",
                "UPDATE standardised_row SET fields = fields WHERE file_id = ? AND row_number = ?")) {
            try (Connection c = built.database().dataSource().getConnection()) {
                c.setAutoCommit(false);
                assertThatThrownBy(() -> update(c, sql, row)).isInstanceOf(SQLException.class)
                        .hasMessageContaining("audited rectification");
                c.rollback();
                // naming an audit entry another transaction appended does not open the door either
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT set_config('threadline.rectification_entry', '" + rectificationEntry
                            + "', true)");
                }
                assertThatThrownBy(() -> update(c, sql, row)).isInstanceOf(SQLException.class)
                        .hasMessageContaining("audited rectification");
                c.rollback();
            }
        }
    }

    @Test
    @Order(5)
    void a_date_of_birth_that_makes_the_record_someone_elses_moves_it_or_sends_it_to_review_and_says_so() {
        // First a wrong date of birth takes a record out of its person (found by dry runs), then the right one
        // brings it back: the correction is re-decided by incremental resolution, not assumed.
        List<String[]> candidates = rows("SELECT r.record_key, r.file_id, r.row_number, r.person_id,"
                + " r.identity->>'date_of_birth' FROM person_record r WHERE r.part = '' AND r.definition_id ="
                + " 'police-incident-persons' AND r.identity->>'date_of_birth' <> '' AND r.identity->>'pnc_id' = ''"
                + " AND (SELECT count(*) FROM person_record o WHERE o.person_id = r.person_id) >= 2"
                + " ORDER BY r.record_key LIMIT 60");
        String[] chosen = null;
        for (String[] c : candidates) {
            LocalDate born = LocalDate.parse(c[4]);
            Rectification.Result dry = rectification.rectify(request(key(c), "police-incident-persons",
                    "date_of_birth", wrongBirth(born)), true);
            if (!dry.moves().get(0).outcome().equals("STAYED")) {
                chosen = c;
                break;
            }
        }
        assertThat(chosen).as("a record a wrong date of birth takes out of its person, among %d", candidates.size())
                .isNotNull();
        String owner = chosen[3];
        LocalDate born = LocalDate.parse(chosen[4]);
        // The owner is linked to an open case: their case links follow what the rectifications do (ADR 0031).
        caseChange((cases, c) -> {
            cases.open(c, CASE_AGENCY, CASE_REFERENCE, "sw.one", CLOCK.instant());
            return cases.link(c, CASE_AGENCY, CASE_REFERENCE, owner, "sw.one", CLOCK.instant());
        });

        Rectification.Result wrong = rectification.rectify(request(key(chosen), "police-incident-persons",
                "date_of_birth", wrongBirth(born)), false);
        rectifications++;
        PeopleBuilder.Move out = wrong.moves().get(0);
        assertThat(out.outcome()).isIn("NEW_PERSON", "REVIEW");
        assertThat(out.to()).isNotEqualTo(owner);
        assertThat(store.record(chosen[0]).orElseThrow().personId()).isEqualTo(out.to());
        assertThat(store.person(out.to()).orElseThrow().dateOfBirth()).contains(LocalDate.parse(wrongBirth(born)));
        // A record split off a linked person: the case is asked to check the new person, and does not open them.
        CaseStore.Case afterSplit = theCase();
        assertThat(afterSplit.linkedNow()).containsExactly(owner);
        assertThat(afterSplit.checks()).singleElement().satisfies(k -> {
            assertThat(k.personId()).isEqualTo(owner);
            assertThat(k.toPerson()).isEqualTo(out.to());
            assertThat(k.open()).isTrue();
        });
        assertThat(wrong.caseChanges()).singleElement().asString().contains("to check").contains(out.to());
        // The case's owner decides to link the person the record went to.
        caseChange((cases, c) -> cases.link(c, CASE_AGENCY, CASE_REFERENCE, out.to(), "sw.one", CLOCK.instant()));

        Rectification.Result right = rectification.rectify(request(key(chosen), "police-incident-persons",
                "date_of_birth", born.toString()), false);
        rectifications++;

        PeopleBuilder.Move back = right.moves().get(0);
        assertThat(back.from()).contains(out.to());
        if (back.outcome().equals("MOVED")) {
            assertThat(back.to()).isEqualTo(owner);
            assertThat(back.describe()).contains("moves from " + out.to() + " to " + owner);
            assertThat(store.record(chosen[0]).orElseThrow().personId()).isEqualTo(owner);
            assertThat(right.retired()).containsExactly(out.to());
            assertThat(store.personState(out.to()).orElseThrow()[0]).isEqualTo("RETIRED");
            assertThat(first("SELECT count(*) FROM chronology_event WHERE person_id = '" + out.to() + "'"))
                    .isEqualTo("0");
            assertThat(right.eventsAfter()).allSatisfy(e -> assertThat(e[1]).isEqualTo(owner));
            // Merged back into the owner, who is linked already: the retired person's link ends, saying why.
            CaseStore.Case afterMerge = theCase();
            assertThat(afterMerge.linkedNow()).containsExactly(owner);
            assertThat(afterMerge.links()).filteredOn(l -> l.personId().equals(out.to())).singleElement()
                    .satisfies(l -> assertThat(l.unlinkedReason().orElseThrow()).contains(owner));
            assertThat(right.caseChanges()).singleElement().asString().contains(out.to() + " merged into " + owner);
        } else {
            assertThat(back.outcome()).isEqualTo("REVIEW");
            assertThat(back.nearMatch()).contains(owner);
            assertThat(back.describe()).contains("sent for review against " + owner);
            assertThat(first("SELECT count(*) FROM review_item WHERE record_a = '" + chosen[0] + "' AND person_b = '"
                    + owner + "'")).isEqualTo("1");
        }
        assertThat(first("SELECT reasons FROM (SELECT payload->>'reasonCodes' AS reasons FROM audit_entry WHERE"
                + " sequence = " + right.auditEntry() + ") x")).contains("RECORD=" + chosen[0] + ":"
                + back.outcome());
        corrected.add(chosen[0] + "|date_of_birth|" + born);
    }

    @Test
    @Order(6)
    void an_event_date_correction_moves_the_chronology_entry_and_re_evaluates_the_indicator_it_enters_or_leaves() {
        LocalDate asOf = LocalDate.of(2026, 4, 1);
        LocalDate windowStart = asOf.minusMonths(12);
        // a child exactly at the repeated-missing threshold (3 in 12 months) loses it when one episode moves out;
        // a child one short, with an episode outside the window, meets it when that episode moves in
        List<String[]> missing = rows("SELECT e.person_id, e.event_id, e.event_date::text, e.sources->0->>'fileId',"
                + " e.sources->0->>'rowNumber', e.sources->0->>'definitionId' FROM chronology_event e WHERE e.type IN"
                + " ('MISSING_EPISODE', 'MISSING_PERSON_REPORT') AND e.role = 'MISSING_PERSON' AND"
                + " e.sources->0->>'definitionId' IN ('police-incident-persons', 'social-care-missing')"
                + " ORDER BY e.person_id, e.event_date");
        Map<String, List<String[]>> byPerson = new LinkedHashMap<>();
        missing.forEach(m -> byPerson.computeIfAbsent(m[0], k -> new ArrayList<>()).add(m));
        // the child needing the fewest corrections to cross the threshold: only the last one may flip the status
        String child = null;
        List<String[]> toMove = null;
        boolean leaving = false;
        for (Map.Entry<String, List<String[]>> e : byPerson.entrySet()) {
            List<String[]> in = e.getValue().stream().filter(m -> inWindow(m[2], windowStart, asOf)).toList();
            List<String[]> outside = e.getValue().stream().filter(m -> !inWindow(m[2], windowStart, asOf)
                    && LocalDate.parse(m[2]).isAfter(asOf.minusYears(5))).toList();
            Status now = status(e.getKey(), "missing.repeated");
            List<String[]> plan = null;
            if (now == Status.MET && in.size() >= 3) {
                plan = in.subList(0, in.size() - 2);
            } else if (now == Status.NOT_MET && in.size() < 3 && outside.size() >= 3 - in.size()) {
                plan = outside.subList(outside.size() - (3 - in.size()), outside.size());
            }
            if (plan != null && (toMove == null || plan.size() < toMove.size())) {
                child = e.getKey();
                toMove = plan;
                leaving = now == Status.MET;
            }
        }
        assertThat(child).as("a child whose missing episodes can cross the repeated-missing threshold, among %d"
                + " with missing episodes", byPerson.size()).isNotNull();
        Status before = status(child, "missing.repeated");
        Rectification.Result r = null;
        String[] moved = null;
        LocalDate to = null;
        for (int i = 0; i < toMove.size(); i++) {
            assertThat(status(child, "missing.repeated")).as("before correction %d", i + 1).isEqualTo(before);
            moved = toMove.get(i);
            to = leaving ? asOf.minusMonths(20 + i) : asOf.minusMonths(2 + i);
            boolean police = moved[5].equals("police-incident-persons");
            String value = police ? POLICE.format(to.atTime(21, 15)) : to.toString();
            r = rectification.rectify(request(new RowKey(Long.parseLong(moved[3]), Long.parseLong(moved[4])),
                    moved[5], police ? "event_datetime" : "event_date", value), false);
            rectifications++;
            corrected.add(moved[3] + ":" + moved[4] + "|event|" + to);
        }

        String person = child;
        assertThat(r.eventsBefore()).extracting(e -> e[0]).contains(moved[1]);
        String day = to.toString();
        assertThat(r.eventsAfter()).anySatisfy(e -> {
            assertThat(e[1]).isEqualTo(person);
            assertThat(e[2]).isEqualTo(day);
        });
        assertThat(first("SELECT event_date::text FROM chronology_event WHERE event_id = '" + moved[1] + "'"))
                .isEqualTo(to.toString());
        assertThat(r.moves()).allSatisfy(m -> assertThat(m.outcome()).isEqualTo("STAYED"));
        assertThat(r.reevaluated()).isPresent();
        assertThat(r.reevaluated().get().asOf()).isEqualTo(asOf);
        assertThat(status(child, "missing.repeated")).isEqualTo(leaving ? Status.NOT_MET : Status.MET);
    }

    @Test
    @Order(7)
    void the_audit_log_still_verifies_after_the_rectifications() throws Exception {
        try (Connection c = built.database().dataSource().getConnection()) {
            var report = AuditLogVerification.verify(c, new CheckpointKeys(List.of(AuditKeyFiles.readPublic(
                    AuditKeyFiles.publicKeyFile(built.home())))), Optional.empty());
            assertThat(report.intact()).as(report.toString()).isTrue();
        }
        assertThat(first("SELECT count(*) FROM audit_entry WHERE action = 'RECTIFICATION'"))
                .isEqualTo(Integer.toString(rectifications));
    }

    @Test
    @Order(8)
    void a_rebuild_after_the_rectifications_keeps_the_corrected_values() {
        assertThat(corrected).hasSizeGreaterThanOrEqualTo(3);

        built.builder().build(line -> { });

        for (String c : corrected) {
            String[] parts = c.split("\\|");
            if (parts[1].equals("event")) {
                String[] place = parts[0].split(":");
                assertThat(rows("SELECT event_date::text FROM chronology_event WHERE sources @> '[{\"fileId\": "
                        + place[0] + ", \"rowNumber\": " + place[1] + "}]'")).isNotEmpty()
                        .allSatisfy(x -> assertThat(x[0]).isEqualTo(parts[2]));
            } else {
                assertThat(store.record(parts[0]).orElseThrow().identity().get(parts[1])).as(c).isEqualTo(parts[2]);
            }
        }
    }

    @Test
    @Order(9)
    void the_command_line_dry_run_prints_what_would_change() {
        Misspelt m = aMisspeltSurname(); // another typo: the first was corrected
        built.close(); // the command opens the store itself (the embedded server's folder is locked by one opener)
        closed = true;
        java.io.StringWriter out = new java.io.StringWriter();

        int code = org.threadline.app.cli.TestEnvironment.rectify(built.environment(), built.root(),
                new java.io.PrintWriter(out, true), "--source", m.definition(), "--row", m.recordKey(), "--field",
                "surname", "--value", m.right(), "--reason", "letter from the data subject", "--dry-run");

        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains("Would correct", "row " + m.row().rowNumber(), "surname",
                "record " + m.recordKey(), "dry run: nothing was changed");
    }

    // ---- helpers ----

    private record Misspelt(String recordKey, RowKey row, String definition, String person, String forename,
                            String wrong, String right) {
    }

    /**
     * A record whose surname differs from the one its person's other records agree on (the generator's typos), from
     * a feed with a surname column of its own.
     */
    private static Misspelt aMisspeltSurname() {
        List<String> feeds = definitions.all().stream().filter(d -> !d.columns(CanonicalField.SURNAME).isEmpty())
                .map(d -> "'" + d.id() + "'").toList();
        String[] r = firstRow("SELECT r.record_key, r.file_id, r.row_number, r.definition_id, r.person_id,"
                + " r.identity->>'forename', r.identity->>'surname', p.surname FROM person_record r JOIN person p ON"
                + " p.person_id = r.person_id WHERE r.part = '' AND r.identity->>'surname' <> p.surname AND"
                + " r.identity->>'surname' <> '' AND r.identity->>'forename' <> '' AND r.definition_id IN ("
                + String.join(", ", feeds) + ") AND (SELECT count(*) FROM person_record o WHERE o.person_id ="
                + " r.person_id AND o.identity->>'surname' = p.surname) >= 2 ORDER BY r.record_key LIMIT 1");
        return new Misspelt(r[0], new RowKey(Long.parseLong(r[1]), Long.parseLong(r[2])), r[3], r[4], r[5], r[6],
                r[7]);
    }

    private static boolean exactSurnameOn(PersonSearch search, PersonSearch.Query q, String person,
                                          String recordKey) {
        return search.find(q, store, (record, field) -> true).hits().stream()
                .filter(h -> h.personId().equals(person)).flatMap(h -> h.reasons().stream())
                .anyMatch(x -> x.recordKey().equals(recordKey) && x.field().equals("surname")
                        && x.how() == PersonSearch.How.EXACT);
    }

    private static Status status(String person, String indicator) {
        return indicators.storedStatuses(List.of(person)).getOrDefault(person, Map.of()).get(indicator);
    }

    private static boolean inWindow(String date, LocalDate start, LocalDate asOf) {
        LocalDate d = LocalDate.parse(date);
        return d.isAfter(start.plusDays(7)) && !d.isAfter(asOf);
    }

    private static String wrongBirth(LocalDate born) {
        return born.minusYears(31).plusMonths(5).toString();
    }

    private static RowKey key(String[] c) {
        return new RowKey(Long.parseLong(c[1]), Long.parseLong(c[2]));
    }

    private static Rectification.Request request(RowKey row, String source, String field, String value) {
        return new Rectification.Request(source, row, field, value, "the agency confirmed the right value in writing",
                "dpo.one", "social-care");
    }

    private static final String CASE_AGENCY = "social-care";
    private static final String CASE_REFERENCE = "RECT-CASE-0001";

    private interface CaseWork {
        CaseStore.Outcome apply(CaseStore cases, Connection c) throws SQLException;
    }

    private static void caseChange(CaseWork work) {
        try (Connection c = built.database().dataSource().getConnection()) {
            c.setAutoCommit(false);
            assertThat(work.apply(new CaseStore(built.database().dataSource()), c)).isEqualTo(CaseStore.Outcome.DONE);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CaseStore.Case theCase() {
        return new CaseStore(built.database().dataSource()).find(CASE_AGENCY, CASE_REFERENCE).orElseThrow();
    }

    private static void update(Connection c, String sql, String[] row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, Long.parseLong(row[0]));
            s.setLong(2, Long.parseLong(row[1]));
            s.executeUpdate();
        }
    }

    private static Map<String, String> snapshot() {
        return Sql.snapshot(built.database().dataSource(), TABLES);
    }

    private static String first(String sql) {
        return Sql.first(built.database().dataSource(), sql);
    }

    private static String[] firstRow(String sql) {
        return Sql.firstRow(built.database().dataSource(), sql);
    }

    private static List<String[]> rows(String sql) {
        return Sql.rows(built.database().dataSource(), sql);
    }
}
