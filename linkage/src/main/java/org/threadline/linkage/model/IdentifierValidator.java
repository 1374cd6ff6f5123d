package org.threadline.linkage.model;

/**
 * Check-digit and format rules for identifiers, named by the {@code validator} parameter of the identifier levels. A
 * value that fails its validator is treated as absent by those levels.
 */
public enum IdentifierValidator {
    /** NHS number: ten digits, modulus-11 check digit. */
    NHS_NUMBER,
    /** Unique Pupil Number: a check letter and twelve characters (DfE algorithm). */
    UPN,
    /** Police National Computer id: {@code YY/NNNNNNN} and a check letter. */
    PNC_ID,
    /** National Insurance number: two letters, six digits, a suffix A-D, with the disallowed prefixes excluded. */
    NI_NUMBER;

    /** The name used in the JSON document, e.g. {@code nhs_number}. */
    public String jsonName() {
        return JsonNames.of(this);
    }
}
