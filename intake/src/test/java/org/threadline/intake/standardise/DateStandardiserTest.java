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

    @Test
    void a_format_with_hours_and_minutes_keeps_the_time_of_day_as_an_iso_local_date_time() {
        DateStandardiser police = DateStandardiser.of("dd/MM/yyyy HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd");

        assertThat(police.standardise("22/10/2016 17:45").iso()).isEqualTo("2016-10-22T17:45");
        assertThat(police.standardise("22/10/2016 00:00").iso()).isEqualTo("2016-10-22T00:00");
        assertThat(police.standardise("2016-10-22T08:05").iso()).isEqualTo("2016-10-22T08:05");
        assertThat(police.standardise("2016-10-22").iso()).as("no time given: a day").isEqualTo("2016-10-22");
        assertThat(police.standardise("2016-10-22").time()).isNull();
        assertThat(police.standardise("22/10/2016 25:10").outcome()).isEqualTo(Outcome.INVALID);
        assertThat(DateStandardiser.of("yyyy-MM-dd'T'HH:mm:ssXXX").standardise("2024-05-01T10:15:30+01:00").iso())
                .as("a FHIR instant keeps its local time as written").isEqualTo("2024-05-01T10:15:30");
    }

    @Test
    void an_ambiguous_date_time_keeps_the_first_formats_day_and_time_and_is_flagged() {
        StandardisedDate result = DateStandardiser.of("dd/MM/yyyy HH:mm", "MM/dd/yyyy HH:mm")
                .standardise("03/04/2019 09:30");

        assertThat(result.outcome()).isEqualTo(Outcome.FLAGGED);
        assertThat(result.iso()).isEqualTo("2019-04-03T09:30");
        assertThat(result.reason()).contains("ambiguous day/month");
    }
}
