package org.threadline.linkage.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class ArrayOverlapTest {

    /** Cells are {@code |}-separated values; {@code ~} stands for a null element. */
    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @CsvFileSource(resources = "array_overlap_cases.csv", numLinesToSkip = 1)
    void named_cases_give_the_tabled_count(String a, String b, int count) {
        assertThat(ArrayOverlap.count(values(a), values(b))).isEqualTo(count);
        assertThat(ArrayOverlap.overlaps(values(a), values(b), 1)).isEqualTo(count >= 1);
    }

    @Test
    void null_arrays_share_nothing_and_a_minimum_below_one_is_refused() {
        assertThat(ArrayOverlap.count(null, new String[] {"A"})).isZero();
        assertThat(ArrayOverlap.overlaps(new String[] {"A"}, null, 1)).isFalse();
        assertThatThrownBy(() -> ArrayOverlap.overlaps(new String[0], new String[0], 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void count_is_symmetric_and_equals_the_size_of_the_set_intersection() {
        SplittableRandom random = new SplittableRandom(41L);
        String[] pool = {"A", "B", "C", "D", "E", "F", "", null};
        for (int i = 0; i < 20_000; i++) {
            String[] a = randomArray(random, pool);
            String[] b = randomArray(random, pool);
            Set<String> shared = new HashSet<>(Arrays.asList(a));
            shared.retainAll(new HashSet<>(Arrays.asList(b)));
            shared.removeIf(v -> v == null || v.isEmpty());
            int count = ArrayOverlap.count(a, b);
            assertThat(count).as("%s vs %s", Arrays.toString(a), Arrays.toString(b))
                    .isEqualTo(shared.size()).isEqualTo(ArrayOverlap.count(b, a));
            for (int min = 1; min <= 4; min++) {
                assertThat(ArrayOverlap.overlaps(a, b, min)).isEqualTo(count >= min)
                        .isEqualTo(ArrayOverlap.overlaps(b, a, min));
            }
        }
    }

    private static String[] randomArray(SplittableRandom random, String[] pool) {
        String[] values = new String[random.nextInt(6)];
        for (int i = 0; i < values.length; i++) {
            values[i] = pool[random.nextInt(pool.length)];
        }
        return values;
    }

    private static String[] values(String cell) {
        return Arrays.stream(cell.split("\\|")).map(v -> Objects.equals(v, "~") ? null : v).toArray(String[]::new);
    }
}
