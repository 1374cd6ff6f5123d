package org.threadline.store.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.threadline.domain.governance.audit.AuditEvent;
import org.threadline.domain.governance.audit.AuditLeaf;
import org.threadline.domain.governance.audit.Checkpoint;
import org.threadline.domain.governance.audit.CheckpointSigner;
import org.threadline.domain.governance.audit.CompactRange;
import org.threadline.domain.governance.audit.MerkleLog;
import org.threadline.domain.governance.audit.PayloadCommitment;
import org.threadline.store.StoreException;

/**
 * Appends audit events to the log in the caller's transaction and signs checkpoints.
 *
 * <p>Positions must run 0, 1, 2 ... with no gaps (a gap reads as a deleted entry), and PostgreSQL sequences leave
 * gaps when transactions roll back. So an append takes a transaction-scoped advisory lock, reads the last entry and
 * writes the next: a rolled-back append gives its position back. The right edge of the tree (at most one stored
 * subtree hash per bit of the size) is read at each append, so completed subtrees and checkpoint roots never need a
 * pass over the log. The cost is that audited transactions queue at the
 * append until the one before commits; ADR 0006 weighs this against a separate sealer.
 */
public final class AuditStore {
    /** The advisory lock key that serialises appends ("TLAUDIT" in ASCII). */
    static final long APPEND_LOCK = 0x544C4155444954L;

    private final CheckpointSigner signer;
    private final int checkpointEvery;
    private final Duration retention;
    private final Clock clock;
    private final RandomGenerator saltSource;

    /**
     * @param signer signs checkpoints
     * @param checkpointEvery an append that brings the log to a multiple of this signs a checkpoint
     * @param retention how long a payload is kept when the caller does not say
     * @param clock the time of checkpoints
     * @param saltSource payload salts; a {@link java.security.SecureRandom} outside tests
     */
    public AuditStore(CheckpointSigner signer, int checkpointEvery, Duration retention, Clock clock,
            RandomGenerator saltSource) {
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("checkpointEvery must be >= 1");
        }
        this.signer = Objects.requireNonNull(signer, "signer");
        this.checkpointEvery = checkpointEvery;
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.saltSource = Objects.requireNonNull(saltSource, "saltSource");
    }

    /** Appends {@code event}, kept for the default retention after its time. */
    public AuditReceipt append(Connection c, AuditEvent event) {
        return append(c, event, event.time().plus(retention));
    }

    /**
     * Appends {@code event} in {@code c}'s open transaction: it becomes part of the log only if the caller commits,
     * so a release and its audit entry stand or fall together ("no audit, no release").
     */
    public AuditReceipt append(Connection c, AuditEvent event, Instant retainUntil) {
        return write(c, List.of(event), List.of(retainUntil)).get(0);
    }

    /**
     * Appends {@code events} in order, each kept for the default retention, in {@code c}'s open transaction: one
     * lock, one read of the tree's edge and batched inserts, for a release that produces many events at once.
     */
    public List<AuditReceipt> appendAll(Connection c, List<AuditEvent> events) {
        return write(c, events, events.stream().map(e -> e.time().plus(retention)).toList());
    }

    private List<AuditReceipt> write(Connection c, List<AuditEvent> events, List<Instant> retainUntil) {
        AuditEvent first = events.isEmpty() ? null : events.get(0);
        try {
            requireTransaction(c);
            if (events.isEmpty()) {
                return List.of();
            }
            lock(c);
            long size = size(c);
            CompactRange range = CompactRange.of(size, TreeNodes.hashes(c, MerkleLog.frontier(size)));
            List<AuditReceipt> receipts = new ArrayList<>(events.size());
            List<CompactRange.Completed> nodes = new ArrayList<>();
            List<Checkpoint> checkpoints = new ArrayList<>();
            try (PreparedStatement insert = c.prepareStatement(INSERT_ENTRY)) {
                for (int i = 0; i < events.size(); i++) {
                    AuditEvent e = withMicros(events.get(i));
                    Instant keep = retainUntil.get(i).truncatedTo(ChronoUnit.MICROS);
                    long n = range.size();
                    byte[] salt = PayloadCommitment.newSalt(saltSource);
                    byte[] payloadHash = PayloadCommitment.of(e, salt);
                    byte[] leafHash = new AuditLeaf(n, e.time(), e.action(), keep, payloadHash).hash();
                    addEntry(insert, n, e, keep, payloadHash, leafHash, salt);
                    nodes.addAll(range.append(leafHash));
                    Optional<Checkpoint> checkpoint = Optional.empty();
                    if (range.size() % checkpointEvery == 0) {
                        checkpoint = Optional.of(signer.sign(range.size(), range.root(),
                                clock.instant().truncatedTo(ChronoUnit.MICROS)));
                        checkpoints.add(checkpoint.get());
                    }
                    receipts.add(new AuditReceipt(n, e, checkpoint));
                }
                insert.executeBatch();
            }
            TreeNodes.insert(c, nodes);
            for (Checkpoint cp : checkpoints) {
                insert(c, cp);
            }
            return receipts;
        } catch (SQLException ex) {
            throw new StoreException("Appending " + events.size() + " audit event(s) (the first " + first.action()
                    + ", request " + first.requestId() + ") failed: " + ex.getMessage(), ex);
        }
    }

    /**
     * Signs a checkpoint of the whole log now, in {@code c}'s transaction, unless the log is empty or one of this
     * size exists already (then that one is returned).
     */
    public Optional<Checkpoint> checkpoint(Connection c) {
        try {
            requireTransaction(c);
            lock(c);
            long size = size(c);
            if (size == 0) {
                return Optional.empty();
            }
            Optional<Checkpoint> existing = AuditLogVerification.checkpointAt(c, size);
            return existing.isPresent() ? existing : Optional.of(sign(c, size));
        } catch (SQLException ex) {
            throw new StoreException("Signing an audit checkpoint failed: " + ex.getMessage(), ex);
        }
    }

    private Checkpoint sign(Connection c, long size) throws SQLException {
        byte[] root = MerkleLog.rootFromFrontier(TreeNodes.hashes(c, MerkleLog.frontier(size)));
        Checkpoint cp = signer.sign(size, root, clock.instant().truncatedTo(ChronoUnit.MICROS));
        insert(c, cp);
        return cp;
    }

    private static void insert(Connection c, Checkpoint cp) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_checkpoint"
                + " (tree_size, root_hash, signed_at, key_id, signature) VALUES (?, ?, ?, ?, ?)")) {
            s.setLong(1, cp.treeSize());
            s.setBytes(2, cp.rootHash());
            s.setObject(3, utc(cp.time()));
            s.setString(4, cp.keyId());
            s.setBytes(5, cp.signature());
            s.executeUpdate();
        }
    }

    /** Entries in the log (as this transaction sees it: call under the lock). */
    private static long size(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT sequence FROM audit_entry ORDER BY sequence DESC LIMIT 1")) {
            return rs.next() ? rs.getLong(1) + 1 : 0;
        }
    }

    private static final String INSERT_ENTRY = "INSERT INTO audit_entry (sequence, recorded_at, action,"
            + " retain_until, payload_hash, leaf_hash, payload, payload_salt) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)";

    private static void addEntry(PreparedStatement s, long n, AuditEvent e, Instant keep, byte[] payloadHash,
            byte[] leafHash, byte[] salt) throws SQLException {
        s.setLong(1, n);
        s.setObject(2, utc(e.time()));
        s.setString(3, e.action().name());
        s.setObject(4, utc(keep));
        s.setBytes(5, payloadHash);
        s.setBytes(6, leafHash);
        s.setString(7, AuditPayloads.toJson(e));
        s.setBytes(8, salt);
        s.addBatch();
    }

    private static void lock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            s.setLong(1, APPEND_LOCK);
            s.execute();
        }
    }

    private static void requireTransaction(Connection c) throws SQLException {
        if (c.getAutoCommit()) {
            throw new IllegalStateException("audit entries are written in the caller's transaction: turn"
                    + " auto-commit off, append, release, then commit");
        }
    }

    /** PostgreSQL keeps microseconds; the stored time is in the leaf, so the event must carry exactly that. */
    static AuditEvent withMicros(AuditEvent e) {
        Instant t = e.time().truncatedTo(ChronoUnit.MICROS);
        return t.equals(e.time()) ? e : new AuditEvent(e.requestId(), t, e.actor(), e.agency(), e.roles(),
                e.purpose(), e.caseRef(), e.action(), e.subject(), e.dataItem(), e.fields(), e.reasonCodes(),
                e.agreement());
    }

    static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
