package org.threadline.app.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threadline.domain.names.FamiliarForms;
import org.threadline.store.people.Build;

class PersonSearchTest {
    static final PersonSearch SEARCH = new PersonSearch(FamiliarForms.load());

    static Build.RecordRow record(String key, String person, String agency, String... fields) {
        Map<String, String> identity = new HashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            identity.put(fields[i], fields[i + 1]);
        }
        return new Build.RecordRow(key, 1, 1, "", person, agency, agency + "-feed", 1.0, identity);
    }

    static final List<Build.RecordRow> RECORDS = List.of(
            record("1:1", "P0000001", "police", "forename", "WILLIAM", "surname", "HUGHES",
                    "date_of_birth", "2014-03-27", "postcode", "LS6 2AB", "pnc_id", "14/123456X"),
            record("2:1", "P0000001", "health", "forename", "BILL", "surname", "HUGHES",
                    "nhs_number", "943 476 5919"),
            record("3:1", "P0000002", "schools", "forename", "WILMA", "surname", "HEWES",
                    "date_of_birth", "2015-01-02", "upn", "A123456789012"),
            record("4:1", "P0000003", "schools", "forename", "JOHN", "surname", "SMITH",
                    "date_of_birth", "2014-03-27", "postcode", "LS7 1AA"));

    static List<PersonSearch.Hit> find(String name, String dob, String postcode, String id) {
        return SEARCH.search(new PersonSearch.Query(name, dob, postcode, id), RECORDS, (r, f) -> true);
    }

    @Test
    void a_familiar_form_finds_the_formal_name_and_says_so() {
        List<PersonSearch.Hit> hits = find("Bill Hughes", "", "", "");
        assertThat(hits).extracting(PersonSearch.Hit::personId).containsExactly("P0000001");
        assertThat(hits.get(0).reasons()).extracting(PersonSearch.Reason::field, PersonSearch.Reason::how)
                .contains(org.assertj.core.groups.Tuple.tuple("forename", PersonSearch.How.EXACT),
                        org.assertj.core.groups.Tuple.tuple("forename", PersonSearch.How.FAMILIAR_FORM),
                        org.assertj.core.groups.Tuple.tuple("surname", PersonSearch.How.EXACT));
    }

    @Test
    void a_surname_that_sounds_alike_or_is_the_start_of_one_matches_but_ranks_below_an_exact_one() {
        List<PersonSearch.Hit> hits = find("Hughes", "", "", "");
        assertThat(hits).extracting(PersonSearch.Hit::personId).containsExactly("P0000001", "P0000002");
        assertThat(hits.get(1).reasons()).extracting(PersonSearch.Reason::how)
                .containsOnly(PersonSearch.How.SOUNDS_LIKE);
        assertThat(find("Smi", "", "", "")).extracting(PersonSearch.Hit::personId).containsExactly("P0000003");
    }

    @Test
    void every_criterion_given_must_be_met_by_some_record_of_the_person() {
        assertThat(find("Hughes", "27/03/2014", "", "")).extracting(PersonSearch.Hit::personId)
                .containsExactly("P0000001");
        assertThat(find("", "2014-03-27", "LS7", "")).extracting(PersonSearch.Hit::personId)
                .containsExactly("P0000003");
        assertThat(find("Smith", "02/01/2015", "", "")).isEmpty();
    }

    @Test
    void identifiers_match_whatever_their_spacing_or_case() {
        assertThat(find("", "", "", "9434765919")).extracting(PersonSearch.Hit::personId).containsExactly("P0000001");
        assertThat(find("", "", "", "a123456789012")).extracting(PersonSearch.Hit::personId)
                .containsExactly("P0000002");
    }

    @Test
    void a_field_the_searcher_may_not_see_never_matches() {
        List<PersonSearch.Hit> hits = SEARCH.search(new PersonSearch.Query("", "", "", "14/123456X"), RECORDS,
                (r, f) -> !Set.of("pnc_id").contains(f));
        assertThat(hits).isEmpty();
        List<PersonSearch.Hit> byName = SEARCH.search(new PersonSearch.Query("Bill Hughes", "", "", ""), RECORDS,
                (r, f) -> !r.agency().equals("police"));
        assertThat(byName.get(0).reasons()).extracting(PersonSearch.Reason::agency).containsOnly("health");
    }

    @Test
    void a_query_with_nothing_or_an_impossible_date_is_refused_with_the_field_to_correct() {
        assertThat(PersonSearch.problems(new PersonSearch.Query("", "", "", ""))).containsKey("name");
        assertThat(PersonSearch.problems(new PersonSearch.Query("", "31/02/2014", "", "")))
                .containsKey("dateOfBirth");
        assertThat(PersonSearch.problems(new PersonSearch.Query("Ann", "1/2/2014", "", ""))).isEmpty();
    }
}
