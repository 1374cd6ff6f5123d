package org.threadline.domain.indicators;

import java.util.List;
import java.util.Objects;
import org.threadline.domain.chronology.SourceRef;

/**
 * What satisfied one clause of a rule: the signal, a sentence saying what held ("3 MISSING_EPISODE events of the
 * subject between 2025-03-02 and 2026-03-01; at least 3 needed"), and the events, or for a relationship clause the
 * source rows of the relationship.
 */
public record Evidence(String signal, String statement, List<EvidenceEvent> events,
                       List<SourceRef> relationshipSources) {
    public Evidence {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(statement, "statement");
        events = List.copyOf(events);
        relationshipSources = List.copyOf(relationshipSources);
        if (events.isEmpty() && relationshipSources.isEmpty()) {
            throw new IllegalArgumentException("evidence must point at an event or a relationship: " + signal);
        }
    }
}
