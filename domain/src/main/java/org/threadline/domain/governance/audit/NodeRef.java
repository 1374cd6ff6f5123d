package org.threadline.domain.governance.audit;

/**
 * A perfect subtree of the log: level 0 is a leaf, level k covers the 2^k leaves from {@code position * 2^k}.
 * Stores key their saved interior hashes by it.
 */
public record NodeRef(int level, long position) {
    public NodeRef {
        if (level < 0 || level > 62 || position < 0) {
            throw new IllegalArgumentException("no such node: level " + level + ", position " + position);
        }
    }

    /** The first leaf this subtree covers. */
    public long firstLeaf() {
        return position << level;
    }
}
