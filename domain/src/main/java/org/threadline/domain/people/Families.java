package org.threadline.domain.people;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A family: the people connected to an anchor (usually a child) through family ties — parents, siblings,
 * partners and carers — across addresses and generations, up to a number of steps; plus the people in the anchor's
 * own household. Bounded so that a chain of partners across a city cannot make a "family" of hundreds.
 */
public final class Families {
    private final int maxSteps;
    private final int maxMembers;

    public Families(int maxSteps, int maxMembers) {
        this.maxSteps = maxSteps;
        this.maxMembers = maxMembers;
    }

    public static Families standard() {
        return new Families(2, 40);
    }

    /**
     * @param relationshipsOf every relationship involving any of the given people (one call per step, so a store
     *                        answers a whole family in a few queries)
     * @param personsOf       the summaries of the given people
     */
    public Family around(String anchor, Function<Collection<String>, List<Relationship>> relationshipsOf,
                         Function<Collection<String>, Map<String, PersonSummary>> personsOf) {
        Set<String> members = new LinkedHashSet<>();
        members.add(anchor);
        Set<String> frontier = new LinkedHashSet<>(members);
        Map<String, Relationship> ties = new java.util.TreeMap<>();
        for (int step = 0; step < maxSteps && !frontier.isEmpty() && members.size() < maxMembers; step++) {
            Set<String> next = new LinkedHashSet<>();
            List<Relationship> found = new ArrayList<>(relationshipsOf.apply(frontier));
            found.sort(java.util.Comparator.comparing(Relationship::fromPerson).thenComparing(Relationship::toPerson)
                    .thenComparing(Relationship::type));
            for (Relationship r : found) {
                for (String p : List.of(r.fromPerson(), r.toPerson())) {
                    if (!frontier.contains(p)) {
                        continue;
                    }
                    // The household of the anchor belongs to the family; other people's households do not.
                    if (r.type() == RelationshipType.HOUSEHOLD_MEMBER_WITH && step > 0) {
                        continue;
                    }
                    String other = r.other(p);
                    if (!members.contains(other) && members.size() < maxMembers) {
                        members.add(other);
                        next.add(other);
                    }
                }
            }
            frontier = next;
        }
        for (Relationship r : relationshipsOf.apply(members)) {
            if (members.contains(r.fromPerson()) && members.contains(r.toPerson())) {
                ties.put(r.fromPerson() + "|" + r.toPerson() + "|" + r.type(), r);
            }
        }
        Map<String, PersonSummary> known = personsOf.apply(members);
        List<PersonSummary> summaries = new ArrayList<>();
        for (String m : members) {
            summaries.add(known.getOrDefault(m, new PersonSummary(m, "", "", java.util.Optional.empty(),
                    Sex.UNKNOWN)));
        }
        return new Family(anchor, summaries, List.copyOf(ties.values()));
    }
}
