package org.threadline.domain.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class NhsNumberTest {

    @ParameterizedTest(name = "[{index}] {0} is {1} ({3})")
    @CsvFileSource(resources = "nhs_numbers.csv", numLinesToSkip = 1)
    void nhs_numbers_are_checked_as_the_table_says(String input, Verdict verdict, String normalised, CheckReason reason) {
        IdentifierCheck result = NhsNumber.check(input);

        assertThat(result.verdict()).isEqualTo(verdict);
        assertThat(result.reason()).isEqualTo(reason);
        assertThat(result.normalised()).isEqualTo(normalised);
        assertThat(NhsNumber.isValid(input)).isEqualTo(verdict == Verdict.VALID);
    }

    @Test
    void nhs_number_with_wrong_check_digit_is_invalid_and_says_which_digit_was_expected() {
        IdentifierCheck result = NhsNumber.check("9434765918");

        assertThat(result.reason()).isEqualTo(CheckReason.BAD_CHECK_DIGIT);
        assertThat(result.explanation()).contains("expected check digit 9");
    }

    @Test
    void check_digit_is_empty_when_the_remainder_gives_ten() {
        assertThat(NhsNumber.checkDigit("999123456")).isEmpty();
        assertThat(NhsNumber.checkDigit("943476591")).hasValue(9);
    }

    @Test
    void check_digit_eleven_is_written_as_zero() {
        // A weighted sum that is a multiple of 11 gives 11 - 0 = 11, which is written as 0.
        assertThat(NhsNumber.checkDigit("000000000")).hasValue(0);
    }

    @Test
    void first_test_range_serial_skips_the_stem_whose_check_digit_would_be_ten() {
        assertThat(NhsNumber.testRange(0).value()).isEqualTo("9990000018");
        assertThat(NhsNumber.testRange(1).value()).isEqualTo("9990000026");
        assertThat(NhsNumber.testRange(2).value()).isEqualTo("9990000034");
    }

    @Test
    void test_range_rejects_serials_outside_its_capacity() {
        assertThat(NhsNumber.testRange(NhsNumber.TEST_RANGE_SERIALS - 1).value()).startsWith("999");
        assertThatThrownBy(() -> NhsNumber.testRange(NhsNumber.TEST_RANGE_SERIALS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NhsNumber.testRange(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nhs_number_is_displayed_in_three_three_four_groups() {
        assertThat(NhsNumber.format("9434765919")).isEqualTo("943 476 5919");
        assertThat(NhsNumber.parse("943-476-5919")).map(NhsNumber::formatted).hasValue("943 476 5919");
    }

    @Test
    void an_nhs_number_value_cannot_hold_an_invalid_number() {
        assertThatThrownBy(() -> new NhsNumber("9434765918")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NhsNumber("943 476 5919")).isInstanceOf(IllegalArgumentException.class);
    }
}
