package org.threadline.intake.standardise;

/**
 * A single standardised field value.
 *
 * @param raw     the value as received
 * @param value   the canonical form; for an INVALID identifier, the value as given (normalised for spacing), because
 *                an invalid number still tells an analyst something
 * @param outcome OK, FLAGGED, MISSING or INVALID
 * @param reason  why it is not OK, or empty
 */
public record StandardisedValue(String raw, String value, Outcome outcome, String reason) {

    static StandardisedValue ok(String raw, String value) {
        return new StandardisedValue(raw, value, Outcome.OK, "");
    }

    static StandardisedValue missing(String raw) {
        return new StandardisedValue(raw, "", Outcome.MISSING, "blank");
    }

    static boolean blank(String raw) {
        return raw == null || raw.isBlank();
    }
}
