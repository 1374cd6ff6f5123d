package org.threadline.intake.standardise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.api.Test;

class DateStandardiserTest {

    @ParameterizedTest(name = "[{0}] ''{2}'' -> {3} {4}")
    @CsvFileSource(resources = "dates.csv", numLinesToSkip = 1, ignoreLeadingAndTrailingWhitespace = false)
    void dates_are_read_as_the_table_says(String formats, String pivot, String raw, Outcome outcome, String date,
                                          String reason) {
        pivot = pivot == null ? "" : pivot;
        date = date == null ? "" : date;
        reason = reason == null ? "" : reason;
        DateStandardiser standardiser = DateStandardiser.of(formats.split(";"));
        if (!pivot.isEmpty()) {
            standardiser = standardiser.withTwoDigitYearPivot(Integer.parseInt(pivot));
        }
        StandardisedDate result = standardiser.standardise(raw);

        assertThat(result.outcome()).as(result.reason()).isEqualTo(outcome);
        assertThat(result.date()).isEqualTo(date.isEmpty() ? null : LocalDate.parse(date));
        assertThat(result.reason()).contains(reason);
        assertThat(result.raw()).isEqualTo(raw);
        assertThat(result.value().isPresent()).isEqualTo(!date.isEmpty());
    }

    @Test
    void a_date_of_birth_after_the_load_date_is_refused() {
        StandardisedDate result = DateStandardiser.of("dd/MM/yyyy").notAfter(LocalDate.of(2026, 3, 31))
                .standardise("01/04/2026");

        assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(result.reason()).contains("after 2026-03-31");
    }
}
