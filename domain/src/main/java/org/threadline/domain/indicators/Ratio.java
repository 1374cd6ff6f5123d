package org.threadline.domain.indicators;

import java.util.List;
import java.util.Objects;

/**
 * A rate over groups of matched events: the events are grouped by a fact (an academic year), and a group meets the
 * condition when the sum of the numerator facts divided by the sum of the denominator fact is at least the threshold
 * (absence sessions over possible sessions ≥ 10%).
 */
public record Ratio(String groupBy, List<String> numerator, String denominator, Amount atLeast) {
    public Ratio {
        Objects.requireNonNull(groupBy, "groupBy");
        numerator = List.copyOf(numerator);
        Objects.requireNonNull(denominator, "denominator");
        Objects.requireNonNull(atLeast, "atLeast");
    }
}
