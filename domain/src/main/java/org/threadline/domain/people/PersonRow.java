package org.threadline.domain.people;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.threadline.domain.chronology.SourceRef;

/**
 * One person's part of one source row, after linkage: who it was resolved to, where it came from, and its
 * standardised fields (keys as stored by intake, without the part's prefix).
 *
 * @param part   "" for the row's subject, or the prefix of a second person in the row ({@code mother})
 * @param seenOn the day the row shows the person at their address (its event date), if it has one
 */
public record PersonRow(String personId, SourceRef source, String part, Map<String, String> fields,
                        Optional<LocalDate> seenOn) {
    /** Compiled once: relationship inference asks every row for its address key many times. */
    private static final java.util.regex.Pattern NOT_ALPHANUMERIC = java.util.regex.Pattern.compile("[^A-Z0-9]+");

    public PersonRow {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(part, "part");
        fields = Map.copyOf(fields);
        Objects.requireNonNull(seenOn, "seenOn");
    }

    public String field(String name) {
        return fields.getOrDefault(name, "").strip();
    }

    /**
     * The address the row gives, as a comparable key: the UPRN where there is one, else the normalised address line
     * with the postcode; empty when the row gives no address (a postcode alone is a street, not a home).
     */
    public Optional<String> addressKey() {
        if (!field("uprn").isEmpty()) {
            return Optional.of("UPRN " + field("uprn"));
        }
        String line = NOT_ALPHANUMERIC.matcher(field("address_line").toUpperCase(java.util.Locale.ROOT)).replaceAll(" ")
                .strip();
        String postcode = field("postcode").toUpperCase(java.util.Locale.ROOT).replace(" ", "");
        if (line.isEmpty() || postcode.isEmpty()) {
            return Optional.empty();
        }
        String withoutPostcode = line.replace(field("postcode").toUpperCase(java.util.Locale.ROOT), "").strip();
        return Optional.of(withoutPostcode + " | " + postcode);
    }
}
