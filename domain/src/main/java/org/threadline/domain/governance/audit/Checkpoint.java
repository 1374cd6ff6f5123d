package org.threadline.domain.governance.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A signed statement of the log's state: "the first {@code treeSize} entries have this root, as of this time",
 * signed by the key {@code keyId} names. Once a checkpoint is held outside the database (a witness, the verifier's
 * own memory), no entry it covers can change without the change showing.
 *
 * @param treeSize number of entries covered
 * @param rootHash the Merkle root of those entries
 * @param time when it was signed
 * @param keyId which signing key ({@link CheckpointKeys#keyId})
 * @param signature Ed25519 over {@link #signedText()}
 */
public record Checkpoint(long treeSize, byte[] rootHash, Instant time, String keyId, byte[] signature) {
    public Checkpoint {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size must be >= 0");
        }
        if (rootHash.length != Sha256.LENGTH) {
            throw new IllegalArgumentException("a root hash is 32 bytes");
        }
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(keyId, "keyId");
        rootHash = rootHash.clone();
        signature = signature.clone();
    }

    /**
     * The text that is signed, one item a line in the manner of a C2SP signed note: origin, size, base64 root, time.
     */
    public static byte[] signedText(long treeSize, byte[] rootHash, Instant time) {
        return ("threadline-audit-checkpoint/v1\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash)
                + "\n" + time + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public byte[] signedText() {
        return signedText(treeSize, rootHash, time);
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c && treeSize == c.treeSize && Arrays.equals(rootHash, c.rootHash)
                && time.equals(c.time) && keyId.equals(c.keyId) && Arrays.equals(signature, c.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(treeSize, Arrays.hashCode(rootHash), time, keyId);
    }

    @Override
    public String toString() {
        return "checkpoint of " + treeSize + " entries signed " + time + " by key " + keyId;
    }
}
