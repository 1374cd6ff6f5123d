package org.threadline.store.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threadline.domain.governance.audit.Checkpoint;
import org.threadline.domain.governance.audit.CheckpointKeys;
import org.threadline.domain.governance.audit.LogVerifier;
import org.threadline.domain.governance.audit.Redaction;
import org.threadline.domain.governance.audit.StoredEntry;
import org.threadline.domain.governance.audit.VerificationReport;
import org.threadline.store.StoreException;

/**
 * Verifies the whole stored log: reads every checkpoint and redaction, then streams the entries in sequence order
 * through the domain's {@link LogVerifier}, in one read-only repeatable-read transaction so that appends made
 * meanwhile neither appear half-way nor count as missing (or in the caller's transaction, if one is open).
 * Nothing stored is trusted: every hash is recomputed.
 */
public final class AuditLogVerification {
    private static final int FETCH = 5_000;

    private AuditLogVerification() {
    }

    /**
     * Checks the log on {@code c} against the trusted {@code keys} and, if given, a checkpoint remembered from an
     * earlier verification (or a witness), which catches even the deletion of the stored checkpoints.
     */
    public static VerificationReport verify(Connection c, CheckpointKeys keys, Optional<Checkpoint> witnessed) {
        try {
            if (!c.getAutoCommit()) {
                // The caller's own transaction: it sees its own uncommitted work, which is what it asked for.
                return run(c, keys, witnessed);
            }
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return run(c, keys, witnessed);
            } finally {
                c.rollback();
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Reading the audit log failed: " + StoreException.reason(e), e);
        }
    }

    private static VerificationReport run(Connection c, CheckpointKeys keys, Optional<Checkpoint> witnessed)
            throws SQLException {
        LogVerifier verifier = new LogVerifier(keys, checkpoints(c), witnessed, redactions(c));
        entries(c, verifier);
        return verifier.finish();
    }

    private static void entries(Connection c, LogVerifier verifier) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setFetchSize(FETCH);
            try (ResultSet rs = s.executeQuery("SELECT sequence, recorded_at, action, retain_until, payload_hash,"
                    + " leaf_hash, payload::text, payload_salt FROM audit_entry ORDER BY sequence")) {
                while (rs.next()) {
                    StoredEntry e = new StoredEntry(rs.getLong(1), AuditStore.instant(rs, 2), rs.getString(3),
                            AuditStore.instant(rs, 4), rs.getBytes(5), rs.getBytes(6),
                            AuditPayloads.read(rs.getString(7), rs.getBytes(8)));
                    if (!verifier.accept(e)) {
                        return;
                    }
                }
            }
        }
    }

    static List<Checkpoint> checkpoints(Connection c) throws SQLException {
        List<Checkpoint> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT tree_size, root_hash,"
                + " signed_at, key_id, signature FROM audit_checkpoint ORDER BY tree_size")) {
            while (rs.next()) {
                out.add(checkpoint(rs));
            }
        }
        return out;
    }

    static Optional<Checkpoint> checkpointAt(Connection c, long size) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT tree_size, root_hash, signed_at, key_id, signature"
                + " FROM audit_checkpoint WHERE tree_size = ?")) {
            s.setLong(1, size);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(checkpoint(rs)) : Optional.empty();
            }
        }
    }

    /** The checkpoint covering the most entries, if any: what a witness or the next verification remembers. */
    public static Optional<Checkpoint> latestCheckpoint(Connection c) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT tree_size, root_hash,"
                + " signed_at, key_id, signature FROM audit_checkpoint ORDER BY tree_size DESC LIMIT 1")) {
            return rs.next() ? Optional.of(checkpoint(rs)) : Optional.empty();
        } catch (SQLException e) {
            throw new StoreException("Reading the latest audit checkpoint failed: " + StoreException.reason(e), e);
        }
    }

    private static Checkpoint checkpoint(ResultSet rs) throws SQLException {
        return new Checkpoint(rs.getLong(1), rs.getBytes(2), AuditStore.instant(rs, 3), rs.getString(4),
                rs.getBytes(5));
    }

    private static Map<Long, Redaction> redactions(Connection c) throws SQLException {
        Map<Long, Redaction> out = new HashMap<>();
        try (Statement s = c.createStatement()) {
            s.setFetchSize(FETCH);
            try (ResultSet rs = s.executeQuery(
                    "SELECT sequence, redacted_at, redaction_entry FROM audit_redaction")) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new Redaction(rs.getLong(1), AuditStore.instant(rs, 2), rs.getLong(3)));
                }
            }
        }
        return out;
    }
}
