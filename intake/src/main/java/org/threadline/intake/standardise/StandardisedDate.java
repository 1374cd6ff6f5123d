package org.threadline.intake.standardise;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A date as standardised.
 *
 * @param raw     the value as received
 * @param date    the date, when one could be read (also for FLAGGED ambiguous dates: the reading of the first
 *                format, which the flag says may be wrong)
 * @param outcome OK, FLAGGED, MISSING or INVALID
 * @param reason  why it is not OK, or empty
 */
public record StandardisedDate(String raw, LocalDate date, Outcome outcome, String reason) {

    public Optional<LocalDate> value() {
        return Optional.ofNullable(date);
    }

    static StandardisedDate ok(String raw, LocalDate date) {
        return new StandardisedDate(raw, date, Outcome.OK, "");
    }

    static StandardisedDate flagged(String raw, LocalDate date, String reason) {
        return new StandardisedDate(raw, date, Outcome.FLAGGED, reason);
    }

    static StandardisedDate missing(String raw, String reason) {
        return new StandardisedDate(raw, null, Outcome.MISSING, reason);
    }

    static StandardisedDate invalid(String raw, String reason) {
        return new StandardisedDate(raw, null, Outcome.INVALID, reason);
    }
}
