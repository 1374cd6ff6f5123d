package org.threadline.intake.standardise;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;

/**
 * A date as standardised.
 *
 * @param raw     the value as received
 * @param date    the date, when one could be read (also for FLAGGED ambiguous dates: the reading of the first
 *                format, which the flag says may be wrong)
 * @param time    the time of day, when the format that read the date also read a time; null otherwise
 * @param outcome OK, FLAGGED, MISSING or INVALID
 * @param reason  why it is not OK, or empty
 */
public record StandardisedDate(String raw, LocalDate date, LocalTime time, Outcome outcome, String reason) {

    public Optional<LocalDate> value() {
        return Optional.ofNullable(date);
    }

    /**
     * The value as ISO text: a local date-time ({@code 2016-10-22T17:45}, seconds only when not zero) when a time
     * was read, else a date ({@code 2016-10-22}); empty when there is no date.
     */
    public String iso() {
        if (date == null) {
            return "";
        }
        return time == null ? date.toString() : LocalDateTime.of(date, time).toString();
    }

    static StandardisedDate ok(String raw, LocalDate date, LocalTime time) {
        return new StandardisedDate(raw, date, time, Outcome.OK, "");
    }

    static StandardisedDate flagged(String raw, LocalDate date, LocalTime time, String reason) {
        return new StandardisedDate(raw, date, time, Outcome.FLAGGED, reason);
    }

    static StandardisedDate missing(String raw, String reason) {
        return new StandardisedDate(raw, null, null, Outcome.MISSING, reason);
    }

    static StandardisedDate invalid(String raw, String reason) {
        return new StandardisedDate(raw, null, null, Outcome.INVALID, reason);
    }
}
