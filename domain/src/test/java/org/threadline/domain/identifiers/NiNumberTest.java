package org.threadline.domain.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class NiNumberTest {

    @ParameterizedTest(name = "[{index}] {0} is {1} ({3})")
    @CsvFileSource(resources = "ni_numbers.csv", numLinesToSkip = 1)
    void ni_numbers_are_checked_as_the_table_says(String input, Verdict verdict, String normalised, CheckReason reason) {
        IdentifierCheck result = NiNumber.check(input);

        assertThat(result.verdict()).isEqualTo(verdict);
        assertThat(result.reason()).isEqualTo(reason);
        assertThat(result.normalised()).isEqualTo(normalised);
        assertThat(NiNumber.isValid(input)).isEqualTo(verdict == Verdict.VALID);
    }

    @Test
    void legacy_blank_suffix_is_valid_but_flagged() {
        IdentifierCheck result = NiNumber.check("AB 12 34 56");

        assertThat(result.isValid()).isTrue();
        assertThat(result.isFlagged()).isTrue();
        assertThat(NiNumber.parse("AB123456")).hasValueSatisfying(n -> assertThat(n.hasBlankSuffix()).isTrue());
    }

    @Test
    void ni_number_built_from_parts_is_zero_padded() {
        assertThat(NiNumber.of("JT", 42, 'D').value()).isEqualTo("JT000042D");
        assertThatThrownBy(() -> NiNumber.of("QQ", 42, 'D')).isInstanceOf(IllegalArgumentException.class);
    }
}
