package org.threadline.domain.chronology;

/** How much of an event's date is known: a chronology never shows more precision than its source gave. */
public enum DatePrecision {
    DAY, MONTH, YEAR
}
