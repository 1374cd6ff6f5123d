package org.threadline.domain.governance.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * An append-only Merkle tree (RFC 9162 §2.1) held in memory: every perfect subtree's hash is kept by level, so the
 * root of any earlier size, an inclusion proof or a consistency proof costs O(log² n) hashes rather than a pass over
 * the leaves. The verifier replays a stored log into one of these; tests use it as the model of the stored tree.
 */
public final class MerkleLog {
    /** levels.get(k).get(i) = hash of the perfect subtree (k, i). */
    private final List<HashColumn> levels = new ArrayList<>();

    public MerkleLog() {
        levels.add(new HashColumn());
    }

    /** Number of leaves. */
    public long size() {
        return levels.get(0).size();
    }

    /** Appends a leaf hash (already {@code H(0x00 || leaf)}) and completes every subtree it closes. */
    public void append(byte[] leafHash) {
        if (leafHash.length != Sha256.LENGTH) {
            throw new IllegalArgumentException("a leaf hash is 32 bytes");
        }
        levels.get(0).add(leafHash);
        long position = size() - 1;
        byte[] node = leafHash;
        int level = 0;
        while ((position & 1) == 1) {
            byte[] left = levels.get(level).get(position - 1);
            node = MerkleHashes.node(left, node);
            position >>= 1;
            level++;
            if (levels.size() == level) {
                levels.add(new HashColumn());
            }
            levels.get(level).add(node);
        }
    }

    /** The leaf hash at {@code index}. */
    public byte[] leaf(long index) {
        return levels.get(0).get(index);
    }

    /** MTH of the first {@code treeSize} leaves (the empty tree's root for 0). */
    public byte[] root(long treeSize) {
        checkSize(treeSize);
        return treeSize == 0 ? MerkleHashes.emptyRoot() : hash(0, treeSize);
    }

    /** RFC 9162 §2.1.3.1 PATH(m, D[n]): the inclusion proof of leaf {@code index} in the tree of {@code treeSize}. */
    public List<byte[]> inclusionProof(long index, long treeSize) {
        checkSize(treeSize);
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + treeSize);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, treeSize, proof);
        return proof;
    }

    /** RFC 9162 §2.1.4.1 PROOF(m, D[n]) for {@code 0 < first <= second}; empty when they are equal. */
    public List<byte[]> consistencyProof(long first, long second) {
        checkSize(second);
        if (first <= 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from size " + first + " to " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first < second) {
            subproof(first, 0, second, true, proof);
        }
        return proof;
    }

    private void path(long m, long lo, long hi, List<byte[]> proof) {
        long n = hi - lo;
        if (n == 1) {
            return;
        }
        long k = MerkleHashes.split(n);
        if (m < k) {
            path(m, lo, lo + k, proof);
            proof.add(hash(lo + k, hi));
        } else {
            path(m - k, lo + k, hi, proof);
            proof.add(hash(lo, lo + k));
        }
    }

    private void subproof(long m, long lo, long hi, boolean whole, List<byte[]> proof) {
        long n = hi - lo;
        if (m == n) {
            if (!whole) {
                proof.add(hash(lo, hi));
            }
            return;
        }
        long k = MerkleHashes.split(n);
        if (m <= k) {
            subproof(m, lo, lo + k, whole, proof);
            proof.add(hash(lo + k, hi));
        } else {
            subproof(m - k, lo + k, hi, false, proof);
            proof.add(hash(lo, lo + k));
        }
    }

    /**
     * MTH(D[lo:hi]). In RFC 9162's recursion {@code lo} is always a multiple of the largest power of two below the
     * range's size, so a perfect range is a stored subtree and an imperfect one splits into O(log n) stored ones.
     */
    private byte[] hash(long lo, long hi) {
        long n = hi - lo;
        if (Long.bitCount(n) == 1) {
            int level = Long.numberOfTrailingZeros(n);
            if (lo % n == 0) {
                return levels.get(level).get(lo >> level);
            }
        }
        long k = MerkleHashes.split(n);
        return MerkleHashes.node(hash(lo, lo + k), hash(lo + k, hi));
    }

    private void checkSize(long treeSize) {
        if (treeSize < 0 || treeSize > size()) {
            throw new IllegalArgumentException("the log has " + size() + " leaves, not " + treeSize);
        }
    }

    /**
     * The perfect subtrees, left to right, whose hashes make up the root of a tree of {@code treeSize} leaves (its
     * "compact range"): one per bit set in the size. A store that saves every completed subtree can compute any
     * root from these without reading the leaves.
     */
    public static List<NodeRef> frontier(long treeSize) {
        List<NodeRef> refs = new ArrayList<>();
        long start = 0;
        for (int level = 62; level >= 0; level--) {
            if ((treeSize & (1L << level)) != 0) {
                refs.add(new NodeRef(level, start >> level));
                start += 1L << level;
            }
        }
        return refs;
    }

    /** The root from the hashes of {@link #frontier(long)}, in the same order: folded from the right. */
    public static byte[] rootFromFrontier(List<byte[]> hashes) {
        if (hashes.isEmpty()) {
            return MerkleHashes.emptyRoot();
        }
        byte[] root = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = MerkleHashes.node(hashes.get(i), root);
        }
        return root;
    }
}
