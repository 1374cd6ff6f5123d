package org.threadline.domain.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Year;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class PncIdTest {

    private static final Year REFERENCE = Year.of(2025);

    @ParameterizedTest(name = "[{index}] {0} is {1} ({3})")
    @CsvFileSource(resources = "pnc_ids.csv", numLinesToSkip = 1)
    void pnc_ids_are_checked_as_the_table_says(String input, Verdict verdict, String normalised, CheckReason reason) {
        IdentifierCheck result = PncId.check(input);

        assertThat(result.verdict()).isEqualTo(verdict);
        assertThat(result.reason()).isEqualTo(reason);
        assertThat(result.normalised()).isEqualTo(normalised);
        assertThat(PncId.isValid(input)).isEqualTo(verdict == Verdict.VALID);
        assertThat(PncId.normalise(input)).isEqualTo(normalised);
    }

    @ParameterizedTest(name = "[{index}] {0} in {1} is {2}")
    @CsvFileSource(resources = "pnc_canonical.csv", numLinesToSkip = 1)
    void short_and_long_forms_expand_to_the_canonical_form(String input, int referenceYear, String canonical) {
        assertThat(PncId.canonical(input, Year.of(referenceYear))).hasValue(canonical);
        assertThat(PncId.parse(input, Year.of(referenceYear))).map(PncId::value).hasValue(canonical);
    }

    @Test
    void a_two_digit_year_becomes_the_latest_year_not_after_the_reference_year() {
        assertThat(PncId.expandYear(25, REFERENCE)).isEqualTo(2025);
        assertThat(PncId.expandYear(26, REFERENCE)).isEqualTo(1926);
        assertThat(PncId.expandYear(0, REFERENCE)).isEqualTo(2000);
        assertThat(PncId.expandYear(99, Year.of(2000))).isEqualTo(1999);
        assertThat(PncId.expandYear(5, Year.of(2105))).isEqualTo(2105);
    }

    @Test
    void invalid_pnc_id_has_no_canonical_form() {
        assertThat(PncId.canonical("2001/0171310S", REFERENCE)).isEmpty();
    }

    @Test
    void check_against_a_reference_year_keeps_the_reason_of_an_invalid_short_form() {
        IdentifierCheck result = PncId.check("81/34A", REFERENCE);

        assertThat(result.reason()).isEqualTo(CheckReason.BAD_CHECK_LETTER);
        assertThat(result.normalised()).isEqualTo("1981/0000034A");
        assertThat(result.explanation()).contains("expected check letter U");
    }

    @Test
    void pnc_id_built_from_year_and_serial_matches_the_published_examples() {
        assertThat(PncId.of(2019, 123456).value()).isEqualTo("2019/0123456E");
        assertThat(PncId.of(2021, 45).value()).isEqualTo("2021/0000045T");
        assertThat(PncId.of(1998, 3141592)).satisfies(p -> {
            assertThat(p.value()).isEqualTo("1998/3141592P");
            assertThat(p.year()).isEqualTo(1998);
            assertThat(p.serial()).isEqualTo(3141592);
        });
    }

    @Test
    void pnc_id_parts_out_of_range_are_rejected() {
        assertThatThrownBy(() -> PncId.of(98, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PncId.of(2020, 10_000_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PncId("81/0000034U")).isInstanceOf(IllegalArgumentException.class);
    }
}
