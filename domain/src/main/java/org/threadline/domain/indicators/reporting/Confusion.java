package org.threadline.domain.indicators.reporting;

import java.util.OptionalDouble;

/**
 * Counts for one indicator in one population. INSUFFICIENT_DATA is scored as a negative prediction (the indicator
 * did not flag the person) and also counted on its own, so a rule that cannot answer is not mistaken for one that
 * answered no.
 */
public record Confusion(long truePositives, long falsePositives, long falseNegatives, long trueNegatives,
                        long insufficient) {
    public long population() {
        return truePositives + falsePositives + falseNegatives + trueNegatives;
    }

    public long actualPositives() {
        return truePositives + falseNegatives;
    }

    public long predictedPositives() {
        return truePositives + falsePositives;
    }

    public OptionalDouble precision() {
        long d = predictedPositives();
        return d == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) truePositives / d);
    }

    public OptionalDouble recall() {
        long d = actualPositives();
        return d == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) truePositives / d);
    }

    Confusion plus(boolean predicted, boolean actual, boolean unknown) {
        return new Confusion(truePositives + (predicted && actual ? 1 : 0),
                falsePositives + (predicted && !actual ? 1 : 0), falseNegatives + (!predicted && actual ? 1 : 0),
                trueNegatives + (!predicted && !actual ? 1 : 0), insufficient + (unknown ? 1 : 0));
    }

    static final Confusion ZERO = new Confusion(0, 0, 0, 0, 0);
}
