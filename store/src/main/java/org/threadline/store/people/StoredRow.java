package org.threadline.store.people;

import java.util.Map;

/** One standardised, not quarantined row as the store holds it: field name → standardised value. */
public record StoredRow(long fileId, long rowNumber, String agency, String definitionId, Map<String, String> values) {
    public StoredRow {
        values = Map.copyOf(values);
    }
}
