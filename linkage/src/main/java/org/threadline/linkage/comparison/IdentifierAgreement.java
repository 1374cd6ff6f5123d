package org.threadline.linkage.comparison;

/**
 * How two records' values of one identifier (NHS number, UPN, PNC ID) relate, as {@link Identifiers#agreement}
 * finds it. The ladder levels of an identifier comparison.
 */
public enum IdentifierAgreement {
    /** One or both records have no value: no evidence either way. */
    NULL,
    /** Both values are valid and equal: very strong evidence for a match. */
    BOTH_VALID_EQUAL,
    /**
     * Both values are valid and different: strong evidence against, since a person has one NHS number and a
     * valid one is rarely mistyped into another valid one (the check digit catches most slips).
     */
    BOTH_VALID_DIFFERENT,
    /**
     * One or both values fail validation. Worth showing an analyst (a mistyped number can still be recognised),
     * but not evidence the model weighs.
     */
    OTHER
}
