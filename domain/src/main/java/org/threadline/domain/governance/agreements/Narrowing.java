package org.threadline.domain.governance.agreements;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.threadline.domain.chronology.EventRole;

/**
 * Fields of a data item withheld from every recipient when the subject had one of the given roles on the event
 * (a witness's phone number) or is at one of the given levels of need (offence detail at universal level). When a
 * rule depends on the subject's role or level and the request does not say what it is, the rule applies: unknown
 * narrows, it never widens.
 */
public record Narrowing(Set<EventRole> subjectRoles, Set<LevelOfNeed> levelsOfNeed, List<String> withhold,
                        String reason) {
    public Narrowing {
        subjectRoles = Set.copyOf(subjectRoles);
        levelsOfNeed = Set.copyOf(levelsOfNeed);
        withhold = List.copyOf(withhold);
        Objects.requireNonNull(reason, "reason");
    }
}
