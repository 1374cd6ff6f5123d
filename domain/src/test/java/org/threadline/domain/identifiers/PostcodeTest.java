package org.threadline.domain.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class PostcodeTest {

    @ParameterizedTest(name = "[{index}] {0} is {1} ({3})")
    @CsvFileSource(resources = "postcodes.csv", numLinesToSkip = 1)
    void postcodes_are_checked_as_the_table_says(String input, Verdict verdict, String normalised, CheckReason reason,
            String area, String district, String sector) {
        IdentifierCheck result = Postcode.check(input);

        assertThat(result.verdict()).isEqualTo(verdict);
        assertThat(result.reason()).isEqualTo(reason);
        assertThat(result.normalised()).isEqualTo(normalised);
        assertThat(Postcode.isValid(input)).isEqualTo(verdict == Verdict.VALID);
        if (verdict == Verdict.INVALID) {
            assertThat(Postcode.parse(input)).isEmpty();
        } else {
            Postcode postcode = Postcode.parse(input).orElseThrow();
            assertThat(postcode.value()).isEqualTo(normalised);
            assertThat(postcode.area()).isEqualTo(area);
            assertThat(postcode.district()).isEqualTo(district);
            assertThat(postcode.sector()).isEqualTo(sector);
            assertThat(postcode.isPseudo()).isEqualTo(verdict == Verdict.PSEUDO);
        }
    }

    @Test
    void no_fixed_abode_pseudo_postcode_is_recognised_with_its_meaning() {
        IdentifierCheck result = Postcode.check("zz99 3vz");

        assertThat(result.verdict()).isEqualTo(Verdict.PSEUDO);
        assertThat(result.explanation()).isEqualTo("No fixed abode");
        assertThat(Postcode.isPseudo("ZZ993VZ")).isTrue();
        assertThat(Postcode.pseudoMeaning("ZZ99 3VZ")).hasValue("No fixed abode");
    }

    @Test
    void overseas_pseudo_postcodes_take_the_pattern_meaning() {
        assertThat(Postcode.pseudoMeaning("ZZ99 6CZ")).hasValueSatisfying(m -> assertThat(m).startsWith("Overseas"));
    }

    @Test
    void a_real_postcode_has_no_pseudo_meaning() {
        assertThat(Postcode.pseudoMeaning("B1 1BB")).isEmpty();
        assertThat(Postcode.parse("B1 1BB").orElseThrow().pseudoMeaning()).isEmpty();
    }

    @Test
    void invalid_postcode_explains_which_letter_rule_failed() {
        assertThat(Postcode.check("B1 1CA").explanation()).contains("inward");
        assertThat(Postcode.check("QA1 1AA").explanation()).contains("first letter");
    }
}
