package org.threadline.linkage.model;

import java.util.List;

/**
 * Which pairs of records are scored. Two records are candidates under a rule when every key gives equal, non-null,
 * non-blank values for both. A model's rules are unioned: a pair that several rules produce is scored once.
 *
 * @param name  a label unique within the model (it names the rule in explanations and statistics)
 * @param keys  the keys, all of which must agree; at least one
 * @param train whether training runs an EM pass on this rule's pairs (default true). Set it false for a rule whose
 *              pairs are mostly different people of one household (e.g. surname and postcode): EM would learn
 *              family resemblance as evidence of identity. The rule still finds candidates for scoring.
 */
public record BlockingRule(String name, List<BlockingKey> keys, boolean train) {

    public BlockingRule {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    /** A rule that is also used for training. */
    public BlockingRule(String name, List<BlockingKey> keys) {
        this(name, keys, true);
    }

    /** This rule, used (or not) for training. */
    public BlockingRule withTraining(boolean newTrain) {
        return new BlockingRule(name, keys, newTrain);
    }

    public static BlockingRule of(String name, BlockingKey... keys) {
        return new BlockingRule(name, List.of(keys));
    }
}
