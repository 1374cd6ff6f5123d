package org.threadline.synth.errors;

/** One kind of recording error, with its default rate and the field values it applies to. */
public enum ErrorKind {
    /** One keyboard slip in a name: a neighbouring key, a dropped, doubled or transposed letter. */
    NAME_TYPO(0.02),
    /** An OCR-like confusion in a name or identifier (rn/m, l/1, O/0, S/5). */
    OCR_SLIP(0.004),
    /** A familiar form recorded instead of the formal forename (agencies other than schools). */
    FAMILIAR_FORENAME(0.15),
    /** Forename recorded as surname and surname as forename. */
    NAMES_SWAPPED(0.01),
    /** Day and month transposed in a date of birth (only where both are 12 or under). */
    DAY_MONTH_TRANSPOSED(0.01),
    /** One digit of a date of birth mistyped. */
    DOB_DIGIT_TYPO(0.005),
    /** Date of birth left blank. */
    DOB_MISSING(0.01),
    /** The system's default date (01/01/1900) recorded instead of the real one. */
    DOB_SENTINEL(0.004),
    /** The previous address recorded instead of the current one. */
    STALE_ADDRESS(0.05),
    /** One character of a postcode mistyped. */
    POSTCODE_TYPO(0.01),
    /** Postcode left blank. */
    POSTCODE_MISSING(0.02),
    /** An identifier the agency would hold, left blank. */
    IDENTIFIER_MISSING(0.05),
    /** An identifier with one digit mistyped, so that its check character fails. */
    IDENTIFIER_INVALID(0.01),
    /** The same person registered twice in one agency's system under a second record key. */
    DUPLICATE_RECORD(0.02);

    private final double defaultRate;

    ErrorKind(double defaultRate) {
        this.defaultRate = defaultRate;
    }

    public double defaultRate() {
        return defaultRate;
    }

    /** The name used in option strings and the truth file: lower case with hyphens, e.g. {@code name-typo}. */
    public String optionName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
