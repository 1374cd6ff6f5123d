package org.threadline.domain.identifiers;

/**
 * Why an identifier check came out as it did. Every reason belongs to exactly one {@link Verdict}, so a result never
 * says "invalid" without saying why, and a valid result can still carry a note (a temporary UPN, a legacy NINO).
 */
public enum CheckReason {
    /** Valid with nothing to note. */
    OK(Verdict.VALID),
    /** A valid temporary UPN: the last character is a letter rather than a digit. */
    TEMPORARY_UPN(Verdict.VALID),
    /** A NINO held without its suffix letter, as some legacy systems do; valid but flagged. */
    LEGACY_BLANK_SUFFIX(Verdict.VALID),
    /** An NHS pseudo-postcode ({@code ZZ99 …}). */
    NHS_PSEUDO_POSTCODE(Verdict.PSEUDO),
    /** Null, empty or only separators. */
    BLANK(Verdict.INVALID),
    /** The wrong number of characters once separators are removed. */
    WRONG_LENGTH(Verdict.INVALID),
    /** A position that must hold digits holds something else. */
    NOT_NUMERIC(Verdict.INVALID),
    /** The overall shape does not match the identifier's pattern. */
    BAD_SHAPE(Verdict.INVALID),
    /** A letter that is not allowed in its position (positional letter rules). */
    BAD_LETTER(Verdict.INVALID),
    /** A NINO prefix that is never allocated, or a prefix letter that is never used. */
    BAD_PREFIX(Verdict.INVALID),
    /** A suffix character outside the allowed set. */
    BAD_SUFFIX(Verdict.INVALID),
    /** The check digit does not agree with the other digits. */
    BAD_CHECK_DIGIT(Verdict.INVALID),
    /** The digits give a check value that is never issued (NHS mod 11 remainder giving 10). */
    NO_POSSIBLE_CHECK_DIGIT(Verdict.INVALID),
    /** The check letter does not agree with the other characters. */
    BAD_CHECK_LETTER(Verdict.INVALID);

    private final Verdict verdict;

    CheckReason(Verdict verdict) {
        this.verdict = verdict;
    }

    /** The verdict this reason implies. */
    public Verdict verdict() {
        return verdict;
    }
}
