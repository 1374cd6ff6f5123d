package org.threadline.synth.output;

/**
 * What a column holds. CSV ignores it (every value is text there); XLSX uses it to store typed cells when the
 * value parses, and falls back to a text cell when it does not.
 */
public enum ColumnType {
    /** Free text, always written as a text cell. */
    TEXT,
    /** A whole number, written as a numeric cell when it is written canonically (no sign, no leading zeros). */
    INTEGER,
    /** A decimal number, written as a numeric cell that shows the same number of decimal places. */
    DECIMAL,
    /** A calendar date, parsed with the column's pattern. */
    DATE,
    /** A date and time of day, parsed with the column's pattern. */
    DATETIME;

    /** Whether values of this type are parsed with a {@link java.time.format.DateTimeFormatter} pattern. */
    public boolean isTemporal() {
        return this == DATE || this == DATETIME;
    }
}
