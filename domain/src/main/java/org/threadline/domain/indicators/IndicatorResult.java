package org.threadline.domain.indicators;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One indicator's answer for one subject. A MET result always has evidence (the constructor refuses one without);
 * every result has a plain-English reason.
 */
public record IndicatorResult(String indicatorId, Status status, String reason, List<Evidence> evidence) {
    public IndicatorResult {
        Objects.requireNonNull(indicatorId, "indicatorId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        evidence = List.copyOf(evidence);
        if (status == Status.MET && evidence.isEmpty()) {
            throw new IllegalArgumentException("no indicator without evidence: " + indicatorId);
        }
        if (status != Status.MET && !evidence.isEmpty()) {
            throw new IllegalArgumentException("only a met indicator carries evidence: " + indicatorId);
        }
    }

    /** The ids of every event cited, in order of first citation. */
    public Set<String> eventIds() {
        Set<String> ids = new LinkedHashSet<>();
        evidence.forEach(e -> e.events().forEach(ev -> ids.add(ev.eventId())));
        return ids;
    }
}
