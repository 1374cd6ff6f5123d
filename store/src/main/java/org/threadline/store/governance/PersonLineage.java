package org.threadline.store.governance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.threadline.domain.people.StableIds;

/**
 * Where some of a person's records went: to another person, by a merge (the person is retired and every record of
 * theirs is now {@code to}'s) or a split (some of their records are now {@code to}'s; the person keeps their id, or
 * is retired with their records spread over several persons). What a case link follows (ADR 0031).
 */
public record PersonLineage(String from, String to, Kind kind) {
    public enum Kind { MERGED, SPLIT }

    public PersonLineage {
        if (from.equals(to)) {
            throw new IllegalArgumentException("a person's records going to themselves is no change: " + from);
        }
    }

    /**
     * The lineage a build's identity changes say, one row per (from, to). A retired person whose records all went
     * to one person was merged into them; a person whose records went to others while they kept their id, or who was
     * retired with records in several persons, was split. A merge change adds nothing the retirements and splits do
     * not say (each joined person is either retired into the survivor or split with part going to it).
     *
     * @param changes the build's merges, splits and retirements ({@link StableIds#assign})
     * @param retired the ids the build retired
     */
    public static List<PersonLineage> of(Collection<StableIds.Change> changes, Set<String> retired) {
        Map<String, Set<String>> wentTo = new TreeMap<>();
        for (StableIds.Change c : changes) {
            if (c.kind() == StableIds.ChangeKind.MERGE) {
                continue;
            }
            String from = c.before().get(0);
            for (String to : c.after()) {
                if (!to.equals(from)) {
                    wentTo.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                }
            }
        }
        return ofWentTo(wentTo, retired);
    }

    /**
     * The lineage of records that went from persons to others (a rectification's re-link, where each record's move
     * is known): a retired person whose records all went to one person was merged into them, else split.
     *
     * @param wentTo  per person, the other persons some of their records went to
     * @param retired the persons left with no record
     */
    public static List<PersonLineage> ofWentTo(Map<String, ? extends Collection<String>> wentTo,
                                               Set<String> retired) {
        List<PersonLineage> out = new ArrayList<>();
        new TreeMap<>(wentTo).forEach((from, targets) -> {
            Set<String> tos = new TreeSet<>(targets);
            tos.remove(from);
            Kind kind = retired.contains(from) && tos.size() == 1 ? Kind.MERGED : Kind.SPLIT;
            tos.forEach(to -> out.add(new PersonLineage(from, to, kind)));
        });
        return out;
    }
}
