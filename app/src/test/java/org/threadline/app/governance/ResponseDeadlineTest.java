package org.threadline.app.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

class ResponseDeadlineTest {
    static final ResponseDeadline ONE_MONTH = new ResponseDeadline(Period.ofMonths(1), true);

    @Test
    void a_request_is_due_on_the_corresponding_date_of_the_next_month() {
        // The ICO's example: received 3 September, answer by 3 October (a Friday in 2025).
        assertThat(ONE_MONTH.dueFor(LocalDate.of(2025, 9, 3))).isEqualTo(LocalDate.of(2025, 10, 3));
        assertThat(ONE_MONTH.dueFor(LocalDate.of(2026, 11, 18))).isEqualTo(LocalDate.of(2026, 12, 18));
    }

    @Test
    void a_month_without_the_date_ends_on_its_last_day() {
        assertThat(ONE_MONTH.dueFor(LocalDate.of(2027, 1, 31))).isEqualTo(LocalDate.of(2027, 3, 1))
                .as("28 February 2027 is a Sunday");
        assertThat(new ResponseDeadline(Period.ofMonths(1), false).dueFor(LocalDate.of(2027, 1, 31)))
                .isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(ONE_MONTH.dueFor(LocalDate.of(2028, 1, 31))).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void a_due_date_on_a_weekend_moves_to_the_monday() {
        assertThat(ONE_MONTH.dueFor(LocalDate.of(2026, 9, 3))).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(ONE_MONTH.dueFor(LocalDate.of(2026, 9, 4))).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(ONE_MONTH.dueFor(LocalDate.of(2026, 9, 2))).isEqualTo(LocalDate.of(2026, 10, 2));
    }

    @Test
    void the_period_is_whatever_is_configured_and_must_be_positive() {
        assertThat(new ResponseDeadline(Period.ofMonths(3), false).dueFor(LocalDate.of(2026, 11, 18)))
                .isEqualTo(LocalDate.of(2027, 2, 18));
        assertThatThrownBy(() -> new ResponseDeadline(Period.ZERO, true)).hasMessageContaining("positive");
    }
}
