package org.threadline.domain.governance.agreements;

import java.time.Period;
import java.util.Objects;

/**
 * How long a recipient keeps a data item: {@code duration} after {@code from} (e.g. {@code caseClosure}), then
 * {@code then} ({@code delete} or {@code review}).
 */
public record Retention(Period duration, String from, String then) {
    public Retention {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(then, "then");
    }
}
