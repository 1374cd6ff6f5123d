package org.threadline.intake.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.threadline.intake.read.RawRow;

/**
 * One row as received, with what the load made of it.
 *
 * @param raw     the row exactly as read
 * @param fields  its canonical fields as standardised, by field name ({@code surname}, {@code mother.surname},
 *                {@code attribute.Arrival_Time})
 * @param reasons why the row is quarantined, per field ({@code row} for a problem with the row itself); empty
 *                when the row is loaded
 */
public record LoadedRow(RawRow raw, Map<String, FieldValue> fields, Map<String, String> reasons) {
    public LoadedRow {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
    }

    public boolean quarantined() {
        return !reasons.isEmpty();
    }
}
