package org.threadline.domain.chronology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventVocabularyTest {

    static final EventVocabulary SHIPPED = EventVocabulary.read(Path.of("../config/chronology/events.yaml"));

    @Test
    void the_shipped_vocabulary_maps_every_synthetic_feed_that_carries_events() {
        assertThat(SHIPPED.sources().keySet()).contains("police-incident-persons", "police-custody",
                "health-ed-attendances", "health-visiting", "housing-applications", "justice-probation-cases",
                "justice-youth-justice", "substance-misuse-treatment-episodes", "schools-pupils",
                "schools-attendance", "schools-exclusions", "social-care-referrals", "social-care-episodes",
                "social-care-missing");
        assertThat(SHIPPED.factsOf("DOMESTIC_ABUSE_INCIDENT")).contains("dash_risk", "domestic_abuse", "offence");
    }

    @Test
    void a_domestic_police_occurrence_becomes_a_domestic_abuse_incident_with_the_persons_role() {
        EventSource police = SHIPPED.source("police-incident-persons").orElseThrow();

        EventSource.MappedEvent e = police.map(Map.of("event_datetime", "2024-03-05T14:20", "role", "CHILD PRESENT",
                "attribute.DOMESTIC_ABUSE_FLAG", "Y", "attribute.OFFENCE_DESCRIPTION", "ASSAULT WITH INJURY",
                "attribute.DASH_RISK", "HIGH", "record_key", "20/1/24"), "").orElseThrow();

        assertThat(e.type()).isEqualTo("DOMESTIC_ABUSE_INCIDENT");
        assertThat(e.role()).isEqualTo(EventRole.CHILD_PRESENT);
        assertThat(e.date()).isEqualTo(EventDate.at(LocalDate.of(2024, 3, 5), LocalTime.of(14, 20)));
        assertThat(e.facts()).containsEntry("dash_risk", "HIGH").containsEntry("occurrence_ref", "20/1/24");
        assertThat(e.summary()).isEqualTo("ASSAULT WITH INJURY: child present; DASH risk HIGH");
    }

    @Test
    void empty_later_parts_of_a_summary_are_dropped_and_type_rules_apply_in_order() {
        EventSource police = SHIPPED.source("police-incident-persons").orElseThrow();

        EventSource.MappedEvent e = police.map(Map.of("event_datetime", "2024-03-05", "role", "MISSING PERSON",
                "attribute.DOMESTIC_ABUSE_FLAG", "Y", "attribute.OFFENCE_DESCRIPTION", "MISSING PERSON"), "")
                .orElseThrow();

        assertThat(e.type()).isEqualTo("MISSING_PERSON_REPORT");
        assertThat(e.summary()).isEqualTo("MISSING PERSON: missing person");
        assertThat(e.date().precision()).isEqualTo(DatePrecision.DAY);
        assertThat(e.date().time()).isEmpty();
    }

    @Test
    void school_terms_are_dated_to_the_month_the_term_starts() {
        EventSource attendance = SHIPPED.source("schools-attendance").orElseThrow();

        EventSource.MappedEvent spring = attendance.map(Map.of("attribute.AcademicYear", "2021/22",
                "attribute.Term", "SPR", "attribute.PossibleSessions", "120"), "").orElseThrow();

        assertThat(spring.date()).isEqualTo(EventDate.month(2022, 1));
        assertThat(spring.date().toString()).isEqualTo("2022-01");
        assertThat(spring.facts()).containsEntry("possible_sessions", "120");
    }

    @Test
    void a_second_person_named_in_a_row_gets_the_role_the_vocabulary_gives_them() {
        EventSource visiting = SHIPPED.source("health-visiting").orElseThrow();

        EventSource.MappedEvent mother = visiting.map(Map.of("event_date", "2021-05-02", "event_type",
                "NEW BIRTH VISIT", "attribute.Concerns", "MATERNAL MENTAL HEALTH"), "mother.").orElseThrow();

        assertThat(mother.role()).isEqualTo(EventRole.PARENT_OR_CARER);
        assertThat(mother.type()).isEqualTo("HEALTH_VISITOR_CONCERN");
    }

    @Test
    void an_episode_carries_its_end_and_a_row_without_a_usable_date_gives_no_event() {
        EventSource episodes = SHIPPED.source("social-care-episodes").orElseThrow();

        assertThat(episodes.map(Map.of("event_date", "2014-11-23", "attribute.DEC", "2016-05-25"), "")
                .orElseThrow().end()).isEqualTo(Optional.of(EventDate.day(LocalDate.of(2016, 5, 25))));
        assertThat(episodes.map(Map.of("event_date", "23/11/2014"), "")).isEmpty();
    }

    @Test
    void an_antenatal_contact_is_a_row_before_birth_dated_by_its_contact_and_a_later_contact_is_not() {
        EventSource visiting = SHIPPED.source("health-visiting").orElseThrow();

        assertThat(visiting.beforeBirth().orElseThrow().parent()).isEqualTo("mother");
        assertThat(visiting.beforeBirthDate(Map.of("event_date", "2023-02-17", "event_type", "ANTENATAL")))
                .contains(LocalDate.of(2023, 2, 17));
        assertThat(visiting.beforeBirthDate(Map.of("event_date", "2023-05-31", "event_type", "NEW BIRTH VISIT")))
                .isEmpty();
        assertThat(SHIPPED.source("police-incident-persons").orElseThrow()
                .beforeBirthDate(Map.of("event_date", "2023-02-17"))).isEmpty();
    }

    @Test
    void a_before_birth_declaration_is_checked_against_the_sources_facts_and_the_persons_its_rows_name() {
        String yaml = """
                id: events
                version: 1
                types:
                  A: {label: An event}
                sources:
                  feed:
                    attach: self
                    date: event_date
                    type: {default: A}
                    role: {fixed: SUBJECT, others: {mother: PARENT_OR_CARER}}
                    facts: {kind: event_type}
                    summary: "{kind}"
                    before_birth: {when: {stage: ANTENATAL}, parent: father, born_within_days: 0}
                """;

        assertThatThrownBy(() -> EventVocabulary.parse(yaml, "test.yaml"))
                .isInstanceOfSatisfying(EventVocabularyException.class, e -> assertThat(e.errors()).containsExactly(
                        "sources.feed.before_birth.when: condition on 'stage', which is not one of the source's facts",
                        "sources.feed.before_birth.parent: 'father' is not a person the row names (role.others)",
                        "sources.feed.before_birth.born_within_days: a whole number of days from 1 to 366"));
    }

    @Test
    void every_error_in_a_vocabulary_is_reported_at_once_with_its_path() {
        String yaml = """
                id: events
                version: 0
                types:
                  A: {label: An event}
                sources:
                  feed:
                    attach: sideways
                    date: event_date
                    type: {default: B, rules: [{when: {nope: X}, type: A}]}
                    role: {fixed: BYSTANDER}
                    facts: {Bad-Name: x}
                    summary: "{missing}"
                """;

        assertThatThrownBy(() -> EventVocabulary.parse(yaml, "test.yaml"))
                .isInstanceOfSatisfying(EventVocabularyException.class, e -> assertThat(e.errors()).containsExactly(
                        "version: must be a whole number from 1",
                        "sources.feed.attach: must be 'self' or {definition, on}",
                        "sources.feed.type.default: unknown event type B",
                        "sources.feed.role.fixed: unknown role BYSTANDER (one of " + java.util.List.of(
                                EventRole.values()) + ")",
                        "sources.feed.facts.Bad-Name: fact names are lower_snake_case",
                        "sources.feed.summary: {missing} is not one of the source's facts",
                        "sources.feed.type.rules: condition on 'nope', which is not one of the source's facts"));
    }
}
