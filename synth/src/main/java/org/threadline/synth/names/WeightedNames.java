package org.threadline.synth.names;

import java.util.List;
import java.util.random.RandomGenerator;

/** A list of names with an alias table over their weights: an O(1) weighted draw. Immutable. */
final class WeightedNames {

    private final String[] names;
    private final AliasTable table;

    WeightedNames(List<String> names, double[] weights) {
        if (names.size() != weights.length) {
            throw new IllegalArgumentException("one weight per name");
        }
        this.names = names.toArray(String[]::new);
        this.table = new AliasTable(weights);
    }

    String sample(RandomGenerator r) {
        return names[table.sample(r)];
    }

    int size() {
        return names.length;
    }
}
