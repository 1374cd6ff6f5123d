package org.threadline.domain.indicators.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.indicators.Parameter;
import org.threadline.domain.indicators.Window;
import org.threadline.domain.people.PersonSummary;

/**
 * A window made concrete for one subject and as-of date: the first and last day (both inclusive). "The last 12
 * months" to 2026-03-01 is 2025-03-02 to 2026-03-01. An event known only to the month or year is in the interval
 * if any day it could have happened on is.
 */
record Interval(LocalDate from, LocalDate to) {
    static Optional<Interval> of(Window w, PersonSummary subject, LocalDate asOf, Map<String, Parameter> parameters) {
        if (w instanceof Window.Last last) {
            long n = (long) last.amount().resolve(parameters);
            return Optional.of(new Interval(asOf.minus(n, last.unit()).plusDays(1), asOf));
        }
        if (w instanceof Window.Ever) {
            return Optional.of(new Interval(LocalDate.MIN, asOf));
        }
        if (subject.dateOfBirth().isEmpty()) {
            return Optional.empty();
        }
        LocalDate dob = subject.dateOfBirth().get();
        int years = w instanceof Window.BeforeAge b ? (int) b.age().resolve(parameters) : 18;
        LocalDate end = dob.plusYears(years).minusDays(1);
        return Optional.of(new Interval(dob, end.isBefore(asOf) ? end : asOf));
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
