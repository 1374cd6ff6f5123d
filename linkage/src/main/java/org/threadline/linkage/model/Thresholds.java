package org.threadline.linkage.model;

/**
 * Decision thresholds, in match weight (log2 of the posterior odds that a pair is a match: the sum of the comparisons'
 * log2 Bayes factors plus log2 of the prior odds). They must satisfy {@code fracture <= reviewLow <= join}.
 *
 * @param join      a pair at or above this weight is linked automatically
 * @param reviewLow a pair at or above this weight but below {@code join} goes to human review; below it, not linked
 * @param fracture  a cluster containing a pair of records scoring below this weight needs attention
 */
public record Thresholds(double join, double reviewLow, double fracture) {}
