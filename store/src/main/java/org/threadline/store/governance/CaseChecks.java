package org.threadline.store.governance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A case's items "to check" (V23, ADR 0031): a linked person's records went, by a split, to a person the case does
 * not link. An item stays open until the case's owner links that person (settled {@code LINKED}) or dismisses it
 * ({@code DISMISSED}); either is stamped on the item, once, and the item is kept.
 */
final class CaseChecks {
    private CaseChecks() {
    }

    /** Settles the case's open item about {@code toPerson}, if there is one; true if one was settled. */
    static boolean settle(Connection c, long caseId, String toPerson, String how, String by, Instant at)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE case_check SET settled_at = ?, settled_by = ?,"
                + " settled_how = ? WHERE case_id = ? AND to_person = ? AND settled_at IS NULL")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, by);
            s.setString(3, how);
            s.setLong(4, caseId);
            s.setString(5, toPerson);
            return s.executeUpdate() > 0;
        }
    }

    /** The items of these cases, open and settled, oldest first, by case id. */
    static Map<Long, List<CaseStore.Check>> of(Connection c, Collection<Long> caseIds) throws SQLException {
        Map<Long, List<CaseStore.Check>> out = new LinkedHashMap<>();
        if (caseIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT case_id, person_id, to_person, raised_at, note,"
                + " settled_at, settled_by, settled_how FROM case_check WHERE case_id = ANY (?) ORDER BY check_id")) {
            s.setArray(1, c.createArrayOf("bigint", caseIds.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(new CaseStore.Check(
                            r.getString(2), r.getString(3), r.getTimestamp(4).toInstant(), r.getString(5),
                            Optional.ofNullable(r.getTimestamp(6)).map(Timestamp::toInstant),
                            Optional.ofNullable(r.getString(7)), Optional.ofNullable(r.getString(8))));
                }
            }
        }
        return out;
    }
}
