package org.threadline.synth.names;

import java.util.random.RandomGenerator;

/**
 * Which name list a draw uses: the primary list, or with probability {@code secondaryShare} the secondary one. Mixed
 * heritages blend two lists; every other heritage uses its own with a share of zero.
 */
record NameSource(Heritage primary, Heritage secondary, double secondaryShare) {

    static NameSource of(Heritage only) {
        return new NameSource(only, only, 0.0);
    }

    Heritage pick(RandomGenerator r) {
        return secondaryShare > 0 && r.nextDouble() < secondaryShare ? secondary : primary;
    }
}
