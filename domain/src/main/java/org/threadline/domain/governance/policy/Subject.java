package org.threadline.domain.governance.policy;

import java.util.Optional;
import java.util.Set;
import org.threadline.domain.chronology.EventRole;
import org.threadline.domain.governance.agreements.LevelOfNeed;

/**
 * About whom: the person's id, the markers on their record ({@code SEALED_ADOPTION_RECORD}, {@code RESTRICTED}),
 * their role on the event the data item describes, and their level of need. An absent role or level is unknown,
 * and unknown narrows what is released (see {@link org.threadline.domain.governance.agreements.Narrowing}).
 */
public record Subject(String subjectId, Set<String> markers, Optional<EventRole> roleOnEvent,
                      Optional<LevelOfNeed> levelOfNeed) {
    public Subject {
        markers = markers == null ? null : Set.copyOf(markers);
    }

    public static Subject of(String subjectId) {
        return new Subject(subjectId, Set.of(), Optional.empty(), Optional.empty());
    }
}
