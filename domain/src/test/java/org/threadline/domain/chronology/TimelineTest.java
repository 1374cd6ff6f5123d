package org.threadline.domain.chronology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimelineTest {

    static ChronologyEvent event(String id, String person, String day, String agency, String type, EventRole role,
                                 boolean significant, Map<String, String> facts) {
        return new ChronologyEvent(id, person, EventDate.day(LocalDate.parse(day)), Optional.empty(), agency, type,
                role, type + " " + id, significant, facts, List.of(new SourceRef(agency, "def", 1, id.hashCode() & 0xffff)),
                0.99);
    }

    @Test
    void one_police_occurrence_naming_a_victim_and_a_child_present_is_one_entry_listing_both() {
        Timeline t = Timeline.of(List.of(
                event("1", "P1", "2024-03-05", "police", "DOMESTIC_ABUSE_INCIDENT", EventRole.VICTIM, true,
                        Map.of("occurrence_ref", "20/1")),
                event("2", "P2", "2024-03-05", "police", "DOMESTIC_ABUSE_INCIDENT", EventRole.CHILD_PRESENT, true,
                        Map.of("occurrence_ref", "20/1"))), Timeline.Settings.DEFAULT);

        assertThat(t.entries()).singleElement().satisfies(e -> {
            assertThat(e.people()).containsEntry("P1", EventRole.VICTIM).containsEntry("P2", EventRole.CHILD_PRESENT);
            assertThat(e.sources()).hasSize(2);
        });
    }

    @Test
    void an_assault_seen_by_police_and_the_emergency_department_is_one_entry_with_both_sources() {
        Timeline t = Timeline.of(List.of(
                event("1", "P1", "2024-03-05", "police", "DOMESTIC_ABUSE_INCIDENT", EventRole.VICTIM, true,
                        Map.of("occurrence_ref", "20/1")),
                event("2", "P1", "2024-03-05", "health", "ED_ASSAULT", EventRole.SUBJECT, true, Map.of())),
                Timeline.Settings.DEFAULT);

        assertThat(t.entries()).singleElement().satisfies(e -> {
            assertThat(e.agencies()).containsExactly("health", "police");
            assertThat(e.summary()).contains("health also recorded: ED_ASSAULT 2");
        });
    }

    @Test
    void routine_events_in_a_run_are_aggregated_visibly_but_significant_ones_never_are() {
        Timeline t = Timeline.of(List.of(
                event("1", "P1", "2020-01-10", "health", "ED_ATTENDANCE", EventRole.SUBJECT, false, Map.of()),
                event("2", "P1", "2020-02-10", "health", "ED_ATTENDANCE", EventRole.SUBJECT, false, Map.of()),
                event("3", "P1", "2020-03-10", "health", "ED_ATTENDANCE", EventRole.SUBJECT, false, Map.of()),
                event("4", "P1", "2020-03-11", "police", "ARREST", EventRole.SUSPECT, true, Map.of())),
                Timeline.Settings.DEFAULT);

        assertThat(t.entries()).hasSize(2);
        assertThat(t.entries().get(0).count()).isEqualTo(3);
        assertThat(t.entries().get(0).summary()).startsWith("3 × ed attendance from 2020-01-10 to 2020-03-10");
        assertThat(t.entries().get(1).type()).isEqualTo("ARREST");
    }

    @Test
    void a_long_period_without_agency_contact_is_shown_as_a_gap() {
        Timeline t = Timeline.of(List.of(
                event("1", "P1", "2020-01-10", "health", "ED_ATTENDANCE", EventRole.SUBJECT, false, Map.of()),
                event("2", "P1", "2021-06-01", "police", "ARREST", EventRole.SUSPECT, true, Map.of())),
                Timeline.Settings.DEFAULT);

        assertThat(t.gaps()).containsExactly(new Timeline.Gap(LocalDate.of(2020, 1, 10), LocalDate.of(2021, 6, 1), 508));
    }

    @Test
    void filtering_for_significant_events_keeps_the_gaps_of_the_whole_record() {
        Timeline t = Timeline.of(List.of(
                event("1", "P1", "2020-01-10", "health", "ED_ATTENDANCE", EventRole.SUBJECT, false, Map.of()),
                event("2", "P1", "2020-02-01", "police", "ARREST", EventRole.SUSPECT, true, Map.of())),
                Timeline.Settings.DEFAULT.significant());

        assertThat(t.entries()).extracting(Timeline.Entry::type).containsExactly("ARREST");
        assertThat(t.gaps()).isEmpty();
    }
}
