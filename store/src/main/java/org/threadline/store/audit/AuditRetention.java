package org.threadline.store.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.domain.governance.audit.AuditEvent;
import org.threadline.store.StoreException;

/**
 * Removes the payloads of entries whose retention has ended: the one change the audit triggers allow. In one
 * transaction it appends a REDACTION entry saying how many payloads go, then nulls them; the trigger refuses any
 * removal that is not backed by a REDACTION entry of the same transaction, and records each one in
 * {@code audit_redaction}. Leaf fields and hashes never change, so every proof and checkpoint still verifies.
 */
public final class AuditRetention {
    private final AuditStore store;
    private final Clock clock;

    public AuditRetention(AuditStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Removes every payload past its retention (by the database's clock, which the trigger also uses), in
     * {@code c}'s transaction, on behalf of {@code actor}; returns how many were removed.
     */
    public long redactExpired(Connection c, String actor, String agency, String requestId) {
        try {
            long due = due(c);
            if (due == 0) {
                return 0;
            }
            AuditEvent event = new AuditEvent(requestId, clock.instant(), actor, agency, List.of(),
                    "AUDIT.RETENTION", "", AuditAction.REDACTION, "", "audit-log", List.of(),
                    List.of("RETENTION_ENDED", "PAYLOADS_REMOVED=" + due), "");
            long entry = store.append(c, event).sequence();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT set_config('threadline.audit_redaction_entry', ?, true)")) {
                s.setString(1, Long.toString(entry));
                s.execute();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE audit_entry SET payload = NULL, payload_salt = NULL"
                    + " WHERE payload IS NOT NULL AND retain_until <= now() AND sequence < ?")) {
                s.setLong(1, entry);
                return s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException("Removing expired audit payloads failed: " + StoreException.reason(e), e);
        }
    }

    private static long due(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM audit_entry WHERE payload IS NOT NULL AND retain_until <= now()");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
