package org.threadline.store.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.chronology.EventDate;
import org.threadline.domain.chronology.EventRole;
import org.threadline.domain.chronology.SourceRef;
import org.threadline.domain.indicators.Evaluation;
import org.threadline.domain.indicators.EventVocabulary;
import org.threadline.domain.indicators.RuleEngine;
import org.threadline.domain.indicators.Rulebook;
import org.threadline.domain.indicators.RulebookReader;
import org.threadline.domain.indicators.Status;
import org.threadline.domain.indicators.alerts.Actor;
import org.threadline.domain.indicators.alerts.Alert;
import org.threadline.domain.indicators.alerts.AlertState;
import org.threadline.domain.indicators.alerts.Decision;
import org.threadline.domain.indicators.alerts.RaisingAlerts;
import org.threadline.domain.indicators.alerts.Transition;
import org.threadline.domain.people.Basis;
import org.threadline.domain.people.Family;
import org.threadline.domain.people.PersonSummary;
import org.threadline.domain.people.Relationship;
import org.threadline.domain.people.RelationshipType;
import org.threadline.domain.people.Sex;
import org.threadline.store.Database;
import org.threadline.store.TestDatabases;

class IndicatorStoresTest {
    @TempDir
    static Path folder;
    static Database db;
    static Rulebook aces;
    static Rulebook safeguarding;
    static final LocalDate AS_OF = LocalDate.of(2026, 3, 3);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-03T21:40:00Z"), ZoneOffset.UTC);

    final PersonSummary child = new PersonSummary("C1", "Ann", "Smith", Optional.of(LocalDate.of(2015, 1, 1)), Sex.F);
    final PersonSummary mother = new PersonSummary("M1", "Bea", "Smith", Optional.of(LocalDate.of(1990, 1, 1)),
            Sex.F);
    final PersonSummary father = new PersonSummary("F1", "Cal", "Smith", Optional.of(LocalDate.of(1988, 1, 1)),
            Sex.M);
    final Family family = new Family("C1", List.of(child, mother, father), List.of(
            rel("M1", "C1", RelationshipType.PARENT_OF), rel("F1", "C1", RelationshipType.PARENT_OF),
            rel("F1", "M1", RelationshipType.EX_PARTNER_OF)));

    static Relationship rel(String a, String b, RelationshipType t) {
        return new Relationship(a, b, t, Basis.ASSERTED, "test", Optional.empty(), Optional.empty(),
                List.of(new SourceRef("housing", "housing-people", 3, 4)));
    }

    @BeforeAll
    static void start() {
        db = TestDatabases.open(folder.resolve("db"));
        Path p = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(p.resolve("config/rules"))) {
            p = p.getParent();
        }
        RulebookReader reader = new RulebookReader(EventVocabulary.read(p.resolve("config/chronology/events.yaml")));
        aces = reader.read(p.resolve("config/rules/childhood-adversity.yaml"));
        safeguarding = reader.read(p.resolve("config/rules/child-safeguarding.yaml"));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static ChronologyEvent event(String id, String person, String type, EventDate date, EventRole role) {
        return new ChronologyEvent(id, person, date, Optional.empty(), "police", type, role, type + " summary", true,
                java.util.Map.of("dash_risk", "HIGH"), List.of(new SourceRef("police", "police-incident-persons", 9,
                42)), 1.0);
    }

    @Test
    void an_evaluation_round_trips_with_its_evidence_and_a_new_one_replaces_it() {
        IndicatorResultStore store = new IndicatorResultStore(db.dataSource());
        List<ChronologyEvent> events = List.of(event("E1", "M1", "DOMESTIC_ABUSE_INCIDENT",
                EventDate.at(LocalDate.of(2024, 4, 5), LocalTime.of(23, 10)), EventRole.VICTIM),
                event("E2", "F1", "CUSTODIAL_SENTENCE", EventDate.month(2023, 6), EventRole.OFFENDER));
        Evaluation e = RuleEngine.compile(aces).evaluate(child, family, events, AS_OF);
        assertThat(e.result("ace.domestic_abuse").orElseThrow().status()).isEqualTo(Status.MET);
        assertThat(e.result("ace.parental_separation").orElseThrow().status()).isEqualTo(Status.MET);
        store.save(aces, e, CLOCK.instant());
        assertThat(store.load("C1", aces)).contains(asStored(e));
        assertThat(store.metBy("ace.household_imprisonment")).containsExactly("C1");

        Evaluation later = RuleEngine.compile(aces).evaluate(child, family, List.of(), AS_OF);
        store.save(aces, later, CLOCK.instant());
        assertThat(store.load("C1", aces)).contains(asStored(later));
        assertThat(store.metBy("ace.household_imprisonment")).isEmpty();
        assertThat(store.load("nobody", aces)).isEmpty();
    }

    /** An evaluation as the store gives it back: a not-met result's own words are not kept (ADR 0029). */
    static Evaluation asStored(Evaluation e) {
        return new Evaluation(e.subjectPersonId(), e.rulebook(), e.asOf(), e.results().stream()
                .map(r -> r.status() == Status.NOT_MET ? new org.threadline.domain.indicators.IndicatorResult(
                        r.indicatorId(), Status.NOT_MET, IndicatorResultStore.NOT_MET_REASON, List.of()) : r)
                .toList());
    }

    @Test
    void only_met_and_unanswerable_results_are_rows_and_the_evaluation_row_names_the_ones_not_met() throws Exception {
        IndicatorResultStore store = new IndicatorResultStore(db.dataSource());
        List<ChronologyEvent> events = List.of(event("E9", "M1", "DOMESTIC_ABUSE_INCIDENT",
                EventDate.day(LocalDate.of(2024, 4, 5)), EventRole.VICTIM));
        PersonSummary other = new PersonSummary("C9", "Dee", "Smith", Optional.of(LocalDate.of(2016, 2, 2)),
                Sex.F);
        Family theirs = new Family("C9", List.of(other, mother), List.of(rel("M1", "C9", RelationshipType.PARENT_OF)));
        Evaluation e = RuleEngine.compile(aces).evaluate(other, theirs, events, AS_OF);
        long notMet = e.results().stream().filter(r -> r.status() == Status.NOT_MET).count();
        assertThat(notMet).as("the case needs some indicators not met").isPositive();

        store.save(aces, e, CLOCK.instant());

        assertThat(count("SELECT count(*) FROM indicator_result WHERE subject_person_id = 'C9'"))
                .isEqualTo(e.results().size() - notMet);
        assertThat(count("SELECT cardinality(not_met) FROM indicator_evaluation WHERE subject_person_id = 'C9'"))
                .isEqualTo(notMet);
        assertThat(store.load("C9", aces)).contains(asStored(e));
        assertThatThrownBy(() -> sql("INSERT INTO indicator_result VALUES ('X', 'r', 'i', 1, '" + "0".repeat(64)
                + "', 'NOT_MET', 'because', '[]'::jsonb, DATE '2026-01-01', now())"))
                .hasMessageContaining("indicator_result_by_exception");
    }

    private static long count(String query) throws SQLException {
        try (java.sql.Connection c = db.dataSource().getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void a_chunk_is_saved_as_each_evaluation_alone_would_be_the_later_of_two_for_one_subject_winning_as_one_change() {
        IndicatorResultStore store = new IndicatorResultStore(db.dataSource());
        CohortInputChanges changes = new CohortInputChanges(db.dataSource());
        RuleEngine engine = RuleEngine.compile(aces);
        List<ChronologyEvent> abuse = List.of(event("E21", "M1", "DOMESTIC_ABUSE_INCIDENT",
                EventDate.day(LocalDate.of(2024, 4, 5)), EventRole.VICTIM));
        PersonSummary other = new PersonSummary("C22", "Eve", "Smith", Optional.of(LocalDate.of(2017, 3, 3)), Sex.F);
        Family theirs = new Family("C22", List.of(other, mother), List.of(rel("M1", "C22", RelationshipType.PARENT_OF)));
        Evaluation first = engine.evaluate(child, family, abuse, AS_OF);
        Evaluation nothing = engine.evaluate(other, theirs, List.of(), AS_OF);
        Evaluation later = engine.evaluate(child, family, List.of(), AS_OF);
        assertThat(nothing.results()).allMatch(r -> r.status() != Status.MET);
        long before = changes.seen();

        store.save(aces, List.of(first, nothing, later), CLOCK.instant());

        assertThat(store.load("C1", aces)).contains(asStored(later));
        assertThat(store.load("C22", aces)).contains(asStored(nothing));
        assertThat(changes.seen()).isEqualTo(before + 1);
        store.save(aces, List.of(first), CLOCK.instant());
        assertThat(store.load("C1", aces)).contains(asStored(first));
    }

    @Test
    void the_database_refuses_a_met_result_without_evidence() {
        assertThatThrownBy(() -> sql("INSERT INTO indicator_result VALUES ('X', 'r', 'i', 1, '"
                + "0".repeat(64) + "', 'MET', 'because', '[]'::jsonb, DATE '2026-01-01', now())"))
                .hasMessageContaining("check constraint");
    }

    @Test
    void an_alert_is_stored_once_and_its_steps_are_stored_only_from_the_state_they_started_in() {
        AlertStore alerts = new AlertStore(db.dataSource());
        IndicatorResultStore results = new IndicatorResultStore(db.dataSource());
        RuleEngine engine = RuleEngine.compile(safeguarding);
        List<ChronologyEvent> events = new ArrayList<>();
        Evaluation before = engine.evaluate(child, family, events, AS_OF);
        results.save(safeguarding, before, CLOCK.instant());
        events.add(event("DA9", "M1", "DOMESTIC_ABUSE_INCIDENT", EventDate.day(AS_OF), EventRole.VICTIM));
        Evaluation after = engine.evaluate(child, family, events, AS_OF);
        List<Alert> raised = new RaisingAlerts(safeguarding, CLOCK).raise(results.load("C1", safeguarding), after,
                events);
        assertThat(raised).hasSize(1);
        Alert alert = raised.get(0);
        assertThat(alerts.raise(alert)).isTrue();
        assertThat(alerts.raise(alert)).isFalse();
        assertThat(alerts.find(alert.alertId())).contains(alert);
        assertThat(alerts.overdue(Instant.parse("2026-03-04T08:31:00Z"))).extracting(Alert::alertId)
                .contains(alert.alertId());

        Actor dsl = new Actor("J. Patel", "schools");
        Alert acknowledged = ((Transition.Done) alert.acknowledge(dsl, CLOCK)).alert();
        Alert alsoAcknowledged = ((Transition.Done) alert.acknowledge(new Actor("K. Lee", "schools"), CLOCK)).alert();
        assertThat(alerts.record(acknowledged)).isEqualTo(AlertStore.Recorded.STORED);
        assertThat(alerts.record(alsoAcknowledged)).isEqualTo(AlertStore.Recorded.CONFLICT);
        Alert decided = ((Transition.Done) acknowledged.recordDecision(dsl, new Decision(Decision.Outcome.NO_ACTION,
                "Known to the school; already on a plan"), CLOCK)).alert();
        assertThat(alerts.record(decided)).isEqualTo(AlertStore.Recorded.STORED);
        Alert stored = alerts.find(alert.alertId()).orElseThrow();
        assertThat(stored).isEqualTo(decided);
        assertThat(stored.state()).isEqualTo(AlertState.DECISION_RECORDED);
        assertThat(alerts.forAgency("schools")).extracting(Alert::alertId).contains(alert.alertId());
        assertThat(alerts.overdue(Instant.parse("2026-03-04T08:31:00Z"))).extracting(Alert::alertId)
                .doesNotContain(alert.alertId());
    }

    @Test
    void alert_steps_cannot_be_changed_or_deleted() {
        AlertStore alerts = new AlertStore(db.dataSource());
        RuleEngine engine = RuleEngine.compile(safeguarding);
        List<ChronologyEvent> events = List.of(event("DA10", "F1", "DOMESTIC_ABUSE_INCIDENT", EventDate.day(AS_OF),
                EventRole.SUSPECT));
        Alert alert = new RaisingAlerts(safeguarding, CLOCK).raise(Optional.empty(),
                engine.evaluate(child, family, events, AS_OF), events).get(0);
        alerts.raise(alert);
        assertThatThrownBy(() -> sql("UPDATE alert_step SET by_name = 'someone else' WHERE alert_id = '"
                + alert.alertId() + "'")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("DELETE FROM alert_step WHERE alert_id = '" + alert.alertId() + "'"))
                .hasMessageContaining("append-only");
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
