package org.threadline.synth.population;

import java.util.List;

/**
 * Something that happened to one or more people of a lineage.
 *
 * @param kind    what happened
 * @param day     when (epoch day)
 * @param endDay  when it ended, for events with a duration, else {@code day}
 * @param address the address number where it happened or where the subject lived
 * @param people  who was involved and in which role; the first is the event's subject
 * @param code    a kind-specific code (see {@link EventKind})
 * @param value   a kind-specific measure (an absence rate, a risk score)
 */
public record LifeEvent(EventKind kind, int day, int endDay, long address, List<Involvement> people, int code,
                        double value) {
    public LifeEvent {
        people = List.copyOf(people);
    }

    public int subject() {
        return people.get(0).person();
    }
}
