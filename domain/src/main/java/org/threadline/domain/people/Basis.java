package org.threadline.domain.people;

/** Whether a relationship was said by a source or concluded by one of our rules. */
public enum Basis {
    /** A source record said so (a health visitor named the mother; a housing case named the applicant's partner). */
    ASSERTED,
    /** A named rule concluded it from other facts (co-residence and ages); shown as such, never as a fact. */
    INFERRED
}
