package org.threadline.domain.people;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The connected group of related people around one person (usually a child), across addresses and generations:
 * the members and every relationship among them. Households are co-residence, so they are relationships of type
 * {@link RelationshipType#HOUSEHOLD_MEMBER_WITH} here, with their period.
 */
public record Family(String anchorPersonId, List<PersonSummary> members, List<Relationship> relationships) {
    public Family {
        Objects.requireNonNull(anchorPersonId, "anchorPersonId");
        members = List.copyOf(members);
        relationships = List.copyOf(relationships);
        if (members.stream().noneMatch(m -> m.personId().equals(anchorPersonId))) {
            throw new IllegalArgumentException("the family's anchor " + anchorPersonId + " is not a member");
        }
    }

    public Optional<PersonSummary> member(String personId) {
        return members.stream().filter(m -> m.personId().equals(personId)).findFirst();
    }

    /** The relationships of one member, either way round. */
    public List<Relationship> relationshipsOf(String personId) {
        return relationships.stream().filter(r -> r.involves(personId)).toList();
    }
}
