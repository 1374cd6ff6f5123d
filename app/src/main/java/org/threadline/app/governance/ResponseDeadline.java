package org.threadline.app.governance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * When a subject access request must be answered: UK GDPR Art. 12(3) gives "one month of receipt of the request".
 * As the ICO reads it, the month runs from the day after receipt to the corresponding calendar date of the next
 * month ({@link LocalDate#plus(java.time.temporal.TemporalAmount)}: 3 September gives 3 October); where that month
 * has no such date, to its last day (31 January gives 28 or 29 February); and where the date falls on a weekend, to
 * the next working day. Bank holidays are not known here: a DPO answering on one is a day early, never late.
 *
 * @param period the response time (setting {@code threadline.subject-access.response-period}, default one month)
 * @param nextWorkingDay whether a due date on a Saturday or Sunday moves to the Monday
 */
public record ResponseDeadline(Period period, boolean nextWorkingDay) {
    public ResponseDeadline {
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the response period must be positive, not " + period);
        }
    }

    /** The date by which a request received on {@code received} must be answered. */
    public LocalDate dueFor(LocalDate received) {
        LocalDate due = received.plus(period);
        if (nextWorkingDay) {
            while (due.getDayOfWeek() == DayOfWeek.SATURDAY || due.getDayOfWeek() == DayOfWeek.SUNDAY) {
                due = due.plusDays(1);
            }
        }
        return due;
    }
}
