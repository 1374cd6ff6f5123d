package org.threadline.synth.output;

import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * One column of an agency table.
 *
 * @param header  the header cell, exactly as the agency names the column
 * @param type    what the column holds; decides the XLSX cell type
 * @param pattern for {@link ColumnType#DATE} and {@link ColumnType#DATETIME}: the {@link DateTimeFormatter}
 *                pattern of the text the generator passes (e.g. {@code dd/MM/yyyy}); {@code null} otherwise.
 *                It is read strictly and in {@link java.util.Locale#UK} (month names such as {@code Mar}), so the
 *                generator should format with {@code Locale.UK} too
 */
public record ColumnSpec(String header, ColumnType type, String pattern) {

    /** Checks that temporal columns, and only they, carry a pattern that {@link DateTimeFormatter} accepts. */
    public ColumnSpec {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(type, "type");
        if (type.isTemporal()) {
            Objects.requireNonNull(pattern, () -> "column '" + header + "' of type " + type + " needs a pattern");
            DateTimeFormatter.ofPattern(pattern); // fails early on a malformed pattern
        } else if (pattern != null) {
            throw new IllegalArgumentException("column '" + header + "' of type " + type + " takes no pattern");
        }
    }

    /** A free-text column. */
    public static ColumnSpec text(String header) {
        return new ColumnSpec(header, ColumnType.TEXT, null);
    }

    /** A whole-number column. */
    public static ColumnSpec integer(String header) {
        return new ColumnSpec(header, ColumnType.INTEGER, null);
    }

    /** A decimal-number column. */
    public static ColumnSpec decimal(String header) {
        return new ColumnSpec(header, ColumnType.DECIMAL, null);
    }

    /** A date column whose values the generator formats with {@code pattern}, e.g. {@code dd/MM/yyyy}. */
    public static ColumnSpec date(String header, String pattern) {
        return new ColumnSpec(header, ColumnType.DATE, pattern);
    }

    /** A date-time column whose values the generator formats with {@code pattern}, e.g. {@code dd/MM/yyyy HH:mm}. */
    public static ColumnSpec dateTime(String header, String pattern) {
        return new ColumnSpec(header, ColumnType.DATETIME, pattern);
    }

    /** The pattern, present for temporal columns only. */
    public Optional<String> datePattern() {
        return Optional.ofNullable(pattern);
    }
}
