package org.threadline.domain.indicators.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.chronology.EventDate;
import org.threadline.domain.chronology.EventRole;
import org.threadline.domain.chronology.SourceRef;
import org.threadline.domain.indicators.AlertTrigger;
import org.threadline.domain.indicators.Evaluation;
import org.threadline.domain.indicators.EventVocabulary;
import org.threadline.domain.indicators.RuleEngine;
import org.threadline.domain.indicators.Rulebook;
import org.threadline.domain.indicators.RulebookReader;
import org.threadline.domain.people.Basis;
import org.threadline.domain.people.Family;
import org.threadline.domain.people.PersonSummary;
import org.threadline.domain.people.Relationship;
import org.threadline.domain.people.RelationshipType;
import org.threadline.domain.people.Sex;

class RaisingAlertsTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 3, 3); // a Tuesday
    final Rulebook book = load();
    final RuleEngine engine = RuleEngine.compile(book);
    final Clock clock = Clock.fixed(Instant.parse("2026-03-03T21:40:00Z"), ZoneOffset.UTC);
    final RaisingAlerts raising = new RaisingAlerts(book, clock);
    final PersonSummary child = new PersonSummary("C", "Ann", "Smith", Optional.of(LocalDate.of(2015, 1, 1)),
            Sex.F);
    final PersonSummary mother = new PersonSummary("M", "Bea", "Smith", Optional.of(LocalDate.of(1990, 1, 1)),
            Sex.F);
    final Family family = new Family("C", List.of(child, mother), List.of(new Relationship("M", "C",
            RelationshipType.PARENT_OF, Basis.ASSERTED, "health-visiting mother", Optional.empty(), Optional.empty(),
            List.of(new SourceRef("health", "health-visiting", 1, 2)))));
    final List<ChronologyEvent> events = new ArrayList<>(List.of(
            event("S1", "C", "SCHOOL_ENROLMENT", LocalDate.of(2024, 9, 1), EventRole.SUBJECT, "school_urn", "111111"),
            event("S2", "C", "SCHOOL_ENROLMENT", LocalDate.of(2025, 9, 1), EventRole.SUBJECT, "school_urn", "304045")));

    static Rulebook load() {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(p.resolve("config/rules"))) {
            p = p.getParent();
        }
        return new RulebookReader(EventVocabulary.read(p.resolve("config/chronology/events.yaml")))
                .read(p.resolve("config/rules/child-safeguarding.yaml"));
    }

    static ChronologyEvent event(String id, String person, String type, LocalDate d, EventRole role,
                                 String... facts) {
        java.util.Map<String, String> f = new java.util.LinkedHashMap<>();
        for (int i = 0; i < facts.length; i += 2) {
            f.put(facts[i], facts[i + 1]);
        }
        return new ChronologyEvent(id, person, EventDate.day(d), Optional.empty(), "police", type, role, type, true,
                f, List.of(new SourceRef("police", "police-incident-persons", 7, id.hashCode() & 0xffff)), 1.0);
    }

    private Evaluation evaluate() {
        return engine.evaluate(child, family, events, AS_OF);
    }

    @Test
    void a_household_domestic_abuse_incident_alerts_the_childs_school_once_per_incident() {
        Evaluation before = evaluate();
        assertThat(raising.raise(Optional.empty(), before, events)).isEmpty();

        events.add(event("DA1", "M", "DOMESTIC_ABUSE_INCIDENT", AS_OF, EventRole.VICTIM, "dash_risk", "STANDARD"));
        Evaluation after = evaluate();
        List<Alert> alerts = raising.raise(Optional.of(before), after, events);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.triggerId()).isEqualTo("operation-encompass");
            assertThat(a.recipient()).isEqualTo(new Recipient("schools", "designated safeguarding lead",
                    Optional.of("304045")));
            assertThat(a.evidence()).containsExactly("DA1");
            assertThat(a.state()).isEqualTo(AlertState.RAISED);
            // raised Tuesday 21:40 UTC: due Wednesday 08:30 in London (GMT in March)
            assertThat(a.dueBy()).isEqualTo(Instant.parse("2026-03-04T08:30:00Z"));
            assertThat(a.statements()).isNotEmpty();
        });

        // the same evaluation again raises nothing: the evidence has already been alerted
        assertThat(raising.raise(Optional.of(after), evaluate(), events)).isEmpty();

        // a second incident raises a second alert, carrying only the new incident
        events.add(event("DA2", "C", "DOMESTIC_ABUSE_INCIDENT", AS_OF, EventRole.CHILD_PRESENT));
        List<Alert> second = raising.raise(Optional.of(after), evaluate(), events);
        assertThat(second).singleElement().satisfies(a -> assertThat(a.evidence()).containsExactly("DA2"));
        assertThat(second.get(0).alertId()).isNotEqualTo(alerts.get(0).alertId());
    }

    @Test
    void the_same_change_processed_twice_gives_the_same_alert_id() {
        Evaluation before = evaluate();
        events.add(event("DA1", "M", "DOMESTIC_ABUSE_INCIDENT", AS_OF, EventRole.SUSPECT));
        Evaluation after = evaluate();
        assertThat(raising.raise(Optional.of(before), after, events).get(0).alertId())
                .isEqualTo(new RaisingAlerts(book, Clock.offset(clock, Duration.ofMinutes(5)))
                        .raise(Optional.of(before), after, events).get(0).alertId());
    }

    @Test
    void the_third_missing_episode_alerts_social_care_and_the_fourth_does_not() {
        events.add(event("M1", "C", "MISSING_EPISODE", LocalDate.of(2025, 6, 1), EventRole.MISSING_PERSON));
        events.add(event("M2", "C", "MISSING_EPISODE", LocalDate.of(2025, 9, 1), EventRole.MISSING_PERSON));
        Evaluation two = evaluate();
        assertThat(raising.raise(Optional.empty(), two, events)).isEmpty();
        events.add(event("M3", "C", "MISSING_PERSON_REPORT", LocalDate.of(2026, 3, 2), EventRole.MISSING_PERSON));
        Evaluation three = evaluate();
        List<Alert> alerts = raising.raise(Optional.of(two), three, events);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.recipient().agency()).isEqualTo("social-care");
            assertThat(a.recipient().organisation()).isEmpty();
            assertThat(a.evidence()).containsExactly("M1", "M2", "M3");
            assertThat(a.dueBy()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        });
        events.add(event("M4", "C", "MISSING_EPISODE", LocalDate.of(2026, 3, 3), EventRole.MISSING_PERSON));
        assertThat(raising.raise(Optional.of(three), evaluate(), events)).isEmpty();
    }

    @Test
    void the_next_school_day_skips_weekends_and_follows_british_summer_time() {
        AlertTrigger.Due due = new AlertTrigger.Due.NextSchoolDayAt(LocalTime.of(8, 30));
        // Friday evening -> Monday 08:30
        assertThat(RaisingAlerts.due(due, Instant.parse("2026-03-06T18:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-09T08:30:00Z"));
        // Tuesday 02:00 -> the same Tuesday 08:30
        assertThat(RaisingAlerts.due(due, Instant.parse("2026-03-03T02:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-03T08:30:00Z"));
        // exactly 08:30 -> the next day
        assertThat(RaisingAlerts.due(due, Instant.parse("2026-03-03T08:30:00Z")))
                .isEqualTo(Instant.parse("2026-03-04T08:30:00Z"));
        // in June 08:30 local is 07:30 UTC
        assertThat(RaisingAlerts.due(due, Instant.parse("2026-06-16T05:00:00Z")))
                .isEqualTo(Instant.parse("2026-06-16T07:30:00Z"));
    }
}
