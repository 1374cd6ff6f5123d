package org.threadline.linkage.model;

import java.util.List;

/**
 * How a trained model's parameters were obtained. Informational: scoring does not read it.
 *
 * @param trainedAt ISO-8601 instant supplied by the caller (e.g. {@code 2026-03-01T09:30:00Z}); never read from a clock
 *                  here, so that training the same data twice gives the same document
 * @param records   records in the training data
 * @param pairs     record pairs sampled or blocked for training
 * @param passes    the EM passes, in the order they ran
 */
public record TrainingMetadata(String trainedAt, long records, long pairs, List<TrainingPass> passes) {

    public TrainingMetadata {
        passes = passes == null ? List.of() : List.copyOf(passes);
    }
}
