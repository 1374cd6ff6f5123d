package org.threadline.app.people;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.threadline.domain.people.Relationship;
import org.threadline.domain.people.RelationshipType;
import org.threadline.store.people.PeopleStore;

/**
 * Measures a people build against a synthetic population's truth (truth/records.csv says who each extract row is
 * really about; truth/relationships.csv the true parent and partner ties). Persons: pairwise precision and recall
 * over the records, and how many persons hold more than one true person (over-merged: the worst error in
 * safeguarding). Relationships: per type and basis, precision (share of ours that are true) and recall (share of the
 * true ties between people we hold that we found); siblings are true when they share a true parent.
 */
public final class TruthEvaluation {
    private TruthEvaluation() {
    }

    /**
     * @param correct  predictions that are true
     * @param recalled distinct true items found (0 with {@code actual} 0 where recall is not measured)
     */
    public record Counts(long correct, long predicted, long recalled, long actual) {
        public double precision() {
            return predicted == 0 ? 1 : (double) correct / predicted;
        }

        public double recall() {
            return actual == 0 ? Double.NaN : (double) recalled / actual;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    public record Report(int records, int persons, int truePersons, Counts pairs, int overMerged,
                         Map<String, Counts> relationships) {
    }

    public static Report evaluate(PeopleStore store, Path truthDir) throws IOException {
        Tally t = tally(store, truthDir);
        long tp = pairsIn(t.cell);
        Counts pairs = new Counts(tp, pairsIn(t.ourSize), tp, pairsIn(t.trueSize));
        int overMerged = (int) t.truthByOurs.values().stream().filter(m -> m.size() > 1).count();
        return new Report(t.records, t.ourSize.size(), t.trueSize.size(), pairs, overMerged,
                relationships(store.allRelationships(), truePersonOf(t), truthDir));
    }

    /**
     * For each of our persons, the true person most of its records are about (what an over-merged person is
     * judged as): the bridge the indicator accuracy measure crosses from our results to the truth.
     */
    public static Map<String, String> truePersonOf(PeopleStore store, Path truthDir) throws IOException {
        return truePersonOf(tally(store, truthDir));
    }

    private static Map<String, String> truePersonOf(Tally t) {
        Map<String, String> trueOf = new HashMap<>();
        t.truthByOurs.forEach((ours, m) -> trueOf.put(ours, m.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow().getKey()));
        return trueOf;
    }

    /** Our records against the truth's: how many of each person's records belong to each true person. */
    private record Tally(int records, Map<String, Integer> ourSize, Map<String, Integer> trueSize,
                         Map<String, Integer> cell, Map<String, Map<String, Integer>> truthByOurs) {
    }

    private static Tally tally(PeopleStore store, Path truthDir) throws IOException {
        Map<String, String> truthOfRow = new HashMap<>();
        for (CSVRecord r : csv(truthDir.resolve("records.csv"))) {
            String file = r.get("file");
            String stem = file.substring(file.lastIndexOf('/') + 1);
            truthOfRow.put(stem + ":" + (Long.parseLong(r.get("row")) + 1), r.get("person_id"));
        }
        Map<Long, String> stems = new HashMap<>();
        store.fileNames().forEach((id, name) -> stems.put(id, name.replaceFirst("\\.[^.]+$", "")));
        Map<String, Map<String, Integer>> truthByOurs = new HashMap<>();
        Map<String, Integer> ourSize = new HashMap<>();
        Map<String, Integer> trueSize = new HashMap<>();
        Map<String, Integer> cell = new HashMap<>();
        int records = 0;
        for (String[] r : store.allRecords()) {
            if (!r[3].isEmpty()) {
                continue; // the truth names a row's subject only
            }
            String truth = truthOfRow.get(stems.get(Long.parseLong(r[1])) + ":" + r[2]);
            if (truth == null) {
                continue;
            }
            records++;
            ourSize.merge(r[4], 1, Integer::sum);
            trueSize.merge(truth, 1, Integer::sum);
            cell.merge(r[4] + "|" + truth, 1, Integer::sum);
            truthByOurs.computeIfAbsent(r[4], k -> new HashMap<>()).merge(truth, 1, Integer::sum);
        }
        return new Tally(records, ourSize, trueSize, cell, truthByOurs);
    }

    private static Map<String, Counts> relationships(List<Relationship> ours, Map<String, String> trueOf,
                                                     Path truthDir) throws IOException {
        Set<String> held = new HashSet<>(trueOf.values());
        Map<String, String> died = new HashMap<>();
        for (CSVRecord r : csv(truthDir.resolve("people.csv"))) {
            if (!r.get("date_of_death").isBlank()) {
                died.put(r.get("person_id"), r.get("date_of_death"));
            }
        }
        Set<String> separated = new HashSet<>();
        Set<String> parentOf = new HashSet<>();
        Set<String> partners = new HashSet<>();
        Map<String, Set<String>> parents = new HashMap<>();
        for (CSVRecord r : csv(truthDir.resolve("relationships.csv"))) {
            String a = r.get("person_id");
            String b = r.get("related_person_id");
            if (r.get("relationship").equals("PARENT_OF")) {
                parentOf.add(a + ">" + b);
                parents.computeIfAbsent(b, k -> new HashSet<>()).add(a);
            } else if (r.get("relationship").equals("PARTNER_OF")) {
                String pair = a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
                partners.add(pair);
                String to = r.get("to");
                if (!to.isBlank() && !to.equals(died.get(a)) && !to.equals(died.get(b))) {
                    separated.add(pair); // ended by a separation, not a death
                }
            }
        }
        Set<String> siblings = new HashSet<>();
        Map<String, List<String>> childrenOf = new HashMap<>();
        parents.forEach((child, ps) -> ps.forEach(p -> childrenOf.computeIfAbsent(p, k -> new ArrayList<>()).add(child)));
        childrenOf.values().forEach(cs -> {
            for (String a : cs) {
                for (String b : cs) {
                    if (a.compareTo(b) < 0) {
                        siblings.add(a + "|" + b);
                    }
                }
            }
        });
        Map<RelationshipType, Set<String>> truth = Map.of(RelationshipType.PARENT_OF, parentOf,
                RelationshipType.PARTNER_OF, partners, RelationshipType.SIBLING_OF, siblings);
        Map<String, long[]> tally = new TreeMap<>();
        Map<RelationshipType, Set<String>> found = new HashMap<>();
        for (Relationship r : ours) {
            Set<String> t = truth.get(r.type());
            String a = trueOf.get(r.fromPerson());
            String b = trueOf.get(r.toPerson());
            if (t == null || a == null || b == null) {
                continue;
            }
            String key = r.type().symmetric() ? (a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a) : a + ">" + b;
            boolean right = t.contains(key);
            for (String label : List.of(r.type() + " (all)", r.type() + " " + r.basis().name().toLowerCase())) {
                long[] c = tally.computeIfAbsent(label, k -> new long[2]);
                c[0] += right ? 1 : 0;
                c[1]++;
            }
            if (right) {
                found.computeIfAbsent(r.type(), k -> new HashSet<>()).add(key);
            }
        }
        Map<String, Counts> out = new LinkedHashMap<>();
        tally.forEach((label, c) -> {
            RelationshipType type = RelationshipType.valueOf(label.substring(0, label.indexOf(' ')));
            boolean all = label.endsWith("(all)");
            long actual = all ? truth.get(type).stream().filter(k -> bothHeld(k, held)).count() : 0;
            out.put(label, new Counts(c[0], c[1], all ? found.getOrDefault(type, Set.of()).size() : 0, actual));
        });
        // Partnerships we say have ended, against partnerships the truth ended by separation (not by a death).
        long predicted = 0;
        long correct = 0;
        Set<String> recalled = new HashSet<>();
        for (Relationship r : ours) {
            String a = trueOf.get(r.fromPerson());
            String b = trueOf.get(r.toPerson());
            if (r.type() != RelationshipType.PARTNER_OF || r.to().isEmpty() || a == null || b == null) {
                continue;
            }
            String key = a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
            predicted++;
            if (separated.contains(key)) {
                correct++;
                recalled.add(key);
            }
        }
        out.put("PARTNER_OF ended", new Counts(correct, predicted, recalled.size(),
                separated.stream().filter(k -> bothHeld(k, held)).count()));
        return out;
    }

    private static boolean bothHeld(String key, Set<String> held) {
        String[] ids = key.split("[>|]");
        return held.contains(ids[0]) && held.contains(ids[1]);
    }

    private static long pairsIn(Map<String, Integer> groups) {
        long n = 0;
        for (int size : groups.values()) {
            n += (long) size * (size - 1) / 2;
        }
        return n;
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
