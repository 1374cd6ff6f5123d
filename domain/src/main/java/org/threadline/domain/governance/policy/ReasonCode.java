package org.threadline.domain.governance.policy;

/** Why a request was denied. Every deny carries at least one. */
public enum ReasonCode {
    /** A part of the request is missing or blank (who, purpose, data item, fields, subject). */
    MISSING_INPUT,
    /** No agreement in force has this data item. */
    UNKNOWN_DATA_ITEM,
    /** A requested field is not a field of the data item. */
    UNKNOWN_FIELD,
    AGREEMENT_NOT_ACTIVE,
    AGREEMENT_NOT_YET_VALID,
    AGREEMENT_EXPIRED,
    /** The agreement's review date has passed: no new sharing until it is reviewed. */
    AGREEMENT_REVIEW_OVERDUE,
    /** The declared purpose is, or falls under, a prohibited purpose. */
    PURPOSE_PROHIBITED,
    /** The declared purpose falls under none of the agreement's purposes. */
    PURPOSE_NOT_IN_AGREEMENT,
    /** The requester's agency receives this data item under no grant. */
    RECIPIENT_NOT_GRANTED,
    /** The agency receives the item, but not for this purpose. */
    PURPOSE_NOT_GRANTED,
    /** The agency receives the item for this purpose, but not in any role the requester holds. */
    ROLE_NOT_GRANTED,
    CASE_REFERENCE_REQUIRED,
    CASE_NOT_OPEN,
    CASE_NOT_LINKED_TO_SUBJECT,
    /** The case register could not answer. */
    CASE_CHECK_FAILED,
    /** A forbid rule matched. */
    FORBIDDEN,
    /** Nothing requested may be released (all withheld or not granted). */
    NO_PERMITTED_FIELDS,
    BREAK_GLASS_NOT_ALLOWED,
    BREAK_GLASS_REASON_REQUIRED,
    BREAK_GLASS_SUBJECT_MISMATCH,
    BREAK_GLASS_TOO_LONG,
    /** Outside the break-glass window (not started or lapsed). */
    BREAK_GLASS_NOT_IN_FORCE,
    /** The decision point itself failed: it denies rather than guess. */
    EVALUATION_ERROR
}
