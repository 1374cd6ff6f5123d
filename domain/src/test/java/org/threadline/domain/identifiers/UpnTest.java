package org.threadline.domain.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class UpnTest {

    @ParameterizedTest(name = "[{index}] {0} is {1} ({3})")
    @CsvFileSource(resources = "upns.csv", numLinesToSkip = 1)
    void upns_are_checked_as_the_table_says(String input, Verdict verdict, String normalised, CheckReason reason) {
        IdentifierCheck result = Upn.check(input);

        assertThat(result.verdict()).isEqualTo(verdict);
        assertThat(result.reason()).isEqualTo(reason);
        assertThat(result.normalised()).isEqualTo(normalised);
        assertThat(Upn.isValid(input)).isEqualTo(verdict == Verdict.VALID);
    }

    @Test
    void the_widely_copied_worked_example_gets_p_not_q() {
        assertThat(Upn.checkLetter("207000016049")).isEqualTo('P');
    }

    @Test
    void upn_built_from_parts_has_the_computed_check_letter() {
        assertThat(Upn.of("330", "2001", "24", "123").value()).isEqualTo("E330200124123");
        assertThat(Upn.of("801", "2000", "05", "001").value()).isEqualTo("B801200005001");
    }

    @Test
    void temporary_upn_built_from_parts_ends_in_a_letter() {
        Upn upn = Upn.of("330", "4001", "24", "12A");

        assertThat(upn.value()).isEqualTo("Y33040012412A");
        assertThat(upn.isTemporary()).isTrue();
        assertThat(upn.laCode()).isEqualTo("330");
    }

    @Test
    void upn_parts_of_the_wrong_shape_are_rejected() {
        assertThatThrownBy(() -> Upn.of("33", "2001", "24", "123")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Upn.of("330", "2001", "24", "12O")).isInstanceOf(IllegalArgumentException.class);
    }
}
