package org.threadline.app.indicators;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.threadline.domain.people.Families;
import org.threadline.domain.people.Family;
import org.threadline.domain.people.PersonSummary;
import org.threadline.domain.people.Relationship;
import org.threadline.store.people.PeopleStore;

/**
 * The families around one chunk of subjects, read from the store as they are walked: each person's relationships and
 * summary are fetched once per chunk, in one query per step for everyone not yet fetched (the chunk's own subjects
 * first, together). Related subjects come together in a full run, so most of a chunk's families share what the first
 * of them fetched; a person whose relationships reach far is walked only as far as a family goes.
 */
final class ChunkFamilies {
    private final PeopleStore people;
    private final List<String> chunk;
    private final Map<String, List<Relationship>> tiesOf = new HashMap<>();
    private final Map<String, PersonSummary> summaries = new HashMap<>();
    private final Set<String> summarised = new HashSet<>();

    ChunkFamilies(PeopleStore people, List<String> chunk) {
        this.people = people;
        this.chunk = chunk;
    }

    Map<String, Family> families() {
        ties(chunk);
        Map<String, Family> out = new LinkedHashMap<>();
        for (String s : chunk) {
            out.put(s, Families.standard().around(s, this::ties, this::persons));
        }
        return out;
    }

    private List<Relationship> ties(Collection<String> ids) {
        Set<String> missing = new LinkedHashSet<>();
        for (String id : ids) {
            if (!tiesOf.containsKey(id)) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            missing.forEach(id -> tiesOf.put(id, new ArrayList<>()));
            for (Relationship r : people.relationshipsOf(missing)) {
                // Only the people asked for get their lists now; the other end is complete only once it is asked for.
                for (String p : List.of(r.fromPerson(), r.toPerson())) {
                    if (missing.contains(p)) {
                        tiesOf.get(p).add(r);
                    }
                }
            }
        }
        Set<Relationship> out = new LinkedHashSet<>();
        ids.forEach(id -> out.addAll(tiesOf.get(id)));
        return List.copyOf(out);
    }

    private Map<String, PersonSummary> persons(Collection<String> ids) {
        List<String> missing = ids.stream().filter(id -> !summarised.contains(id)).toList();
        if (!missing.isEmpty()) {
            summaries.putAll(people.persons(missing));
            summarised.addAll(missing);
        }
        Map<String, PersonSummary> out = new LinkedHashMap<>();
        ids.forEach(id -> {
            PersonSummary s = summaries.get(id);
            if (s != null) {
                out.put(id, s);
            }
        });
        return out;
    }
}
