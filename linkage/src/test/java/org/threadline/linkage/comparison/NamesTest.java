package org.threadline.linkage.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class NamesTest {

    /** A one-directional familiar-name table, as the standardisers might hold it. */
    private static final Map<String, Set<String>> FAMILIAR = Map.of(
            "WILLIAM", Set.of("BILL", "WILL", "LIAM"),
            "MARGARET", Set.of("PEGGY", "MEG", "MAGGIE"));
    private static final Function<String, Set<String>> ALIASES = FAMILIAR::get;

    @ParameterizedTest(name = "{0} {1} vs {2} {3}: {4}")
    @CsvFileSource(resources = "names_swapped_cases.csv", numLinesToSkip = 1)
    void swapped_names_are_found_as_tabled(String foreA, String surA, String foreB, String surB, boolean swapped) {
        assertThat(Names.swapped(foreA, surA, foreB, surB)).isEqualTo(swapped);
        assertThat(Names.swapped(foreB, surB, foreA, surA)).isEqualTo(swapped);
    }

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @CsvFileSource(resources = "names_equivalent_cases.csv", numLinesToSkip = 1)
    void familiar_forms_are_equivalent_as_tabled(String a, String b, boolean equivalent) {
        assertThat(Names.equivalentForms(a, b, ALIASES)).isEqualTo(equivalent);
    }

    @ParameterizedTest(name = "{6}")
    @CsvFileSource(resources = "names_in_other_column_cases.csv", numLinesToSkip = 1)
    void a_value_recorded_in_the_other_records_other_column_is_found_as_tabled(String valueA, String otherA,
            String valueB, String otherB, double threshold, boolean found, String why) {
        assertThat(Names.inOtherColumn(valueA, otherA, valueB, otherB, threshold)).as(why).isEqualTo(found);
        assertThat(Names.inOtherColumn(valueB, otherB, valueA, otherA, threshold)).as("swapped: " + why)
                .isEqualTo(found);
    }

    @Test
    void both_are_symmetric_over_random_names() {
        SplittableRandom random = new SplittableRandom(37L);
        String[] pool = {"WILLIAM", "BILL", "WILL", "LIAM", "MARGARET", "PEGGY", "MEG", "SMITH", "JONES", ""};
        for (int i = 0; i < 20_000; i++) {
            String a = pool[random.nextInt(pool.length)];
            String b = pool[random.nextInt(pool.length)];
            String c = pool[random.nextInt(pool.length)];
            String d = pool[random.nextInt(pool.length)];
            assertThat(Names.equivalentForms(a, b, ALIASES)).isEqualTo(Names.equivalentForms(b, a, ALIASES));
            assertThat(Names.swapped(a, b, c, d)).isEqualTo(Names.swapped(c, d, a, b));
            assertThat(Names.inOtherColumn(a, b, c, d, 0.9)).isEqualTo(Names.inOtherColumn(c, d, a, b, 0.9));
        }
    }
}
