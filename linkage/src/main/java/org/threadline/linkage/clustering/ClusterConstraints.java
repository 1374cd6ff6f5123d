package org.threadline.linkage.clustering;

import java.util.Arrays;

/**
 * Human decisions that override the model when clustering: pairs that must be in one cluster (a reviewer said
 * "link") and pairs that must never end up in one cluster, directly or through a chain (a reviewer said "not link").
 * Records are indices into the table being clustered.
 */
public record ClusterConstraints(int[] mustLinkLeft, int[] mustLinkRight, int[] cannotLinkLeft,
                                 int[] cannotLinkRight) {
    public static final ClusterConstraints NONE = new ClusterConstraints(new int[0], new int[0], new int[0],
            new int[0]);

    public ClusterConstraints {
        if (mustLinkLeft.length != mustLinkRight.length || cannotLinkLeft.length != cannotLinkRight.length) {
            throw new IllegalArgumentException("constraint arrays come in pairs of equal length");
        }
        mustLinkLeft = mustLinkLeft.clone();
        mustLinkRight = mustLinkRight.clone();
        cannotLinkLeft = cannotLinkLeft.clone();
        cannotLinkRight = cannotLinkRight.clone();
    }

    public boolean isEmpty() {
        return mustLinkLeft.length == 0 && cannotLinkLeft.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClusterConstraints c && Arrays.equals(mustLinkLeft, c.mustLinkLeft)
                && Arrays.equals(mustLinkRight, c.mustLinkRight) && Arrays.equals(cannotLinkLeft, c.cannotLinkLeft)
                && Arrays.equals(cannotLinkRight, c.cannotLinkRight);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mustLinkLeft) ^ Arrays.hashCode(cannotLinkRight);
    }

    @Override
    public String toString() {
        return "ClusterConstraints[" + mustLinkLeft.length + " must-link, " + cannotLinkLeft.length
                + " cannot-link]";
    }
}
