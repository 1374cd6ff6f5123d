package org.threadline.app.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.threadline.app.audit.InstalledAuditLog;
import org.threadline.app.people.PeopleBuilder;
import org.threadline.app.people.TestPopulation;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.indicators.IndicatorResult;
import org.threadline.domain.indicators.Rulebook;
import org.threadline.domain.indicators.Status;
import org.threadline.domain.indicators.alerts.Alert;
import org.threadline.domain.indicators.reporting.AccuracyReport;
import org.threadline.domain.people.PersonSummary;
import org.threadline.store.Database;
import org.threadline.store.people.PeopleStore;
import org.threadline.synth.GenerationOptions;

/**
 * The rulebooks run over a built population on real PostgreSQL: a first run is a baseline, a new police incident
 * attached by intake raises the Operation Encompass alert to the child's school once, audited, and the stored flags
 * can be measured against the generator's truth.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IndicatorRunTest {
    static final LocalDate EXTRACT = GenerationOptions.DEFAULT_AS_OF;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T22:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path folder;
    static TestPopulation built;
    static Path population;
    static Path root;
    static Database database;
    static PeopleStore store;
    static PeopleBuilder builder;
    static IndicatorRun run;

    @BeforeAll
    static void buildAPopulation() throws Exception {
        built = TestPopulation.built(folder, 400, 3, CLOCK);
        population = built.population();
        root = built.root();
        database = built.database();
        store = built.store();
        builder = built.builder();
        run = new IndicatorRun(database.dataSource(), InstalledAuditLog.store(built.home(), CLOCK),
                IndicatorRun.shippedRulebooks(root.resolve("config/rules"), built.vocabulary()), CLOCK);
    }

    @AfterAll
    static void close() {
        if (built != null) {
            built.close();
        }
    }

    @Test
    @Order(0)
    void a_chunk_of_related_subjects_gets_the_very_families_walked_one_by_one_from_the_store() {
        List<String> ordered = IndicatorRun.relatedTogether(store.personIds(), store::forEachTie);
        int walked = 0;
        for (int from = 0; from < ordered.size(); from += 97) {
            List<String> chunk = ordered.subList(from, Math.min(ordered.size(), from + 97));
            Map<String, org.threadline.domain.people.Family> families = new ChunkFamilies(store, chunk).families();
            assertThat(families.keySet()).containsExactlyElementsOf(chunk);
            for (String s : chunk) {
                assertThat(families.get(s)).as(s).isEqualTo(org.threadline.domain.people.Families.standard()
                        .around(s, store::relationshipsOf, store::persons));
                walked += families.get(s).members().size() > 1 ? 1 : 0;
            }
        }
        assertThat(walked).as("subjects with a family beyond themselves").isGreaterThan(100);
    }

    @Test
    @Order(1)
    void the_first_full_run_is_a_baseline_that_keeps_every_persons_results_and_raises_no_alert() {
        assertThat(run.hasRun()).isFalse();

        IndicatorRun.Outcome o = run.runAll(Optional.of(EXTRACT), line -> { });

        assertThat(o.baselines()).hasSize(run.rulebooks().size());
        assertThat(o.raised()).isEmpty();
        assertThat(o.subjects()).isEqualTo(store.personIds().size());
        assertThat(o.met().values().stream().mapToInt(Integer::intValue).sum()).isPositive();
        Map<String, Map<String, Status>> statuses = run.storedStatuses(store.personIds());
        assertThat(statuses).hasSize(o.subjects());
        for (Map.Entry<String, Integer> e : o.met().entrySet()) {
            long stored = statuses.values().stream().filter(m -> m.get(e.getKey()) == Status.MET).count();
            assertThat(stored).as(e.getKey()).isEqualTo(e.getValue().longValue());
        }
        assertThat(run.hasRun()).isTrue();
    }

    @Test
    @Order(2)
    void a_met_flag_is_stored_with_the_events_and_source_rows_that_satisfied_it() {
        String someone = store.personIds().stream().filter(p -> run.stored(p).values().stream()
                .anyMatch(e -> e.results().stream().anyMatch(r -> r.status() == Status.MET))).findFirst().orElseThrow();
        IndicatorResult met = run.stored(someone).values().stream().flatMap(e -> e.results().stream())
                .filter(r -> r.status() == Status.MET).findFirst().orElseThrow();

        assertThat(met.evidence()).isNotEmpty();
        met.evidence().forEach(ev -> ev.events().forEach(x -> assertThat(x.sources()).as(x.eventId()).isNotEmpty()));
        List<String> held = store.events(List.of(someone)).stream().map(ChronologyEvent::eventId).toList();
        assertThat(met.evidence().stream().flatMap(ev -> ev.events().stream())
                .filter(x -> x.personId().equals(someone)).map(x -> x.eventId()).toList()).isSubsetOf(held);
    }

    @Test
    @Order(2)
    void a_run_in_many_small_chunks_read_evaluated_and_saved_side_by_side_stores_what_one_chunk_stored()
            throws Exception {
        List<String> ids = store.personIds();
        Map<String, Map<String, Status>> before = run.storedStatuses(ids);
        Map<String, String> evidenceBefore = new java.util.TreeMap<>();
        ids.forEach(p -> evidenceBefore.put(p, run.stored(p).toString()));
        try (Connection c = database.dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("DELETE FROM indicator_result");
            s.execute("DELETE FROM indicator_evaluation");
        }
        IndicatorRun small = new IndicatorRun(database.dataSource(), InstalledAuditLog.store(built.home(), CLOCK),
                run.rulebooks(), CLOCK, 7);
        List<String> progress = new ArrayList<>();

        IndicatorRun.Outcome o = small.runAll(Optional.of(EXTRACT), progress::add);

        assertThat(progress).as("one line a chunk").hasSize((ids.size() + 6) / 7);
        assertThat(progress.get(progress.size() - 1)).contains(String.format(java.util.Locale.UK, "%,d of %,d",
                ids.size(), ids.size()));
        assertThat(o.raised()).isEmpty();
        Map<String, Map<String, Status>> after = run.storedStatuses(ids);
        assertThat(after.keySet()).as("subjects with results").isEqualTo(before.keySet());
        ids.forEach(p -> assertThat(after.get(p)).as(p).isEqualTo(before.get(p)));
        ids.forEach(p -> assertThat(run.stored(p).toString()).as(p).isEqualTo(evidenceBefore.get(p)));
    }

    @Test
    @Order(2)
    void a_run_whose_saving_fails_fails_with_the_stores_reason_instead_of_hanging_or_reporting_success()
            throws Exception {
        IndicatorRun small = new IndicatorRun(database.dataSource(), InstalledAuditLog.store(built.home(), CLOCK),
                run.rulebooks(), CLOCK, 7);
        try (Connection c = database.dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE FUNCTION refuse_results() RETURNS trigger LANGUAGE plpgsql AS"
                    + " $$ BEGIN RAISE EXCEPTION 'results unavailable (test)'; END $$");
            s.execute("CREATE TRIGGER refuse_results BEFORE INSERT ON indicator_evaluation"
                    + " FOR EACH ROW EXECUTE FUNCTION refuse_results()");
        }
        try {
            assertThatThrownBy(() -> small.runAll(Optional.of(EXTRACT), line -> { }))
                    .isInstanceOf(org.threadline.store.StoreException.class)
                    .hasMessageContaining("results unavailable (test)");
        } finally {
            try (Connection c = database.dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER refuse_results ON indicator_evaluation");
                s.execute("DROP FUNCTION refuse_results()");
            }
        }
    }

    @Test
    @Order(2)
    void cohort_counts_from_the_met_index_are_the_people_whose_stored_results_meet_each_indicator_by_district() {
        List<String> indicators = run.rulebooks().stream().flatMap(b -> b.indicators().stream())
                .filter(i -> i.enabled() && i.notDerivable().isEmpty()).map(i -> i.id()).toList();
        Map<String, String> postcodes = store.latestPostcodes();
        Map<String, Map<String, Long>> expected = new java.util.TreeMap<>();
        run.storedStatuses(store.personIds()).forEach((person, statuses) -> statuses.forEach((indicator, status) -> {
            if (status == Status.MET && indicators.contains(indicator)) {
                String area = org.threadline.domain.identifiers.Postcode.parse(postcodes.getOrDefault(person, ""))
                        .map(org.threadline.domain.identifiers.Postcode::district).orElse(CohortCounts.UNKNOWN);
                expected.computeIfAbsent(area, a -> new java.util.TreeMap<>()).merge(indicator, 1L, Long::sum);
            }
        }));

        org.threadline.domain.indicators.reporting.CohortTable table = CohortCounts.count(store,
                new org.threadline.store.indicators.IndicatorResultStore(database.dataSource()), indicators, 1);

        Map<String, Map<String, Long>> counted = new java.util.TreeMap<>();
        for (int a = 0; a < table.areas().size(); a++) {
            for (int i = 0; i < table.indicators().size(); i++) {
                long n = table.cells().get(a).get(i).orElseThrow();
                if (n > 0) {
                    counted.computeIfAbsent(table.areas().get(a), k -> new java.util.TreeMap<>())
                            .put(table.indicators().get(i), n);
                }
            }
        }
        assertThat(counted).isNotEmpty().isEqualTo(expected);
    }

    @Test
    @Order(3)
    void running_again_on_the_same_records_raises_nothing() {
        IndicatorRun.Outcome o = run.runAll(Optional.of(EXTRACT), line -> { });

        assertThat(o.baselines()).isEmpty();
        assertThat(o.raised()).isEmpty();
    }

    @Test
    @Order(3)
    void a_full_run_meeting_someone_for_the_first_time_baselines_them_instead_of_alerting() throws Exception {
        // as after a first run that stopped half way: someone meeting a flag an alert is raised on has no results
        java.util.Set<String> alerting = new java.util.HashSet<>();
        run.rulebooks().forEach(b -> b.alerts().forEach(t -> alerting.add(t.indicator())));
        String someone = run.storedStatuses(store.personIds()).entrySet().stream()
                .filter(e -> e.getValue().entrySet().stream().anyMatch(x -> x.getValue() == Status.MET
                        && alerting.contains(x.getKey()))).map(Map.Entry::getKey).findFirst().orElseThrow();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM indicator_result WHERE subject_person_id = ?");
             PreparedStatement e = c.prepareStatement("DELETE FROM indicator_evaluation WHERE subject_person_id = ?")) {
            s.setString(1, someone);
            assertThat(s.executeUpdate()).isPositive();
            e.setString(1, someone);
            assertThat(e.executeUpdate()).isPositive();
        }

        IndicatorRun.Outcome o = run.runAll(Optional.of(EXTRACT), line -> { });

        assertThat(o.raised()).isEmpty();
        assertThat(run.stored(someone)).isNotEmpty();
    }

    @Test
    @Order(4)
    void a_new_domestic_abuse_incident_with_the_child_present_alerts_the_childs_school_once_and_is_audited()
            throws Exception {
        Child child = aSchoolChildPresentAtADomesticIncident();
        long alertsAudited = auditedAlerts();
        Path incoming = folder.resolve("incoming/incident_persons.csv");
        List<String> lines = Files.readAllLines(population.resolve("extracts/police/incident_persons.csv"));
        List<String> again = new ArrayList<>(List.of(lines.get(0)));
        lines.stream().skip(1).filter(l -> l.startsWith(child.occurrence() + ",")).forEach(l -> again.add(
                l.replace(child.occurrence(), "20/99999999999/26")
                        .replaceFirst(",\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2},", ",01/04/2026 21:15,")));
        Files.createDirectories(incoming.getParent());
        Files.write(incoming, again);
        new org.threadline.intake.load.Loader(new org.threadline.store.intake.IntakeStore(database.dataSource()),
                folder.resolve("landed"), CLOCK, "test").load(incoming, org.threadline.intake.source.SourceDefinitions
                .load(root.resolve("config/sources/police-incident-persons.yaml")));
        PeopleBuilder.Increment increment = builder.attachNew(line -> { });

        IndicatorRun.Outcome o = run.reevaluate(increment.personsTouched(), increment.newestEvent());

        assertThat(o.asOf()).isEqualTo(LocalDate.of(2026, 4, 1));
        List<Alert> toSchool = o.raised().stream().filter(a -> a.triggerId().equals("operation-encompass")
                && a.subjectPersonId().equals(child.personId())).toList();
        assertThat(toSchool).hasSize(1);
        Alert alert = toSchool.get(0);
        assertThat(alert.recipient().agency()).isEqualTo("schools");
        assertThat(alert.recipient().organisation()).contains(child.school());
        List<String> newIncident = store.events(increment.personsTouched()).stream()
                .filter(e -> e.fact("occurrence_ref").equals("20/99999999999/26")).map(ChronologyEvent::eventId)
                .toList();
        String childPresent = store.events(List.of(child.personId())).stream()
                .filter(e -> e.fact("occurrence_ref").equals("20/99999999999/26")).findFirst().orElseThrow().eventId();
        assertThat(alert.evidence()).as("only the new incident is news").contains(childPresent)
                .isSubsetOf(newIncident);
        assertThat(alert.dueBy()).as("before the next school day, Thursday 2 April 2026 08:30 in London")
                .isEqualTo(Instant.parse("2026-04-02T07:30:00Z"));
        assertThat(auditedAlerts() - alertsAudited).isEqualTo(o.raised().size());

        IndicatorRun.Outcome again2 = run.reevaluate(increment.personsTouched(), increment.newestEvent());
        assertThat(again2.raised()).as("the same evidence never alerts twice").isEmpty();
    }

    @Test
    @Order(5)
    void stored_flags_are_measured_against_the_truth_with_every_measured_indicator_and_its_subgroups()
            throws Exception {
        List<Rulebook> books = run.rulebooks();

        AccuracyReport report = IndicatorAccuracy.measure(store, run.storedStatuses(store.personIds()), books,
                population.resolve("truth"), EXTRACT, 0.10, 5);

        assertThat(report.indicators()).extracting(AccuracyReport.IndicatorAccuracy::indicator)
                .containsExactlyElementsOf(IndicatorAccuracy.MEASURED);
        AccuracyReport.IndicatorAccuracy neglect = report.indicators().stream()
                .filter(a -> a.indicator().equals("ace.physical_neglect")).findFirst().orElseThrow();
        assertThat(neglect.overall().actualPositives()).as("children neglected in the truth").isPositive();
        assertThat(neglect.overall().precision().orElse(0)).as("neglect as recorded by social care")
                .isGreaterThan(0.8);
        assertThat(neglect.subgroups()).extracting(AccuracyReport.Subgroup::attribute)
                .contains("ethnicity", "sex", "deprivation quintile");
        assertThat(report.toMarkdown()).contains("| ace.physical_neglect |");
    }

    record Child(String personId, String occurrence, String school) {
    }

    /** A child under 18 at the extract, present at a police domestic abuse incident, with a school enrolment. */
    private static Child aSchoolChildPresentAtADomesticIncident() {
        Map<String, PersonSummary> persons = store.persons(store.personIds());
        for (ChronologyEvent e : store.events(persons.keySet()).stream()
                .filter(e -> e.type().equals("DOMESTIC_ABUSE_INCIDENT") && e.role().name().equals("CHILD_PRESENT"))
                .sorted(Comparator.comparing(ChronologyEvent::personId)).toList()) {
            PersonSummary p = persons.get(e.personId());
            boolean child = p.dateOfBirth().map(d -> d.plusYears(18).isAfter(EXTRACT.plusDays(1))).orElse(false);
            Optional<String> school = store.events(List.of(p.personId())).stream()
                    .filter(x -> x.type().equals("SCHOOL_ENROLMENT") && !x.fact("school_urn").isBlank())
                    .max(Comparator.comparing(ChronologyEvent::date).thenComparing(ChronologyEvent::eventId))
                    .map(x -> x.fact("school_urn"));
            if (child && school.isPresent()) {
                return new Child(p.personId(), e.fact("occurrence_ref"), school.get());
            }
        }
        throw new AssertionError("the population has no school child present at a domestic abuse incident");
    }

    private static long auditedAlerts() throws Exception {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM audit_entry WHERE action = 'ALERT'");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
