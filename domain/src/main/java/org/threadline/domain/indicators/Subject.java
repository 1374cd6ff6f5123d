package org.threadline.domain.indicators;

/** Whom an indicator is about. A child is under 18 on the as-of date; an adult is 18 or over. */
public enum Subject {
    CHILD, ADULT, PERSON, FAMILY
}
