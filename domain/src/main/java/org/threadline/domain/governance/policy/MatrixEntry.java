package org.threadline.domain.governance.policy;

import java.util.List;

/**
 * One cell of the permission matrix: may a {@code role} at {@code agency}, declaring {@code purpose}, receive
 * {@code field} of {@code dataItem} under {@code agreement}?
 *
 * @param withheldFor when permitted, the subjects it is withheld for, as {@code WITNESS} (a role on the event, at
 *                    every level of need), {@code UNIVERSAL} (a level of need, whatever the role) or
 *                    {@code WITNESS@UNIVERSAL}; empty when released for every subject
 */
public record MatrixEntry(String agreement, String agency, String role, String purpose, String dataItem, String field,
                          boolean permitted, List<String> withheldFor) {
    public MatrixEntry {
        withheldFor = List.copyOf(withheldFor);
    }

    /** The cell's coordinates without the decision, to compare two matrices. */
    public String key() {
        return String.join(" | ", agency, role, purpose, dataItem, field);
    }
}
