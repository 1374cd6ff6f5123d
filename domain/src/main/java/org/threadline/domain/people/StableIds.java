package org.threadline.domain.people;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Gives the clusters of a new linkage run the person ids of the previous run wherever the cluster survives, so a
 * practitioner's bookmark, an alert or a review decision keeps pointing at the same person after new data arrives.
 *
 * <p>Each old person id goes to at most one new cluster and each cluster takes at most one old id: the pairing with
 * the most shared records wins (ties: the larger cluster, then the smaller old id), greedily. A cluster that holds
 * records of several old persons is a merge; an old person whose records went to several clusters is a split; an
 * old id that no cluster took is retired. Every change says which ids it came from and went to.
 */
public final class StableIds {
    private StableIds() {
    }

    /** What happened to identities between two runs. */
    public enum ChangeKind { MERGE, SPLIT, RETIRE }

    public record Change(ChangeKind kind, List<String> before, List<String> after, int records) {
        public Change {
            before = List.copyOf(before);
            after = List.copyOf(after);
        }
    }

    /**
     * @param ids      the person id of each new cluster, in cluster order
     * @param changes  merges, splits and retirements, in a deterministic order
     * @param newIds   how many clusters got a fresh id
     */
    public record Assignment(List<String> ids, List<Change> changes, int newIds) {
        public Assignment {
            ids = List.copyOf(ids);
            changes = List.copyOf(changes);
        }
    }

    /**
     * @param previous record key → person id from the last run (empty on the first run)
     * @param clusters the new clusters as lists of record keys
     * @param fresh    supplies a new, never used person id
     */
    public static Assignment assign(Map<String, String> previous, List<List<String>> clusters,
                                    Supplier<String> fresh) {
        List<Map<String, Integer>> shared = new ArrayList<>(clusters.size());
        record Candidate(int cluster, String oldId, int count, int size) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int c = 0; c < clusters.size(); c++) {
            Map<String, Integer> counts = new TreeMap<>();
            for (String record : clusters.get(c)) {
                String old = previous.get(record);
                if (old != null) {
                    counts.merge(old, 1, Integer::sum);
                }
            }
            shared.add(counts);
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                candidates.add(new Candidate(c, e.getKey(), e.getValue(), clusters.get(c).size()));
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::count).reversed()
                .thenComparing(Comparator.comparingInt(Candidate::size).reversed())
                .thenComparing(Candidate::oldId).thenComparingInt(Candidate::cluster));
        String[] ids = new String[clusters.size()];
        Set<String> taken = new java.util.HashSet<>();
        for (Candidate k : candidates) {
            if (ids[k.cluster()] == null && !taken.contains(k.oldId())) {
                ids[k.cluster()] = k.oldId();
                taken.add(k.oldId());
            }
        }
        int created = 0;
        for (int c = 0; c < ids.length; c++) {
            if (ids[c] == null) {
                ids[c] = fresh.get();
                created++;
            }
        }
        return new Assignment(List.of(ids), changes(previous, clusters, shared, ids, taken), created);
    }

    private static List<Change> changes(Map<String, String> previous, List<List<String>> clusters,
                                        List<Map<String, Integer>> shared, String[] ids, Set<String> taken) {
        List<Change> changes = new ArrayList<>();
        Map<String, Set<String>> wentTo = new TreeMap<>();
        Map<String, Integer> recordsOf = new HashMap<>();
        for (int c = 0; c < clusters.size(); c++) {
            Map<String, Integer> counts = shared.get(c);
            if (counts.size() > 1) {
                changes.add(new Change(ChangeKind.MERGE, List.copyOf(counts.keySet()), List.of(ids[c]),
                        clusters.get(c).size()));
            }
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                wentTo.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(ids[c]);
                recordsOf.merge(e.getKey(), e.getValue(), Integer::sum);
            }
        }
        for (Map.Entry<String, Set<String>> e : wentTo.entrySet()) {
            if (e.getValue().size() > 1) {
                changes.add(new Change(ChangeKind.SPLIT, List.of(e.getKey()), List.copyOf(e.getValue()),
                        recordsOf.get(e.getKey())));
            }
        }
        Map<String, Integer> oldSizes = new LinkedHashMap<>();
        new TreeMap<>(previous).forEach((record, id) -> oldSizes.merge(id, 1, Integer::sum));
        for (Map.Entry<String, Integer> e : new TreeMap<>(oldSizes).entrySet()) {
            if (!taken.contains(e.getKey())) {
                List<String> after = List.copyOf(wentTo.getOrDefault(e.getKey(), Set.of()));
                changes.add(new Change(ChangeKind.RETIRE, List.of(e.getKey()), after, e.getValue()));
            }
        }
        return changes;
    }
}
