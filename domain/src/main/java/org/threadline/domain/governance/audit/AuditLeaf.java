package org.threadline.domain.governance.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * What the Merkle tree holds for one entry: its position, time, action, end of retention and the payload
 * commitment. Everything here survives redaction, so the proofs stay valid once the payload is gone; the position is
 * inside the leaf so that moving an entry (a swap, an insertion) changes its hash even before any root is compared.
 *
 * @param sequence the entry's position in the log, counting from 0 with no gaps
 * @param time the event's time
 * @param action what happened (kept so that redacted entries still say what kind of event they were)
 * @param retainUntil when the payload may be removed
 * @param payloadHash the {@link PayloadCommitment} of the event
 */
public record AuditLeaf(long sequence, Instant time, AuditAction action, Instant retainUntil, byte[] payloadHash) {
    public AuditLeaf {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0: " + sequence);
        }
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(retainUntil, "retainUntil");
        if (payloadHash.length != Sha256.LENGTH) {
            throw new IllegalArgumentException("a payload hash is 32 bytes");
        }
        payloadHash = payloadHash.clone();
    }

    @Override
    public byte[] payloadHash() {
        return payloadHash.clone();
    }

    /** The canonical leaf bytes (RFC 9162's "leaf input"). */
    public byte[] canonical() {
        return new CanonicalWriter("threadline-audit-leaf/v1").int64(sequence).instant(time).text(action.name())
                .instant(retainUntil).hash(payloadHash).bytes();
    }

    /** {@code SHA-256(0x00 || canonical())}: the leaf's hash in the tree. */
    public byte[] hash() {
        return MerkleHashes.leaf(canonical());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditLeaf l && sequence == l.sequence && time.equals(l.time) && action == l.action
                && retainUntil.equals(l.retainUntil) && java.util.Arrays.equals(payloadHash, l.payloadHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, time, action, retainUntil, java.util.Arrays.hashCode(payloadHash));
    }

    @Override
    public String toString() {
        return "AuditLeaf[" + sequence + ", " + time + ", " + action + ", retain until " + retainUntil + "]";
    }
}
