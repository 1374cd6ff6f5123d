package org.threadline.domain.indicators;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.threadline.domain.chronology.EventRole;

/**
 * A named clause of a rulebook: "events of these types, of these people, in these roles, with these facts, in this
 * window, at least this many" (or a rate over them, or a relationship between the subject's parents). Indicators
 * are built from signals; the evidence of a flag names the signal each event satisfied.
 *
 * @param overlapping whether an episode (an event with an end) counts when any part of it falls in the window,
 *                    rather than only when it starts there
 */
public record Signal(String id, String description, List<Who> who, Set<String> types, Set<EventRole> roles,
                     List<FactTest> facts, Window window, Amount atLeast, Optional<Ratio> ratio,
                     Optional<RelationshipTest> relationship, boolean overlapping) {
    public Signal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        who = List.copyOf(who);
        types = Set.copyOf(types);
        roles = Set.copyOf(roles);
        facts = List.copyOf(facts);
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(atLeast, "atLeast");
        Objects.requireNonNull(ratio, "ratio");
        Objects.requireNonNull(relationship, "relationship");
    }
}
