package org.threadline.store.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threadline.domain.people.StableIds;
import org.threadline.store.governance.PersonLineage.Kind;

/** Where a person's records went, as a case link follows it: merged into one person, or split off to others. */
class PersonLineageTest {
    static List<PersonLineage> lineage(Map<String, String> previous, List<List<String>> clusters, String... fresh) {
        Iterator<String> ids = List.of(fresh).iterator();
        StableIds.Assignment a = StableIds.assign(previous, clusters, ids::next);
        Set<String> retired = new java.util.TreeSet<>();
        a.changes().stream().filter(c -> c.kind() == StableIds.ChangeKind.RETIRE).forEach(c -> retired.add(
                c.before().get(0)));
        return PersonLineage.of(a.changes(), retired);
    }

    @Test
    void a_retired_person_whose_records_all_went_to_one_person_was_merged_into_them() {
        assertThat(lineage(Map.of("a", "P1", "b", "P1", "c", "P2"), List.of(List.of("a", "b", "c"))))
                .containsExactly(new PersonLineage("P2", "P1", Kind.MERGED));
    }

    @Test
    void a_person_who_keeps_their_id_while_some_records_go_to_a_new_person_was_split() {
        assertThat(lineage(Map.of("a", "P1", "b", "P1", "c", "P1"), List.of(List.of("a", "b"), List.of("c")), "P9"))
                .containsExactly(new PersonLineage("P1", "P9", Kind.SPLIT));
    }

    @Test
    void a_retired_person_whose_records_went_to_several_persons_was_split_to_each_and_merged_into_none() {
        // P2's records go half to P1's cluster and half to P3's: neither keeps P2, so P2 is retired.
        assertThat(lineage(Map.of("a", "P1", "b", "P1", "c", "P2", "d", "P2", "e", "P3", "f", "P3"),
                List.of(List.of("a", "b", "c"), List.of("d", "e", "f"))))
                .containsExactlyInAnyOrder(new PersonLineage("P2", "P1", Kind.SPLIT),
                        new PersonLineage("P2", "P3", Kind.SPLIT));
    }

    @Test
    void a_rebuild_that_keeps_every_cluster_says_nothing_went_anywhere() {
        assertThat(lineage(Map.of("a", "P1", "b", "P2"), List.of(List.of("a"), List.of("b")))).isEmpty();
    }

    @Test
    void a_rectifications_moves_say_the_same_from_where_each_record_went() {
        assertThat(PersonLineage.ofWentTo(Map.of("P1", Set.of("P2"), "P3", Set.of("P3", "P4")), Set.of("P1")))
                .containsExactly(new PersonLineage("P1", "P2", Kind.MERGED), new PersonLineage("P3", "P4", Kind.SPLIT));
    }
}
