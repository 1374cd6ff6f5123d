package org.threadline.domain.people;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.threadline.domain.chronology.SourceRef;

/**
 * A typed tie between two resolved people.
 *
 * @param basis    asserted by a source, or inferred by a rule
 * @param rule     for an inferred relationship the rule's name ({@code co-resident-adult-and-child}); for an
 *                 asserted one the source field that said it
 * @param from     the first day the tie is evidenced, if known
 * @param to       the last day, if it is known to have ended
 * @param evidence the source rows that assert it or that the rule used
 */
public record Relationship(String fromPerson, String toPerson, RelationshipType type, Basis basis, String rule,
                           Optional<LocalDate> from, Optional<LocalDate> to, List<SourceRef> evidence) {
    public Relationship {
        Objects.requireNonNull(fromPerson, "fromPerson");
        Objects.requireNonNull(toPerson, "toPerson");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        evidence = List.copyOf(evidence);
        if (fromPerson.equals(toPerson)) {
            throw new IllegalArgumentException("a person cannot be related to themselves: " + fromPerson);
        }
        if (type.symmetric() && fromPerson.compareTo(toPerson) > 0) {
            throw new IllegalArgumentException(type + " is symmetric: store it with the smaller id first");
        }
        if (evidence.isEmpty()) {
            throw new IllegalArgumentException("a relationship without evidence cannot be shown");
        }
    }

    /** Whether the tie involves this person, either way round. */
    public boolean involves(String personId) {
        return fromPerson.equals(personId) || toPerson.equals(personId);
    }

    /** The other person in the tie. */
    public String other(String personId) {
        return fromPerson.equals(personId) ? toPerson : fromPerson;
    }
}
