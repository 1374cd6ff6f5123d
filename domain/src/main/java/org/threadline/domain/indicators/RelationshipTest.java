package org.threadline.domain.indicators;

import java.util.Objects;
import java.util.Set;
import org.threadline.domain.people.RelationshipType;

/**
 * A condition on the family's relationships rather than on events: a relationship of one of {@code types} between
 * two of the subject's parents (parental separation: the parents are ex-partners, or their partnership ended).
 * With {@code ended}, only a relationship with an end date inside the window counts.
 */
public record RelationshipTest(Set<RelationshipType> types, boolean ended) {
    public RelationshipTest {
        types = Set.copyOf(types);
        Objects.requireNonNull(types, "types");
    }
}
