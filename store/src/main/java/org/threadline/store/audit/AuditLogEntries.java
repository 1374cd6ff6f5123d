package org.threadline.store.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.threadline.domain.governance.audit.AuditEvent;
import org.threadline.domain.governance.audit.StoredEntry;
import org.threadline.store.StoreException;

/**
 * Reads entries of the log for people who oversee it (the information-governance pages): the newest first, or those
 * of one action. Reading trusts nothing and proves nothing: whether the log is intact is
 * {@link AuditLogVerification}'s answer, which these pages show beside the entries.
 */
public final class AuditLogEntries {
    private static final String SELECT = "SELECT sequence, recorded_at, action, payload::text, payload_salt"
            + " FROM audit_entry";

    private AuditLogEntries() {
    }

    /**
     * One entry as read back.
     *
     * @param event the event, or empty when its payload was removed at the end of retention (or is unreadable)
     */
    public record Entry(long sequence, Instant time, String action, Optional<AuditEvent> event) {
    }

    /** The newest {@code limit} entries, newest first. */
    public static List<Entry> newest(Connection c, int limit) {
        return query(c, SELECT + " ORDER BY sequence DESC LIMIT ?", null, limit);
    }

    /** The newest {@code limit} entries of one action, newest first. */
    public static List<Entry> newest(Connection c, String action, int limit) {
        return query(c, SELECT + " WHERE action = ? ORDER BY sequence DESC LIMIT ?", action, limit);
    }

    /** How many entries the log holds. */
    public static long count(Connection c) {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM audit_entry");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("Counting audit entries failed: " + StoreException.reason(e), e);
        }
    }

    private static List<Entry> query(Connection c, String sql, String action, int limit) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (action != null) {
                s.setString(i++, action);
            }
            s.setInt(i, limit);
            List<Entry> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    StoredEntry.Payload p = AuditPayloads.read(rs.getString(4), rs.getBytes(5));
                    out.add(new Entry(rs.getLong(1), AuditStore.instant(rs, 2), rs.getString(3),
                            p instanceof StoredEntry.Present present ? Optional.of(present.event())
                                    : Optional.empty()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Reading audit entries failed (" + sql + "): " + StoreException.reason(e), e);
        }
    }
}
