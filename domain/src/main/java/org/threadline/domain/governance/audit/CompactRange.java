package org.threadline.domain.governance.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a Merkle log: the hashes of the perfect subtrees that make up a tree of {@code size} leaves
 * ({@link MerkleLog#frontier}), at most one per bit of the size. Enough to append leaves, to say which subtrees each
 * append completes, and to give the root, without the rest of the tree: what an appender keeps while it writes a
 * batch.
 */
public final class CompactRange {
    private long size;
    private final List<byte[]> hashes;

    private CompactRange(long size, List<byte[]> hashes) {
        this.size = size;
        this.hashes = hashes;
    }

    /** The range of a tree of {@code size} leaves, from the hashes of {@code MerkleLog.frontier(size)} in order. */
    public static CompactRange of(long size, List<byte[]> frontierHashes) {
        if (frontierHashes.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("a tree of " + size + " leaves has " + Long.bitCount(size)
                    + " frontier subtrees, not " + frontierHashes.size());
        }
        return new CompactRange(size, new ArrayList<>(frontierHashes));
    }

    /** A subtree an append completed. */
    public record Completed(NodeRef node, byte[] hash) {
    }

    /** Appends a leaf hash; returns the subtrees above the leaves that it completed, lowest first. */
    public List<Completed> append(byte[] leafHash) {
        List<Completed> made = new ArrayList<>();
        long position = size;
        byte[] node = leafHash;
        int level = 0;
        while ((position & 1) == 1) {
            node = MerkleHashes.node(hashes.remove(hashes.size() - 1), node);
            position >>= 1;
            level++;
            made.add(new Completed(new NodeRef(level, position), node));
        }
        hashes.add(node);
        size++;
        return made;
    }

    public long size() {
        return size;
    }

    /** The root of the tree so far. */
    public byte[] root() {
        return MerkleLog.rootFromFrontier(hashes);
    }
}
