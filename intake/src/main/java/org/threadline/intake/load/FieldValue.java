package org.threadline.intake.load;

import org.threadline.intake.standardise.Outcome;

/**
 * One canonical field of a row as standardised.
 *
 * @param value   the standardised value, or the value as given when it could not be standardised; empty if missing
 * @param outcome what the standardiser made of it
 * @param reason  why it is not OK, or empty
 */
public record FieldValue(String value, Outcome outcome, String reason) {
    static FieldValue of(String raw, String standardised, Outcome outcome, String reason) {
        String value = outcome == Outcome.INVALID ? (raw == null ? "" : raw.strip()) : standardised;
        return new FieldValue(value == null ? "" : value, outcome, reason == null ? "" : reason);
    }

    static FieldValue plain(String raw) {
        String v = raw == null ? "" : raw.strip();
        return v.isEmpty() ? new FieldValue("", Outcome.MISSING, "blank") : new FieldValue(v, Outcome.OK, "");
    }
}
