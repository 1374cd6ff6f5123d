package org.threadline.domain.chronology;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One fact on a person's timeline.
 *
 * @param eventId        stable within a build: derived from the sources, so a rebuild gives the same ids
 * @param personId       the resolved person the event is attached to
 * @param date           when, with its precision
 * @param end            when an episode ended, if it is an episode that has ended (a care placement, a treatment)
 * @param agency         the agency that recorded it
 * @param type           a code from the event vocabulary ({@code config/chronology/events.yaml}), such as
 *                       {@code DOMESTIC_ABUSE_INCIDENT}
 * @param role           the person's part in it
 * @param summary        a short factual sentence built from the source fields: facts, not opinions
 * @param significant    whether the vocabulary marks this type as significant (filterable)
 * @param facts          the structured facts rules read ({@code dash_risk=HIGH}, {@code offence=...}); never free text
 * @param sources        the source rows; more than one when agencies reported the same thing
 * @param linkConfidence the probability with which the source record was attached to this person (1 for a record
 *                       that is the person's only one or was joined by a human decision)
 */
public record ChronologyEvent(String eventId, String personId, EventDate date, Optional<EventDate> end, String agency,
                              String type, EventRole role, String summary, boolean significant,
                              Map<String, String> facts, List<SourceRef> sources, double linkConfidence) {
    public ChronologyEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(summary, "summary");
        facts = Map.copyOf(facts);
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("an event without a source cannot be shown: " + eventId);
        }
        if (!(linkConfidence >= 0 && linkConfidence <= 1)) {
            throw new IllegalArgumentException("link confidence must be a probability: " + linkConfidence);
        }
    }

    public String fact(String name) {
        return facts.getOrDefault(name, "");
    }

}
