package org.threadline.linkage.scoring;

import java.util.OptionalDouble;

/**
 * One comparison's part in a pair's match weight: one bar of the waterfall.
 *
 * @param comparison       comparison index
 * @param comparisonName   caller's name for it
 * @param level            level index (0 = null)
 * @param levelLabel       caller's label for the level
 * @param m                P(level | match); empty for the null level, which has none
 * @param u                P(level | non-match); empty for the null level
 * @param termFrequency    the tf that replaced u, when the level was term-frequency adjusted
 * @param bayesFactor      {@code m/u}, or {@code m/tf} when adjusted, or 1 for the null level
 * @param log2Contribution {@code log2(bayesFactor)}: what this comparison adds to the match weight
 */
public record ComparisonContribution(int comparison, String comparisonName, int level, String levelLabel,
        OptionalDouble m, OptionalDouble u, OptionalDouble termFrequency, double bayesFactor,
        double log2Contribution) {

    public boolean isNullLevel() {
        return level == 0;
    }

    public boolean tfAdjusted() {
        return termFrequency.isPresent();
    }
}
