package org.threadline.intake.source;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.threadline.intake.standardise.DateStandardiser;

/**
 * One source column and what it means.
 *
 * @param source          the header exactly as it appears in the file
 * @param field           the canonical field it maps to
 * @param person          which person in the row the column describes ({@value #SUBJECT} unless a row describes
 *                        several, e.g. {@code mother} in a health-visiting contact)
 * @param key             whether the column is part of the row's record key (besides any {@code record_key} column)
 * @param dates           date formats in priority order, as {@link DateStandardiser#of(String...)} takes them
 * @param codes           source value → our vocabulary, applied before standardisation; unlisted values pass as given
 * @param freeText        whether the column holds narrative that may name or describe people
 * @param specialCategory whether it holds special-category data (UK GDPR Art 9: health, ethnicity, sex life …)
 * @param required        whether a row with this column blank is refused
 * @param description     what the column holds, for readers of the definition; may be empty
 */
public record ColumnMapping(String source, CanonicalField field, String person, boolean key, List<String> dates,
                            Map<String, String> codes, boolean freeText, boolean specialCategory, boolean required,
                            String description) {
    /** The person a column describes unless it says otherwise. */
    public static final String SUBJECT = "subject";

    public ColumnMapping {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(description, "description");
        dates = List.copyOf(dates);
        codes = Collections.unmodifiableMap(new LinkedHashMap<>(codes));
    }

    /** A standardiser for this column's dates, when it lists any. */
    public Optional<DateStandardiser> dateStandardiser() {
        return dates.isEmpty() ? Optional.empty() : Optional.of(DateStandardiser.of(dates.toArray(String[]::new)));
    }

    /** The code this source value maps to, or the value itself when the column lists no mapping for it. */
    public String decode(String value) {
        return codes.getOrDefault(value == null ? "" : value.strip(), value);
    }
}
