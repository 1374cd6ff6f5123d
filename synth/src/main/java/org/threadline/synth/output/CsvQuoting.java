package org.threadline.synth.output;

/** When a CSV field is wrapped in double quotes. */
public enum CsvQuoting {
    /** Only fields holding the delimiter, a double quote, CR or LF (RFC 4180). */
    WHEN_NEEDED,
    /** Every field, including missing values (written as {@code ""}). */
    ALL
}
