package org.threadline.store.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.domain.governance.audit.AuditEvent;
import org.threadline.domain.governance.audit.AuditLeaf;
import org.threadline.domain.governance.audit.PayloadCommitment;
import org.threadline.domain.governance.audit.StoredEntry;

/**
 * The attacker's view of {@code audit_entry}: raw rows read and written with plain SQL, with the triggers disabled as
 * the table's owner may do, and the hashes recomputed exactly as the appender would (the algorithm is public; only
 * the checkpoint key is secret).
 */
final class StoredRows {
    record Row(long sequence, Instant time, String action, Instant retainUntil, byte[] payloadHash, byte[] leafHash,
            String payload, byte[] salt) {
        Row at(long newSequence) {
            return new Row(newSequence, time, action, retainUntil, payloadHash, leafHash, payload, salt);
        }

        Row withPayload(String json) {
            return new Row(sequence, time, action, retainUntil, payloadHash, leafHash, json, salt);
        }

        /** Payload and leaf hashes recomputed for this row's position and payload. */
        Row rehashed() {
            AuditEvent e = ((StoredEntry.Present) AuditPayloads.read(payload, salt)).event();
            byte[] ph = PayloadCommitment.of(e, salt);
            byte[] lh = new AuditLeaf(sequence, e.time(), AuditAction.valueOf(action), retainUntil, ph).hash();
            return new Row(sequence, e.time(), action, retainUntil, ph, lh, payload, salt);
        }

        boolean sameAs(Row o) {
            return sequence == o.sequence && time.equals(o.time) && action.equals(o.action)
                    && retainUntil.equals(o.retainUntil) && Arrays.equals(payloadHash, o.payloadHash)
                    && Arrays.equals(leafHash, o.leafHash) && java.util.Objects.equals(payload, o.payload)
                    && Arrays.equals(salt, o.salt);
        }
    }

    private StoredRows() {
    }

    static List<Row> read(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sequence, recorded_at, action,"
                + " retain_until, payload_hash, leaf_hash, payload::text, payload_salt FROM audit_entry ORDER BY sequence")) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), AuditStore.instant(rs, 2), rs.getString(3), AuditStore.instant(rs, 4),
                        rs.getBytes(5), rs.getBytes(6), rs.getString(7), rs.getBytes(8)));
            }
        }
        return rows;
    }

    /** Makes the table hold {@code wanted}: deletes from the first row that differs and inserts the rest. */
    static void write(Connection c, List<Row> original, List<Row> wanted) throws SQLException {
        int k = 0;
        while (k < original.size() && k < wanted.size() && original.get(k).sameAs(wanted.get(k))) {
            k++;
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_entry DISABLE TRIGGER USER");
        }
        long from = k < original.size() ? original.get(k).sequence() : Long.MAX_VALUE;
        try (PreparedStatement s = c.prepareStatement("DELETE FROM audit_entry WHERE sequence >= ?")) {
            s.setLong(1, from);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_entry (sequence, recorded_at, action,"
                + " retain_until, payload_hash, leaf_hash, payload, payload_salt) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)")) {
            for (Row r : wanted.subList(k, wanted.size())) {
                s.setLong(1, r.sequence());
                s.setObject(2, AuditStore.utc(r.time()));
                s.setString(3, r.action());
                s.setObject(4, AuditStore.utc(r.retainUntil()));
                s.setBytes(5, r.payloadHash());
                s.setBytes(6, r.leafHash());
                s.setString(7, r.payload());
                s.setBytes(8, r.salt());
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
