package org.threadline.domain.indicators;

/**
 * Whose events a signal reads, relative to the subject, from {@code Family.relationships}. A household tie counts
 * only for events inside its period; a household adult is a household member aged 18 or over on the event's date.
 */
public enum Who {
    /** The subject. */
    SELF,
    /** A person recorded as PARENT_OF or CARER_OF the subject. */
    PARENT,
    /** A HOUSEHOLD_MEMBER_WITH the subject (other than the subject) at the event's date, aged 18 or over then. */
    HOUSEHOLD_ADULT,
    /** A HOUSEHOLD_MEMBER_WITH the subject (other than the subject) at the event's date, of any age. */
    HOUSEHOLD_MEMBER,
    /** A PARTNER_OF or EX_PARTNER_OF the subject. */
    PARTNER,
    /** Anyone in the family, the subject included. */
    FAMILY_MEMBER
}
