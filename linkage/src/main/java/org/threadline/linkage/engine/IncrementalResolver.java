package org.threadline.linkage.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.threadline.linkage.blocking.Blocker;
import org.threadline.linkage.blocking.KeyPart;
import org.threadline.linkage.clustering.ClusteringThresholds;
import org.threadline.linkage.data.RecordTable;
import org.threadline.linkage.model.LinkageModel;
import org.threadline.linkage.model.Thresholds;
import org.threadline.linkage.scoring.MatchWeights;

/**
 * Resolves one new record against records already clustered, without re-running the batch: candidates come from an
 * in-memory index on the model's blocking keys (the same keys batch blocking uses), each is scored with the trained
 * model, and the best decides: MATCH at or above the join threshold (unless batch clustering would refuse the join,
 * see {@link #decide}), REVIEW in the band below it, otherwise NEW.
 *
 * <p>The candidates and the new record are compiled as a small table per query, so every level behaves exactly as
 * in batch; term frequencies come from the whole indexed population, as they would in batch, or from the
 * {@link TermFrequencies} a batch run kept when the indexed records are only the candidates fetched for this query
 * (a store finds them by {@link #blockingKeys}).
 */
public final class IncrementalResolver {
    private static final int MAX_CANDIDATES = 5_000;

    private final LinkageModel model;
    private final RecordTable indexed;
    private final int[] clusters;
    private final Lookups lookups;
    private final TermFrequencies frequencies;
    private final List<List<KeyPart>> rules;
    private final List<Map<Integer, int[]>> index = new ArrayList<>();

    /**
     * @param trained  a trained model
     * @param records  the records already resolved
     * @param clusters each record's cluster id (from batch clustering)
     */
    public IncrementalResolver(LinkageModel trained, RecordTable records, int[] clusters, Lookups lookups) {
        this(trained, records, clusters, lookups, TermFrequencies.of(trained, records, 1));
    }

    /**
     * @param records     the records already resolved that may be candidates (the whole population, or only those
     *                    sharing a blocking key with the records about to be resolved)
     * @param frequencies the term frequencies of the whole population, as batch counted them
     */
    public IncrementalResolver(LinkageModel trained, RecordTable records, int[] clusters, Lookups lookups,
                               TermFrequencies frequencies) {
        if (!trained.isTrained()) {
            throw new IllegalArgumentException("incremental resolution needs a trained model");
        }
        this.model = trained;
        this.indexed = records;
        this.clusters = clusters.clone();
        this.lookups = lookups;
        this.frequencies = frequencies;
        this.rules = BlockingCompiler.compile(trained.blockingRules());
        for (List<KeyPart> rule : rules) {
            index.add(group(Blocker.keys(records, rule)));
        }
    }

    private static Map<Integer, int[]> group(int[] keys) {
        Map<Integer, Integer> sizes = new HashMap<>();
        for (int k : keys) {
            if (k != Blocker.NO_KEY) {
                sizes.merge(k, 1, Integer::sum);
            }
        }
        Map<Integer, int[]> out = new HashMap<>(sizes.size() * 2);
        Map<Integer, Integer> filled = new HashMap<>();
        for (int r = 0; r < keys.length; r++) {
            int k = keys[r];
            if (k != Blocker.NO_KEY) {
                int[] members = out.computeIfAbsent(k, x -> new int[sizes.get(x)]);
                members[filled.merge(k, 1, Integer::sum) - 1] = r;
            }
        }
        return out;
    }

    /**
     * The record's key under each of the model's blocking rules, in the model's order ({@link Blocker#NO_KEY} where a
     * key part is blank): the same 32-bit keys batch blocking computes, stable across runs and machines, so a store
     * can index records by them and fetch exactly the candidates this resolver would find in memory.
     *
     * @param values the record's values, in the order of the model's columns
     */
    public static int[] blockingKeys(LinkageModel model, String... values) {
        RecordTable one = RecordTable.builder(model.columns()).add("record", 0, values).build();
        List<List<KeyPart>> rules = BlockingCompiler.compile(model.blockingRules());
        int[] keys = new int[rules.size()];
        for (int r = 0; r < keys.length; r++) {
            keys[r] = Blocker.keys(one, rules.get(r))[0];
        }
        return keys;
    }

    /**
     * @param values the new record's values, in the order of the model's columns
     */
    public Resolution resolve(String id, String... values) {
        List<String> columns = model.columns();
        RecordTable probe = RecordTable.builder(columns).add(id, 1, values).build();
        Set<Integer> found = new LinkedHashSet<>();
        for (int r = 0; r < rules.size(); r++) {
            int key = Blocker.keys(probe, rules.get(r))[0];
            int[] members = key == Blocker.NO_KEY ? null : index.get(r).get(key);
            if (members != null) {
                for (int m : members) {
                    if (found.size() < MAX_CANDIDATES) {
                        found.add(m);
                    }
                }
            }
        }
        if (found.isEmpty()) {
            return new Resolution(Resolution.Decision.NEW, -1, Double.NEGATIVE_INFINITY, List.of());
        }
        List<Integer> candidates = new ArrayList<>(found);
        RecordTable.Builder small = RecordTable.builder(columns);
        for (int c : candidates) {
            String[] row = new String[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = indexed.column(columns.get(i)).value(c);
            }
            small.add(indexed.id(c), 0, row);
        }
        small.add(id, 1, values);
        RecordTable table = small.build();
        List<CompiledComparison> compiled = new ModelCompiler(table, lookups).compile(model.comparisons());
        MatchWeights weights = new MatchWeights(Parameters.of(model, compiled));
        int self = candidates.size();
        List<Resolution.Candidate> scored = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            double w = weights.priorWeight();
            for (int c = 0; c < compiled.size(); c++) {
                CompiledComparison comparison = compiled.get(c);
                int level = comparison.levelOf(i, self);
                double tf = Double.NaN;
                if (level == comparison.tfLevel()) {
                    String column = model.comparisons().get(c).columns().get(0);
                    tf = frequencies.frequency(column, indexed.column(column).value(candidates.get(i)));
                }
                w += weights.contribution(c, level, tf);
            }
            scored.add(new Resolution.Candidate(candidates.get(i), clusters[candidates.get(i)], w));
        }
        scored.sort(Comparator.comparingDouble(Resolution.Candidate::weight).reversed()
                .thenComparingInt(Resolution.Candidate::record));
        return decide(scored, model.thresholds());
    }

    /**
     * The decision batch clustering would make for the new record: it joins the cluster of its strongest pair at or
     * above join unless that cluster must stay apart from it — a candidate of that cluster scored below fracture, or
     * the cluster's candidates averaging below {@link ClusteringThresholds#averageBar} — and then tries the next
     * cluster. A join so refused is a REVIEW (batch lists refused joins for review), never a silent NEW or MATCH.
     */
    static Resolution decide(List<Resolution.Candidate> scored, Thresholds th) {
        Map<Integer, double[]> byCluster = new java.util.LinkedHashMap<>(); // best first: {min, sum, count}
        for (Resolution.Candidate c : scored) {
            double[] s = byCluster.computeIfAbsent(c.cluster(), k -> new double[] {Double.POSITIVE_INFINITY, 0, 0});
            s[0] = Math.min(s[0], c.weight());
            s[1] += c.weight();
            s[2]++;
        }
        Resolution.Candidate best = scored.get(0);
        Resolution.Candidate refused = null;
        for (Resolution.Candidate c : scored) {
            if (c.weight() < th.join()) {
                break;
            }
            double[] s = byCluster.remove(c.cluster());
            if (s == null) {
                continue; // a cluster already decided by its stronger candidate
            }
            if (s[0] >= th.fracture() && s[1] / s[2] >= ClusteringThresholds.averageBar(th.join())) {
                return new Resolution(Resolution.Decision.MATCH, c.cluster(), c.weight(), scored);
            }
            refused = refused == null ? c : refused;
        }
        if (refused != null) {
            return new Resolution(Resolution.Decision.REVIEW, refused.cluster(), refused.weight(), scored);
        }
        return best.weight() >= th.reviewLow()
                ? new Resolution(Resolution.Decision.REVIEW, best.cluster(), best.weight(), scored)
                : new Resolution(Resolution.Decision.NEW, -1, best.weight(), scored);
    }
}
