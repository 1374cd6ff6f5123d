package org.threadline.domain.chronology;

/**
 * A person's part in one event. Victim, witness, suspect, offender and child present are roles on events, never
 * labels on people: the same person can be a victim in one event and a suspect in another, and both stay visible
 * as what they were.
 */
public enum EventRole {
    /** The person the record is about (a patient, a pupil, a child in need, a case's client). */
    SUBJECT,
    VICTIM,
    WITNESS,
    SUSPECT,
    /** Convicted or sentenced for the offence the event records. */
    OFFENDER,
    /** A child in the household or present at an incident, not a party to it. */
    CHILD_PRESENT,
    MISSING_PERSON,
    PERSON_AT_RISK,
    /** Named as a member of another person's household in the record (a homelessness case, a referral). */
    HOUSEHOLD_MEMBER,
    /** A parent or carer named in a child's record. */
    PARENT_OR_CARER,
    /** The source gave a role we do not recognise; the raw value is kept in the event's facts. */
    OTHER
}
