package org.threadline.synth.population;

/**
 * The part a person plays in an event. Victim, witness, suspect, offender and child-in-household are roles on
 * events, never labels on people.
 */
public enum Role {
    VICTIM, WITNESS, SUSPECT, OFFENDER, CHILD_IN_HOUSEHOLD, MISSING_PERSON, SUBJECT, APPLICANT, HOUSEHOLD_MEMBER,
    PATIENT, MOTHER
}
