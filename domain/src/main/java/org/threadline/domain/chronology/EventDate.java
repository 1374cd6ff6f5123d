package org.threadline.domain.chronology;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When an event happened, as precisely as the source said: a day (with a time of day where one was recorded), or
 * only a month or a year (then {@code date} is the first day of that period, used for ordering only).
 */
public record EventDate(LocalDate date, DatePrecision precision, Optional<LocalTime> time) implements
        Comparable<EventDate> {
    public EventDate {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(time, "time");
        if (time.isPresent() && precision != DatePrecision.DAY) {
            throw new IllegalArgumentException("a time of day needs a date known to the day");
        }
    }

    public static EventDate day(LocalDate date) {
        return new EventDate(date, DatePrecision.DAY, Optional.empty());
    }

    public static EventDate at(LocalDate date, LocalTime time) {
        return new EventDate(date, DatePrecision.DAY, Optional.of(time));
    }

    public static EventDate month(int year, int month) {
        return new EventDate(LocalDate.of(year, month, 1), DatePrecision.MONTH, Optional.empty());
    }

    public static EventDate year(int year) {
        return new EventDate(LocalDate.of(year, 1, 1), DatePrecision.YEAR, Optional.empty());
    }

    /** The last day the event could have happened on. */
    public LocalDate latest() {
        return switch (precision) {
            case DAY -> date;
            case MONTH -> date.withDayOfMonth(date.lengthOfMonth());
            case YEAR -> date.withDayOfYear(date.lengthOfYear());
        };
    }

    @Override
    public int compareTo(EventDate o) {
        int c = date.compareTo(o.date);
        if (c != 0) {
            return c;
        }
        return time.orElse(LocalTime.MIN).compareTo(o.time.orElse(LocalTime.MIN));
    }

    /** As a person reads it: {@code 2024-03-05 14:20}, {@code 2024-03}, {@code 2024}. */
    @Override
    public String toString() {
        return switch (precision) {
            case DAY -> date + time.map(t -> " " + t).orElse("");
            case MONTH -> date.toString().substring(0, 7);
            case YEAR -> Integer.toString(date.getYear());
        };
    }
}
