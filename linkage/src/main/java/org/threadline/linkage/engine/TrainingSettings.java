package org.threadline.linkage.engine;

/**
 * How to train.
 *
 * @param seed        the random seed for u sampling (training is reproducible)
 * @param uPairs      how many random record pairs to sample for u (Splink's default is 1,000,000)
 * @param priorRecall the share of true matches the deterministic rule is assumed to find, for the prior
 * @param trainedAt   the ISO date-time recorded in the model (supplied by the caller: never the clock here)
 */
public record TrainingSettings(long seed, int uPairs, double priorRecall, String trainedAt) {
    public TrainingSettings {
        if (uPairs < 1) {
            throw new IllegalArgumentException("uPairs must be positive");
        }
        if (!(priorRecall > 0 && priorRecall <= 1)) {
            throw new IllegalArgumentException("priorRecall must be in (0, 1]");
        }
    }

    public static TrainingSettings defaults(String trainedAt) {
        return new TrainingSettings(42, 1_000_000, 0.6, trainedAt);
    }
}
