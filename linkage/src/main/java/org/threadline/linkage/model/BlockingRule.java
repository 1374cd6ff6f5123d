package org.threadline.linkage.model;

import java.util.List;

/**
 * Which pairs of records are scored. Two records are candidates under a rule when every key gives equal, non-null,
 * non-blank values for both. A model's rules are unioned: a pair that several rules produce is scored once.
 *
 * @param name a label unique within the model (it names the rule in explanations and statistics)
 * @param keys the keys, all of which must agree; at least one
 */
public record BlockingRule(String name, List<BlockingKey> keys) {

    public BlockingRule {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    public static BlockingRule of(String name, BlockingKey... keys) {
        return new BlockingRule(name, List.of(keys));
    }
}
