package org.threadline.linkage.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class JaroWinklerTest {

    private static final JaroWinklerSimilarity COMMONS = new JaroWinklerSimilarity();

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvFileSource(resources = "jaro_winkler_cases.csv", numLinesToSkip = 1, emptyValue = "")
    void named_cases_give_the_tabled_similarity(String a, String b, double expected) {
        assertThat(JaroWinkler.similarity(a, b)).isCloseTo(expected, within(1e-12));
        assertThat(JaroWinkler.similarity(a, b)).isEqualTo(COMMONS.apply(a, b));
    }

    @Test
    void agrees_exactly_with_commons_text_on_random_strings_over_a_small_alphabet() {
        SplittableRandom random = new SplittableRandom(20240601L);
        for (int i = 0; i < 50_000; i++) {
            String a = RandomNames.over(random, "ABCD", 0, 9);
            String b = RandomNames.over(random, "ABCD", 0, 9);
            assertThat(JaroWinkler.similarity(a, b)).as("%s ~ %s", a, b).isEqualTo(COMMONS.apply(a, b));
        }
    }

    @Test
    void agrees_exactly_with_commons_text_on_real_looking_names_and_their_typos() {
        SplittableRandom random = new SplittableRandom(7L);
        for (int i = 0; i < 20_000; i++) {
            String a = RandomNames.name(random);
            String b = random.nextBoolean() ? RandomNames.typo(random, a) : RandomNames.name(random);
            assertThat(JaroWinkler.similarity(a, b)).as("%s ~ %s", a, b).isEqualTo(COMMONS.apply(a, b));
        }
    }

    @Test
    void agrees_exactly_with_commons_text_on_strings_longer_than_64_characters() {
        SplittableRandom random = new SplittableRandom(11L);
        for (int i = 0; i < 2_000; i++) {
            String a = RandomNames.over(random, "ABCDEFG", 50, 140);
            String b = random.nextBoolean() ? RandomNames.typo(random, a) : RandomNames.over(random, "ABCDEFG", 50, 140);
            assertThat(JaroWinkler.similarity(a, b)).as("%s ~ %s", a, b).isEqualTo(COMMONS.apply(a, b));
        }
    }

    @Test
    void is_symmetric_and_lies_between_zero_and_one() {
        SplittableRandom random = new SplittableRandom(3L);
        for (int i = 0; i < 50_000; i++) {
            String a = RandomNames.over(random, "ABC", 0, 12);
            String b = random.nextInt(4) == 0 ? RandomNames.typo(random, a) : RandomNames.over(random, "ABC", 0, 12);
            double ab = JaroWinkler.similarity(a, b);
            assertThat(ab).as("%s ~ %s", a, b).isBetween(0.0, 1.0).isEqualTo(JaroWinkler.similarity(b, a));
        }
    }

    @Test
    void a_string_is_perfectly_similar_to_itself() {
        SplittableRandom random = new SplittableRandom(5L);
        for (int i = 0; i < 5_000; i++) {
            String a = RandomNames.name(random);
            assertThat(JaroWinkler.similarity(a, new String(a.toCharArray()))).isEqualTo(1.0);
        }
    }
}
