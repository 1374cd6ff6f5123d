package org.threadline.domain.indicators.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threadline.domain.indicators.Who;
import org.threadline.domain.people.Family;
import org.threadline.domain.people.PersonSummary;
import org.threadline.domain.people.Relationship;
import org.threadline.domain.people.RelationshipType;

/**
 * The family as seen from one subject: for each member, their ties to the subject (with the tie's period), read
 * once from {@code Family.relationships} per evaluation.
 */
public final class FamilyView {
    /** One way a person relates to the subject, valid between {@code from} and {@code to} where those are known. */
    public record Tie(Who who, Optional<LocalDate> from, Optional<LocalDate> to) {
    }

    private final PersonSummary subject;
    private final Family family;
    private final Map<String, PersonSummary> members = new HashMap<>();
    private final Map<String, List<Tie>> ties = new HashMap<>();

    public FamilyView(PersonSummary subject, Family family) {
        this.subject = subject;
        this.family = family;
        for (PersonSummary m : family.members()) {
            members.put(m.personId(), m);
            add(m.personId(), new Tie(Who.FAMILY_MEMBER, Optional.empty(), Optional.empty()));
        }
        members.putIfAbsent(subject.personId(), subject);
        String me = subject.personId();
        add(me, new Tie(Who.SELF, Optional.empty(), Optional.empty()));
        if (ties.get(me).stream().noneMatch(t -> t.who() == Who.FAMILY_MEMBER)) {
            add(me, new Tie(Who.FAMILY_MEMBER, Optional.empty(), Optional.empty()));
        }
        for (Relationship r : family.relationships()) {
            if (!r.involves(me)) {
                continue;
            }
            String other = r.other(me);
            RelationshipType t = r.type();
            if ((t == RelationshipType.PARENT_OF || t == RelationshipType.CARER_OF) && r.toPerson().equals(me)) {
                add(other, new Tie(Who.PARENT, Optional.empty(), Optional.empty()));
            } else if (t == RelationshipType.HOUSEHOLD_MEMBER_WITH) {
                add(other, new Tie(Who.HOUSEHOLD_MEMBER, r.from(), r.to()));
                add(other, new Tie(Who.HOUSEHOLD_ADULT, r.from(), r.to()));
            } else if (t == RelationshipType.PARTNER_OF || t == RelationshipType.EX_PARTNER_OF) {
                add(other, new Tie(Who.PARTNER, Optional.empty(), Optional.empty()));
            }
        }
    }

    private void add(String person, Tie tie) {
        ties.computeIfAbsent(person, p -> new ArrayList<>()).add(tie);
    }

    public PersonSummary subject() {
        return subject;
    }

    public Family family() {
        return family;
    }

    public Map<String, List<Tie>> ties() {
        return ties;
    }

    public Optional<PersonSummary> member(String personId) {
        return Optional.ofNullable(members.get(personId));
    }

    /** Whether anyone (other than the subject) has one of these relations to the subject. */
    public boolean anyoneAs(List<Who> relations) {
        for (Map.Entry<String, List<Tie>> e : ties.entrySet()) {
            for (Tie t : e.getValue()) {
                if (relations.contains(t.who()) && (t.who() == Who.SELF || !e.getKey().equals(subject.personId()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The members recorded as the subject's parents or carers. */
    public List<String> parents() {
        List<String> out = new ArrayList<>();
        ties.forEach((p, ts) -> {
            if (ts.stream().anyMatch(t -> t.who() == Who.PARENT)) {
                out.add(p);
            }
        });
        out.sort(null);
        return out;
    }
}
