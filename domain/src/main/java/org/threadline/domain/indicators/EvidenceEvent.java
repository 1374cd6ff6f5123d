package org.threadline.domain.indicators;

import java.util.List;
import java.util.Objects;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.chronology.EventDate;
import org.threadline.domain.chronology.EventRole;
import org.threadline.domain.chronology.SourceRef;

/**
 * One event as a flag cites it: whose it is and how they relate to the subject, what and when, which agency, and
 * the source rows behind it.
 *
 * @param relation how the event's person relates to the subject ({@code SELF}, {@code PARENT},
 *                 {@code HOUSEHOLD_ADULT} …)
 */
public record EvidenceEvent(String eventId, String personId, Who relation, String type, EventDate date,
                            String agency, EventRole role, String summary, List<SourceRef> sources) {
    public EvidenceEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(summary, "summary");
        sources = List.copyOf(sources);
    }

    public static EvidenceEvent of(ChronologyEvent e, Who relation) {
        return new EvidenceEvent(e.eventId(), e.personId(), relation, e.type(), e.date(), e.agency(), e.role(),
                e.summary(), e.sources());
    }
}
