package org.threadline.linkage.model;

/**
 * Decision thresholds, in match weight (log2 of the posterior odds that a pair is a match: the sum of the comparisons'
 * log2 Bayes factors plus log2 of the prior odds). They must satisfy {@code fracture <= reviewLow <= join}.
 *
 * @param join      a pair at or above this weight is linked automatically
 * @param reviewLow a pair at or above this weight but below {@code join} goes to human review; below it, not linked
 * @param fracture  a cluster containing a pair of records scoring below this weight needs attention
 * @param joinRule  whether training keeps {@code join} or derives it from the trained model
 */
public record Thresholds(double join, double reviewLow, double fracture, JoinRule joinRule) {

    /** Thresholds that training leaves alone. */
    public Thresholds(double join, double reviewLow, double fracture) {
        this(join, reviewLow, fracture, JoinRule.FIXED);
    }

    public Thresholds {
        joinRule = joinRule == null ? JoinRule.FIXED : joinRule;
    }

    /**
     * The thresholds with {@code join} moved to {@code newJoin} under {@link JoinRule#EXPECTED_F1}: {@code reviewLow}
     * moves with it (the review band keeps its width) and {@code fracture} is lowered only if it would exceed the
     * moved {@code reviewLow}.
     */
    public Thresholds withJoinAt(double newJoin) {
        double low = newJoin - (join - reviewLow);
        return new Thresholds(newJoin, low, Math.min(fracture, low), joinRule);
    }
}
