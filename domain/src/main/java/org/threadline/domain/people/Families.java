package org.threadline.domain.people;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
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
     * @param relationshipsOf every relationship involving a person
     * @param personOf        the summary of a person
     */
    public Family around(String anchor, Function<String, List<Relationship>> relationshipsOf,
                         Function<String, PersonSummary> personOf) {
        Set<String> members = new LinkedHashSet<>();
        Map<String, Integer> steps = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        members.add(anchor);
        steps.put(anchor, 0);
        queue.add(anchor);
        Map<String, Relationship> ties = new java.util.TreeMap<>();
        while (!queue.isEmpty() && members.size() < maxMembers) {
            String p = queue.poll();
            int step = steps.get(p);
            for (Relationship r : relationshipsOf.apply(p)) {
                boolean household = r.type() == RelationshipType.HOUSEHOLD_MEMBER_WITH;
                if (household && step > 0 || step >= maxSteps) {
                    continue;
                }
                String other = r.other(p);
                if (!members.contains(other) && members.size() < maxMembers) {
                    members.add(other);
                    steps.put(other, step + 1);
                    queue.add(other);
                }
            }
        }
        for (String m : members) {
            for (Relationship r : relationshipsOf.apply(m)) {
                if (members.contains(r.other(m))) {
                    ties.put(r.fromPerson() + "|" + r.toPerson() + "|" + r.type(), r);
                }
            }
        }
        List<PersonSummary> summaries = new ArrayList<>();
        for (String m : members) {
            summaries.add(personOf.apply(m));
        }
        return new Family(anchor, summaries, List.copyOf(ties.values()));
    }
}
