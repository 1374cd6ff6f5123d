package org.threadline.app.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threadline.domain.chronology.EventVocabulary;
import org.threadline.store.people.StoredRow;

class BeforeBirthLinksTest {
    static final EventVocabulary SHIPPED = EventVocabulary.read(Path.of("../config/chronology/events.yaml"));
    static final BeforeBirthLinks LINKS = new BeforeBirthLinks(SHIPPED);

    /** Health-visiting rows, one linkage record per part, each record its own cluster unless joined below. */
    private final List<List<PersonPart>> records = new ArrayList<>();
    private final Map<String, Integer> recordOf = new HashMap<>();

    private void visit(int row, String type, String date, String childDob, String motherNhs) {
        Map<String, String> values = new HashMap<>();
        values.put("event_type", type);
        values.put("event_date", date);
        values.put("surname", childDob.isEmpty() ? "UNBORN" : "FOSTER");
        values.put("forename", childDob.isEmpty() ? "" : "ARTHUR");
        values.put("date_of_birth", childDob);
        values.put("mother.nhs_number", motherNhs);
        values.put("mother.surname", "FOSTER");
        StoredRow r = new StoredRow(2, row, "health", "health-visiting", values);
        for (String prefix : List.of("", "mother.")) {
            PersonPart p = new PersonPart(r, prefix, "2:" + row + (prefix.isEmpty() ? "" : ":mother"));
            recordOf.put(p.key(), records.size());
            records.add(List.of(p));
        }
    }

    /** Clusters: every record alone, except those put together (the linkage model's result). */
    private int[] clusters(List<List<String>> together) {
        int[] clusterOf = new int[records.size()];
        for (int i = 0; i < clusterOf.length; i++) {
            clusterOf[i] = i;
        }
        for (List<String> group : together) {
            int first = recordOf.get(group.get(0));
            group.forEach(k -> clusterOf[recordOf.get(k)] = first);
        }
        return clusterOf;
    }

    @Test
    void an_antenatal_record_joins_the_child_its_mother_had_next_within_the_window() {
        visit(1, "ANTENATAL", "2023-02-17", "", "9997588347");
        visit(2, "NEW BIRTH VISIT", "2023-05-31", "2023-05-14", "9997588347");
        visit(3, "1 YEAR REVIEW", "2024-05-13", "2023-05-14", "9997588347");
        int[] clusterOf = clusters(List.of(List.of("2:1:mother", "2:2:mother", "2:3:mother"), List.of("2:2", "2:3")));

        BeforeBirthLinks.Result result = LINKS.find(records, clusterOf);

        assertThat(result.apart()).isZero();
        assertThat(result.moves()).singleElement().satisfies(m -> {
            assertThat(m.record()).isEqualTo(recordOf.get("2:1"));
            assertThat(clusterOf[m.childRecord()]).isEqualTo(clusterOf[recordOf.get("2:2")]);
            assertThat(m.parentRecord()).isEqualTo(recordOf.get("2:1:mother"));
            assertThat(m.reason()).startsWith("Joined before birth").doesNotContain("2023").doesNotContain("2:");
        });
    }

    @Test
    void twins_leave_the_antenatal_record_apart_for_which_of_them_it_was_cannot_be_told() {
        visit(1, "ANTENATAL", "2023-02-17", "", "9997588347");
        visit(2, "NEW BIRTH VISIT", "2023-05-31", "2023-05-14", "9997588347");
        visit(3, "NEW BIRTH VISIT", "2023-05-31", "2023-05-14", "9997588347");
        int[] clusterOf = clusters(List.of(List.of("2:1:mother", "2:2:mother", "2:3:mother")));

        BeforeBirthLinks.Result result = LINKS.find(records, clusterOf);

        assertThat(result.moves()).isEmpty();
        assertThat(result.apart()).isEqualTo(1);
    }

    @Test
    void two_children_born_in_the_window_leave_it_apart_but_one_childs_mistyped_date_does_not() {
        visit(1, "ANTENATAL", "2023-02-17", "", "9997588347");
        visit(2, "NEW BIRTH VISIT", "2023-05-31", "2023-05-14", "9997588347");
        visit(3, "6-8 WEEK REVIEW", "2023-07-01", "2024-05-15", "9997588347"); // mistyped year, outvoted
        visit(4, "1 YEAR REVIEW", "2024-05-13", "2023-05-14", "9997588347");
        visit(5, "NEW BIRTH VISIT", "2023-12-01", "2023-11-20", "9997588347");
        List<String> mothers = List.of("2:1:mother", "2:2:mother", "2:3:mother", "2:4:mother", "2:5:mother");

        // the second child's row names a mother held as another person: only the first child is hers
        int[] oneChild = clusters(List.of(mothers.subList(0, 4), List.of("2:2", "2:3", "2:4")));
        assertThat(LINKS.find(records, oneChild).moves()).singleElement()
                .satisfies(m -> assertThat(oneChild[m.childRecord()]).isEqualTo(oneChild[recordOf.get("2:2")]));

        int[] twoChildren = clusters(List.of(mothers, List.of("2:2", "2:3", "2:4")));
        assertThat(LINKS.find(records, twoChildren).moves()).isEmpty();
    }

    @Test
    void a_child_born_before_the_contact_or_after_the_window_is_not_the_one_expected() {
        visit(1, "ANTENATAL", "2023-02-17", "", "9997588347");
        visit(2, "NEW BIRTH VISIT", "2022-01-20", "2022-01-10", "9997588347");
        visit(3, "NEW BIRTH VISIT", "2024-03-01", "2024-02-20", "9997588347");
        int[] clusterOf = clusters(List.of(List.of("2:1:mother", "2:2:mother", "2:3:mother")));

        assertThat(LINKS.find(records, clusterOf).moves()).isEmpty();
    }

    @Test
    void another_mothers_child_is_never_a_candidate() {
        visit(1, "ANTENATAL", "2023-02-17", "", "9997588347");
        visit(2, "NEW BIRTH VISIT", "2023-05-31", "2023-05-14", "9991457348");
        int[] clusterOf = clusters(List.of());

        assertThat(LINKS.find(records, clusterOf).moves()).isEmpty();
    }

    @Test
    void a_record_the_model_already_joined_to_others_is_left_as_the_model_made_it() {
        visit(1, "ANTENATAL", "2023-02-17", "", "9997588347");
        visit(2, "NEW BIRTH VISIT", "2023-05-31", "2023-05-14", "9997588347");
        visit(3, "ANTENATAL", "2023-02-20", "", "9997588347");
        int[] clusterOf = clusters(List.of(List.of("2:1:mother", "2:2:mother", "2:3:mother"), List.of("2:1", "2:3")));

        BeforeBirthLinks.Result result = LINKS.find(records, clusterOf);

        assertThat(result.moves()).isEmpty();
        assertThat(result.apart()).isEqualTo(2);
    }

    @Test
    void a_row_after_birth_is_not_before_birth_whatever_its_names_say() {
        visit(1, "NEW BIRTH VISIT", "2023-05-31", "", "9997588347");

        assertThat(LINKS.beforeBirth(records.get(recordOf.get("2:1")).get(0))).isEmpty();
        assertThat(LINKS.beforeBirth(records.get(recordOf.get("2:1:mother")).get(0))).isEmpty();
    }
}
