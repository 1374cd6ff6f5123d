package org.threadline.synth.population;

/** Reason for loss of the last settled home, as a housing authority records it. */
public enum HomelessReason {
    DOMESTIC_ABUSE, RELATIONSHIP_BREAKDOWN, FAMILY_NO_LONGER_WILLING, END_OF_TENANCY, RENT_ARREARS, LEFT_CARE,
    LEFT_PRISON
}
