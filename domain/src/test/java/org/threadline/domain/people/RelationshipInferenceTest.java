package org.threadline.domain.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.threadline.domain.chronology.SourceRef;

class RelationshipInferenceTest {

    static final RelationshipInference INFERENCE = new RelationshipInference(RelationshipInference.Settings.DEFAULT);

    static PersonSummary person(String id, String born) {
        return new PersonSummary(id, "A", "B", Optional.of(LocalDate.parse(born)), Sex.UNKNOWN);
    }

    static PersonRow row(String person, String definition, long row, String part, String seen, Map<String, String> f) {
        return new PersonRow(person, new SourceRef("agency", definition, 1, row), part, f,
                Optional.ofNullable(seen).map(LocalDate::parse));
    }

    static final Map<String, String> HOME = Map.of("address_line", "1 High Street, Dudley", "postcode", "DY1 1AA");

    static Map<String, PersonSummary> people(PersonSummary... ps) {
        return java.util.Arrays.stream(ps).collect(java.util.stream.Collectors.toMap(PersonSummary::personId, p -> p));
    }

    @Test
    void a_mother_named_in_a_health_visiting_record_is_an_asserted_parent_with_that_row_as_evidence() {
        List<Relationship> found = INFERENCE.infer(List.of(
                row("P2", "health-visiting", 5, "", "2021-05-02", Map.of()),
                row("P1", "health-visiting", 5, "mother", "2021-05-02", Map.of())), Map.of());

        assertThat(found).singleElement().satisfies(r -> {
            assertThat(r.fromPerson()).isEqualTo("P1");
            assertThat(r.toPerson()).isEqualTo("P2");
            assertThat(r.type()).isEqualTo(RelationshipType.PARENT_OF);
            assertThat(r.basis()).isEqualTo(Basis.ASSERTED);
            assertThat(r.evidence()).extracting(SourceRef::rowNumber).containsExactly(5L);
        });
    }

    @Test
    void co_residence_infers_a_household_a_parent_and_siblings_naming_the_rule() {
        List<Relationship> found = INFERENCE.infer(List.of(
                row("P1", "schools-pupils", 1, "", "2020-09-01", HOME),
                row("P2", "schools-pupils", 2, "", "2020-09-01", HOME),
                row("P3", "police-incident-persons", 3, "", "2021-01-10", HOME)),
                people(person("P1", "2010-01-01"), person("P2", "2012-06-01"), person("P3", "1985-03-03")));

        assertThat(found).filteredOn(r -> r.type() == RelationshipType.PARENT_OF)
                .extracting(Relationship::fromPerson, Relationship::toPerson)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("P3", "P1"),
                        org.assertj.core.groups.Tuple.tuple("P3", "P2"));
        assertThat(found).filteredOn(r -> r.type() == RelationshipType.SIBLING_OF).singleElement()
                .satisfies(r -> assertThat(r.rule()).isEqualTo("co-resident children"));
        assertThat(found).filteredOn(r -> r.type() == RelationshipType.HOUSEHOLD_MEMBER_WITH).hasSize(3)
                .allSatisfy(r -> assertThat(r.basis()).isEqualTo(Basis.INFERRED));
    }

    @Test
    void people_seen_at_one_address_years_apart_are_not_a_household() {
        List<Relationship> found = INFERENCE.infer(List.of(
                row("P1", "schools-pupils", 1, "", "2015-09-01", HOME),
                row("P3", "police-incident-persons", 3, "", "2021-01-10", HOME)),
                people(person("P1", "2010-01-01"), person("P3", "1985-03-03")));

        assertThat(found).isEmpty();
    }

    @Test
    void grown_up_children_living_with_a_parent_are_not_inferred_to_be_partners() {
        List<Relationship> found = INFERENCE.infer(List.of(
                row("P1", "a", 1, "", "2020-01-01", HOME),
                row("P2", "a", 2, "", "2020-01-01", HOME),
                row("P3", "a", 3, "", "2020-01-01", HOME),
                row("P4", "a", 4, "", "2020-01-01", HOME)),
                people(person("P1", "1970-01-01"), person("P2", "2003-01-01"), person("P3", "2005-01-01"),
                        person("P4", "2009-01-01")));

        assertThat(found).filteredOn(r -> r.type() == RelationshipType.PARTNER_OF).isEmpty();
    }

    @Test
    void a_homelessness_case_asserts_partner_parent_and_sibling_ties_between_its_members() {
        List<Relationship> found = INFERENCE.infer(List.of(
                row("P1", "housing-people", 1, "", "2021-06-07", Map.of("record_key", "HL/1", "role", "Applicant")),
                row("P2", "housing-people", 2, "", "2021-06-07", Map.of("record_key", "HL/1", "role", "Partner")),
                row("P3", "housing-people", 3, "", "2021-06-07", Map.of("record_key", "HL/1", "role", "Child")),
                row("P4", "housing-people", 4, "", "2021-06-07", Map.of("record_key", "HL/1", "role", "Child"))),
                Map.of());

        assertThat(found).filteredOn(r -> r.basis() == Basis.ASSERTED)
                .extracting(Relationship::fromPerson, Relationship::toPerson, Relationship::type)
                .contains(org.assertj.core.groups.Tuple.tuple("P1", "P2", RelationshipType.PARTNER_OF),
                        org.assertj.core.groups.Tuple.tuple("P1", "P3", RelationshipType.PARENT_OF),
                        org.assertj.core.groups.Tuple.tuple("P3", "P4", RelationshipType.SIBLING_OF),
                        org.assertj.core.groups.Tuple.tuple("P2", "P3", RelationshipType.HOUSEHOLD_MEMBER_WITH));
    }

    static final Map<String, String> ELSEWHERE = Map.of("address_line", "9 Castle Hill, Dudley", "postcode", "DY1 4RA");

    static List<PersonRow> partnersTogetherIn2019() {
        return new java.util.ArrayList<>(List.of(
                row("P1", "a", 1, "", "2019-03-01", HOME),
                row("P2", "b", 2, "", "2019-03-20", HOME)));
    }

    static final Map<String, PersonSummary> COUPLE = people(person("P1", "1985-01-01"), person("P2", "1986-05-01"));

    @Test
    void partners_both_seen_again_at_different_addresses_have_ended_their_partnership_on_the_last_day_together() {
        List<PersonRow> rows = partnersTogetherIn2019();
        rows.add(row("P1", "a", 3, "", "2021-02-01", HOME));
        rows.add(row("P2", "b", 4, "", "2021-04-01", ELSEWHERE));
        rows.add(row("P2", "c", 5, "", "2022-01-15", ELSEWHERE));

        Relationship partners = INFERENCE.infer(rows, COUPLE).stream()
                .filter(r -> r.type() == RelationshipType.PARTNER_OF).findFirst().orElseThrow();

        assertThat(partners.to()).contains(LocalDate.parse("2019-03-20"));
        assertThat(partners.rule()).contains("ended: " + RelationshipInference.ENDED_RULE + " (2021-02-01)");
        assertThat(partners.evidence()).extracting(SourceRef::rowNumber).contains(3L, 5L);
    }

    @Test
    void one_row_at_another_address_does_not_end_a_partnership() {
        List<PersonRow> rows = partnersTogetherIn2019();
        rows.add(row("P1", "a", 3, "", "2021-02-01", HOME));
        rows.add(row("P2", "b", 4, "", "2021-04-01", ELSEWHERE));

        assertThat(INFERENCE.infer(rows, COUPLE)).filteredOn(r -> r.type() == RelationshipType.PARTNER_OF)
                .singleElement().satisfies(r -> assertThat(r.to()).isEmpty());
    }

    @Test
    void a_partner_never_seen_again_has_not_been_seen_to_leave() {
        List<PersonRow> rows = partnersTogetherIn2019();
        rows.add(row("P2", "b", 4, "", "2021-04-01", ELSEWHERE));
        rows.add(row("P2", "c", 5, "", "2022-01-15", ELSEWHERE));

        assertThat(INFERENCE.infer(rows, COUPLE)).filteredOn(r -> r.type() == RelationshipType.PARTNER_OF)
                .singleElement().satisfies(r -> assertThat(r.to()).isEmpty());
    }

    @Test
    void partners_who_moved_together_are_still_partners() {
        List<PersonRow> rows = partnersTogetherIn2019();
        rows.add(row("P1", "a", 3, "", "2021-02-01", ELSEWHERE));
        rows.add(row("P2", "b", 4, "", "2021-04-01", ELSEWHERE));
        rows.add(row("P2", "c", 5, "", "2022-01-15", ELSEWHERE));

        assertThat(INFERENCE.infer(rows, COUPLE)).filteredOn(r -> r.type() == RelationshipType.PARTNER_OF)
                .singleElement().satisfies(r -> assertThat(r.to()).isEmpty());
    }
}
