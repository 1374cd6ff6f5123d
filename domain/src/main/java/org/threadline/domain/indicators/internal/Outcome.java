package org.threadline.domain.indicators.internal;

import java.util.List;
import org.threadline.domain.indicators.Evidence;
import org.threadline.domain.indicators.Status;

/** A clause's or a condition's three-valued answer, its reason, and (when met) its evidence. */
public record Outcome(Status status, String reason, List<Evidence> evidence) {
    public Outcome {
        evidence = List.copyOf(evidence);
    }

    static Outcome met(String reason, List<Evidence> evidence) {
        return new Outcome(Status.MET, reason, evidence);
    }

    static Outcome notMet(String reason) {
        return new Outcome(Status.NOT_MET, reason, List.of());
    }

    static Outcome insufficient(String reason) {
        return new Outcome(Status.INSUFFICIENT_DATA, reason, List.of());
    }
}
