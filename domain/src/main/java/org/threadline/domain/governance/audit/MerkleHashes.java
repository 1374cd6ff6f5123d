package org.threadline.domain.governance.audit;

import java.security.MessageDigest;

/**
 * RFC 9162 §2.1.1 hashing with SHA-256: a leaf is {@code H(0x00 || leaf)} and an interior node
 * {@code H(0x01 || left || right)}. The different prefixes stop a leaf from posing as a node (second pre-image).
 */
public final class MerkleHashes {
    /** The root of the empty tree: {@code SHA-256("")}. */
    private static final byte[] EMPTY = Sha256.of();

    private MerkleHashes() {
    }

    public static byte[] leaf(byte[] leafInput) {
        MessageDigest d = Sha256.digest();
        d.update((byte) 0x00);
        d.update(leafInput);
        return d.digest();
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest d = Sha256.digest();
        d.update((byte) 0x01);
        d.update(left);
        d.update(right);
        return d.digest();
    }

    public static byte[] emptyRoot() {
        return EMPTY.clone();
    }

    /** The largest power of two strictly smaller than {@code n} (RFC 9162's k), for n > 1. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }
}
