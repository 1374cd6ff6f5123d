package org.threadline.linkage.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class PhoneticTest {

    @ParameterizedTest(name = "{0} ~ {1}: {6}")
    @CsvFileSource(resources = "phonetic_cases.csv", numLinesToSkip = 1, emptyValue = "")
    void named_cases_give_the_tabled_codes_and_agreement(String a, String b, String primaryA, String alternateA,
            String primaryB, String alternateB, boolean matches) {
        assertThat(Phonetic.doubleMetaphone(a)).isEqualTo(primaryA);
        assertThat(Phonetic.alternate(a)).isEqualTo(alternateA);
        assertThat(Phonetic.doubleMetaphone(b)).isEqualTo(primaryB);
        assertThat(Phonetic.alternate(b)).isEqualTo(alternateB);
        assertThat(Phonetic.matches(a, b)).isEqualTo(matches);
        assertThat(Phonetic.codesMatch(primaryA, alternateA, primaryB, alternateB)).isEqualTo(matches);
    }

    @Test
    void null_and_blank_names_have_empty_codes_and_match_nothing() {
        assertThat(Phonetic.doubleMetaphone(null)).isEmpty();
        assertThat(Phonetic.alternate("   ")).isEmpty();
        assertThat(Phonetic.matches(null, null)).isFalse();
    }

    @Test
    void agreement_is_symmetric_and_every_name_matches_itself() {
        SplittableRandom random = new SplittableRandom(17L);
        for (int i = 0; i < 5_000; i++) {
            String a = RandomNames.name(random);
            String b = random.nextBoolean() ? RandomNames.typo(random, a) : RandomNames.name(random);
            assertThat(Phonetic.matches(a, b)).as("%s ~ %s", a, b).isEqualTo(Phonetic.matches(b, a));
            assertThat(Phonetic.matches(a, a)).isTrue();
        }
    }
}
