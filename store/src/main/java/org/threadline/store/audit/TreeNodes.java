package org.threadline.store.audit;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.threadline.domain.governance.audit.CompactRange;
import org.threadline.domain.governance.audit.NodeRef;

/**
 * Reads and writes the stored subtree hashes: level 0 is {@code audit_entry.leaf_hash}, higher levels are
 * {@code audit_node}. Both are written by the appender only; the verifier never trusts them.
 */
final class TreeNodes {
    private TreeNodes() {
    }

    /** The hashes of {@code refs}, in order; fails if one is missing (a broken or concurrently changed store). */
    static List<byte[]> hashes(Connection c, List<NodeRef> refs) throws SQLException {
        Map<NodeRef, byte[]> found = new HashMap<>();
        List<Long> leaves = new ArrayList<>();
        List<Short> levels = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        for (NodeRef r : refs) {
            if (r.level() == 0) {
                leaves.add(r.position());
            } else {
                levels.add((short) r.level());
                positions.add(r.position());
            }
        }
        if (!leaves.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT sequence, leaf_hash FROM audit_entry WHERE sequence = ANY (?)")) {
                Array a = c.createArrayOf("bigint", leaves.toArray());
                s.setArray(1, a);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.put(new NodeRef(0, rs.getLong(1)), rs.getBytes(2));
                    }
                }
            }
        }
        if (!levels.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("SELECT n.level, n.position, n.hash FROM audit_node n"
                    + " JOIN unnest(?::smallint[], ?::bigint[]) AS w(level, position)"
                    + " ON n.level = w.level AND n.position = w.position")) {
                s.setArray(1, c.createArrayOf("smallint", levels.toArray()));
                s.setArray(2, c.createArrayOf("bigint", positions.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.put(new NodeRef(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
                    }
                }
            }
        }
        List<byte[]> out = new ArrayList<>();
        for (NodeRef r : refs) {
            byte[] h = found.get(r);
            if (h == null) {
                throw new SQLException("the audit tree has no stored hash for " + r);
            }
            out.add(h);
        }
        return out;
    }

    static void insert(Connection c, List<CompactRange.Completed> nodes) throws SQLException {
        if (nodes.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO audit_node (level, position, hash) VALUES (?, ?, ?)")) {
            for (CompactRange.Completed n : nodes) {
                s.setShort(1, (short) n.node().level());
                s.setLong(2, n.node().position());
                s.setBytes(3, n.hash());
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
