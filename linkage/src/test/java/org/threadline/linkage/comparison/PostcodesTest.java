package org.threadline.linkage.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class PostcodesTest {

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvFileSource(resources = "postcodes_cases.csv", numLinesToSkip = 1)
    void named_cases_give_the_tabled_levels(String a, String b, boolean full, boolean sector, boolean district,
            boolean area) {
        assertThat(Postcodes.sameFull(a, b)).as("full").isEqualTo(full).isEqualTo(Postcodes.sameFull(b, a));
        assertThat(Postcodes.sameSector(a, b)).as("sector").isEqualTo(sector).isEqualTo(Postcodes.sameSector(b, a));
        assertThat(Postcodes.sameDistrict(a, b)).as("district").isEqualTo(district)
                .isEqualTo(Postcodes.sameDistrict(b, a));
        assertThat(Postcodes.sameArea(a, b)).as("area").isEqualTo(area).isEqualTo(Postcodes.sameArea(b, a));
    }

    @Test
    void levels_are_symmetric_and_nested_on_random_postcodes() {
        SplittableRandom random = new SplittableRandom(29L);
        for (int i = 0; i < 50_000; i++) {
            String a = postcode(random);
            String b = random.nextInt(4) == 0
                    ? a.substring(0, a.length() - 1) + (char) ('A' + random.nextInt(3))
                    : postcode(random);
            boolean full = Postcodes.sameFull(a, b);
            boolean sector = Postcodes.sameSector(a, b);
            boolean district = Postcodes.sameDistrict(a, b);
            boolean area = Postcodes.sameArea(a, b);
            assertThat(full).as("%s vs %s", a, b).isEqualTo(Postcodes.sameFull(b, a)).isEqualTo(a.equals(b));
            assertThat(sector).as("%s vs %s", a, b).isEqualTo(Postcodes.sameSector(b, a));
            assertThat(district).as("%s vs %s", a, b).isEqualTo(Postcodes.sameDistrict(b, a));
            assertThat(area).as("%s vs %s", a, b).isEqualTo(Postcodes.sameArea(b, a));
            assertThat(!full || sector).isTrue();
            assertThat(!sector || district).isTrue();
            assertThat(!district || area).isTrue();
        }
    }

    @Test
    void a_pseudo_postcode_is_recognised_and_matches_nothing() {
        assertThat(Postcodes.isPseudo("ZZ99 3VZ")).isTrue();
        assertThat(Postcodes.isPseudo("ZE1 0AA")).isFalse();
        assertThat(Postcodes.isPseudo(null)).isFalse();
    }

    /** Random postcodes over a tiny alphabet, so that levels often agree. */
    private static String postcode(SplittableRandom random) {
        String area = random.nextBoolean() ? "B" : "BS";
        String district = Integer.toString(1 + random.nextInt(3)) + (random.nextInt(4) == 0 ? "A" : "");
        return area + district + " " + random.nextInt(2) + (char) ('A' + random.nextInt(2))
                + (char) ('A' + random.nextInt(2));
    }
}
