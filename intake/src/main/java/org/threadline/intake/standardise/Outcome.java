package org.threadline.intake.standardise;

/** What a standardiser made of a raw value. */
public enum Outcome {
    /** Understood and in canonical form. */
    OK,
    /** Understood, but with a caveat a person should see (an ambiguous date, a pseudo-postcode). */
    FLAGGED,
    /** Blank, or a placeholder that means "unknown" (a sentinel date, "N/K"). */
    MISSING,
    /** Present but impossible or failing its check; the raw value is kept. */
    INVALID
}
