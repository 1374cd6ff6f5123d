package org.threadline.domain.indicators.alerts;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One step of an alert's history: the state it entered, when, by whom, and the decision if it recorded one. */
public record AlertStep(AlertState state, Instant at, Actor by, Optional<Decision> decision) {
    public AlertStep {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(decision, "decision");
    }
}
