package org.threadline.app.people;

import org.threadline.store.people.StoredRow;

/**
 * One person named in a row: the row's subject (prefix "") or a second person such as a child's mother (prefix
 * {@code mother.}). The key ({@code file:row} or {@code file:row:part}) is how review decisions and person records
 * refer to it.
 */
record PersonPart(StoredRow row, String prefix, String key) {
    String field(String name) {
        return row.values().getOrDefault(prefix + name, "").strip();
    }
}
