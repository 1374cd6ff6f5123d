package org.threadline.domain.indicators.reporting;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.threadline.domain.indicators.Status;

/**
 * One person for the accuracy measure: their subgroup attributes ({@code ethnicity}, {@code sex},
 * {@code deprivation}), the status each indicator evaluated for them gave, and the indicators that are truly
 * present for them (from the synthetic population's ground truth).
 */
public record Labelled(String personId, Map<String, String> attributes, Map<String, Status> predicted,
                       Set<String> truth) {
    public Labelled {
        Objects.requireNonNull(personId, "personId");
        attributes = Map.copyOf(attributes);
        predicted = Map.copyOf(predicted);
        truth = Set.copyOf(truth);
    }
}
