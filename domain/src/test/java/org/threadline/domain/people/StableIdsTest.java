package org.threadline.domain.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.threadline.domain.people.StableIds.Change;
import org.threadline.domain.people.StableIds.ChangeKind;

class StableIdsTest {

    static Supplier<String> fresh() {
        AtomicInteger n = new AtomicInteger(100);
        return () -> "P" + n.incrementAndGet();
    }

    @Test
    void the_first_run_gives_every_cluster_a_fresh_id_and_records_no_changes() {
        StableIds.Assignment a = StableIds.assign(Map.of(), List.of(List.of("r1", "r2"), List.of("r3")), fresh());

        assertThat(a.ids()).containsExactly("P101", "P102");
        assertThat(a.changes()).isEmpty();
        assertThat(a.newIds()).isEqualTo(2);
    }

    @Test
    void a_cluster_that_survives_keeps_its_id_when_new_records_join_it() {
        StableIds.Assignment a = StableIds.assign(Map.of("r1", "P1", "r2", "P1", "r3", "P2"),
                List.of(List.of("r3"), List.of("r1", "r2", "r9")), fresh());

        assertThat(a.ids()).containsExactly("P2", "P1");
        assertThat(a.changes()).isEmpty();
        assertThat(a.newIds()).isZero();
    }

    @Test
    void a_merge_keeps_the_id_with_most_records_and_retires_the_other_saying_where_it_went() {
        StableIds.Assignment a = StableIds.assign(Map.of("r1", "P1", "r2", "P1", "r3", "P2"),
                List.of(List.of("r1", "r2", "r3")), fresh());

        assertThat(a.ids()).containsExactly("P1");
        assertThat(a.changes()).containsExactly(new Change(ChangeKind.MERGE, List.of("P1", "P2"), List.of("P1"), 3),
                new Change(ChangeKind.RETIRE, List.of("P2"), List.of("P1"), 1));
    }

    @Test
    void a_split_keeps_the_id_on_the_larger_part_and_gives_the_rest_a_new_one() {
        StableIds.Assignment a = StableIds.assign(Map.of("r1", "P1", "r2", "P1", "r3", "P1"),
                List.of(List.of("r3"), List.of("r1", "r2")), fresh());

        assertThat(a.ids()).containsExactly("P101", "P1");
        assertThat(a.changes()).containsExactly(new Change(ChangeKind.SPLIT, List.of("P1"), List.of("P1", "P101"),
                3));
    }

    @Test
    void an_id_is_never_given_to_two_clusters_and_ties_are_broken_deterministically() {
        Map<String, String> previous = Map.of("a", "P1", "b", "P1");
        StableIds.Assignment once = StableIds.assign(previous, List.of(List.of("a"), List.of("b")), fresh());
        StableIds.Assignment again = StableIds.assign(previous, List.of(List.of("a"), List.of("b")), fresh());

        assertThat(once.ids()).doesNotHaveDuplicates().containsExactly("P1", "P101");
        assertThat(again).isEqualTo(once);
    }
}
