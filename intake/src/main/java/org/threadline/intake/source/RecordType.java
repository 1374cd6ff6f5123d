package org.threadline.intake.source;

/** What one row of a source file describes. */
public enum RecordType {
    /** A person as the agency knows them (possibly in the context of an event: a victim, a patient, a pupil). */
    PERSON,
    /** Something that happened to or about a person identified by a key into another source (a referral, an exclusion). */
    EVENT,
    /** A link between two people or records (a household member, a parent). */
    RELATIONSHIP,
    /** A property or place (a UPRN with its address). */
    ADDRESS
}
