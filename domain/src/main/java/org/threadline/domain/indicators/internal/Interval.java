package org.threadline.domain.indicators.internal;

import java.time.LocalDate;
import java.util.Optional;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.people.PersonSummary;

/**
 * A window made concrete for one subject and as-of date: the first and last day (both inclusive). "The last 12
 * months" to 2026-03-01 is 2025-03-02 to 2026-03-01. An event known only to the month or year is in the interval
 * if any day it could have happened on is.
 */
record Interval(LocalDate from, LocalDate to) {
    static Optional<Interval> of(CompiledWindow w, PersonSummary subject, LocalDate asOf) {
        switch (w.kind()) {
            case LAST:
                return Optional.of(new Interval(asOf.minus(w.amount(), w.unit()).plusDays(1), asOf));
            case EVER:
                return Optional.of(new Interval(LocalDate.MIN, asOf));
            default:
                if (subject.dateOfBirth().isEmpty()) {
                    return Optional.empty();
                }
                LocalDate dob = subject.dateOfBirth().get();
                LocalDate end = dob.plusYears(w.amount()).minusDays(1);
                return Optional.of(new Interval(dob, end.isBefore(asOf) ? end : asOf));
        }
    }

    boolean empty() {
        return to.isBefore(from);
    }

    boolean holds(ChronologyEvent e, boolean overlapping) {
        if (e.date().date().isAfter(to)) {
            return false;
        }
        LocalDate last = overlapping ? e.end().map(d -> d.latest()).orElse(LocalDate.MAX) : e.date().latest();
        return !last.isBefore(from);
    }

    @Override
    public String toString() {
        return from.equals(LocalDate.MIN) ? "up to " + to : from + " to " + to;
    }
}
