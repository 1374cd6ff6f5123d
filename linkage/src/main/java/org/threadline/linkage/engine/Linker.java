package org.threadline.linkage.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.threadline.linkage.blocking.Blocker;
import org.threadline.linkage.blocking.CandidatePairs;
import org.threadline.linkage.clustering.ClusterConstraints;
import org.threadline.linkage.clustering.Clusterer;
import org.threadline.linkage.clustering.Clustering;
import org.threadline.linkage.clustering.ClusteringThresholds;
import org.threadline.linkage.data.RecordTable;
import org.threadline.linkage.model.BlockingRule;
import org.threadline.linkage.model.LinkType;
import org.threadline.linkage.model.LinkageModel;
import org.threadline.linkage.model.Thresholds;
import org.threadline.linkage.scoring.ComparisonVectors;
import org.threadline.linkage.scoring.Explanation;
import org.threadline.linkage.scoring.MatchWeights;
import org.threadline.linkage.scoring.ModelParameters;
import org.threadline.linkage.scoring.Scorer;

/**
 * Runs a model over records: block, compare, (train), score, cluster; and explains any pair from the model alone.
 */
public final class Linker {
    private final ForkJoinPool pool;
    private final long maxPairs;

    /**
     * @param pool     the threads to use
     * @param maxPairs refuse to compare more candidate pairs than this
     */
    public Linker(ForkJoinPool pool, long maxPairs) {
        this.pool = pool;
        this.maxPairs = maxPairs;
    }

    /**
     * Links the records.
     *
     * @param training how to train first, or null to use the model's own parameters (it must then be trained)
     */
    public LinkResult run(LinkageModel model, RecordTable records, Lookups lookups, TrainingSettings training) {
        return run(model, records, lookups, training, phase -> { });
    }

    /**
     * The same, telling {@code progress} as each phase ends (e.g. "blocking: 857,930 candidate pairs in 1.6 s"), so
     * that a command line can show how far a long run has got.
     */
    public LinkResult run(LinkageModel model, RecordTable records, Lookups lookups, TrainingSettings training,
                          java.util.function.Consumer<String> progress) {
        return run(model, records, lookups, training, progress, ClusterConstraints.NONE);
    }

    /** The same, clustering under human decisions that override the model (see {@link ClusterConstraints}). */
    public LinkResult run(LinkageModel model, RecordTable records, Lookups lookups, TrainingSettings training,
                          java.util.function.Consumer<String> progress, ClusterConstraints decisions) {
        if (training == null && !model.isTrained()) {
            throw new IllegalArgumentException("model '" + model.id() + "' is not trained: train it first");
        }
        if (training != null && records.size() < 2) {
            throw new IllegalArgumentException("training needs at least two records; there are " + records.size());
        }
        Map<String, Long> millis = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        long t = System.nanoTime();
        CandidatePairs pairs = new Blocker(maxPairs).pairs(records, BlockingCompiler.compile(model.blockingRules()),
                model.blockingRules().stream().map(BlockingRule::name).toList(), model.linkType() == LinkType.LINK);
        t = lap(millis, "blocking", t);
        progress.accept(String.format(java.util.Locale.UK, "blocking: %,d candidate pairs in %,d ms", pairs.size(),
                millis.get("blocking")));
        List<CompiledComparison> compiled = new ModelCompiler(records, lookups).compile(model.comparisons());
        ComparisonVectors vectors = new VectorBuilder(compiled).build(pairs.left(), pairs.right(), pairs.size(), pool);
        t = lap(millis, "comparing", t);
        progress.accept(String.format(java.util.Locale.UK, "comparing: %,d pairs in %,d ms", pairs.size(),
                millis.get("comparing")));
        LinkageModel used = model;
        if (training != null) {
            Trainer.Trained trained = new Trainer(pool).train(model, records, compiled, pairs, vectors, training);
            used = trained.model();
            warnings.addAll(trained.warnings());
        }
        t = lap(millis, "training", t);
        if (training != null) {
            progress.accept(String.format(java.util.Locale.UK, "training: %,d ms", millis.get("training")));
        }
        double[] weights = new Scorer(pool).score(new MatchWeights(Parameters.of(used, compiled)), vectors);
        t = lap(millis, "scoring", t);
        Thresholds th = used.thresholds();
        Clustering clustering = new Clusterer(new ClusteringThresholds(th.join(), th.fracture(), th.reviewLow()))
                .cluster(records.size(), pairs.left(), pairs.right(), weights, decisions);
        lap(millis, "clustering", t);
        return new LinkResult(used, pairs, weights, clustering, millis, warnings);
    }

    /** The waterfall for two records, computed from the trained model alone. */
    public static Explanation explain(LinkageModel trained, RecordTable records, Lookups lookups, int a, int b) {
        return explainer(trained, records, lookups).explain(a, b);
    }

    /**
     * Explains a pair of a small table (two records read back from a store) with the term frequencies of the whole
     * population a batch run counted, so a common surname weighs as it did in the run, not as in a table of two.
     */
    public static Explanation explain(LinkageModel trained, RecordTable records, Lookups lookups, int a, int b,
                                      TermFrequencies population) {
        Explainer explainer = explainer(trained, records, lookups);
        return explainer.explain(a, b, (c, level) -> {
            CompiledComparison compiled = explainer.compiled.get(c);
            if (level != compiled.tfLevel() || !compiled.termFrequencyAdjusted()) {
                return Double.NaN;
            }
            String column = trained.comparisons().get(c).columns().get(0);
            double f = population.frequency(column, records.column(column).value(a));
            return Double.isNaN(f) ? Double.NaN : Math.max(f, 1e-9);
        });
    }

    /**
     * Explains any number of pairs of one table with the model compiled once: compiling reads every record (term
     * frequencies, identifier checks), so a build that explains each of its tens of thousands of review pairs must
     * not compile per pair.
     */
    public static Explainer explainer(LinkageModel trained, RecordTable records, Lookups lookups) {
        List<CompiledComparison> compiled = new ModelCompiler(records, lookups).compile(trained.comparisons());
        return new Explainer(trained, compiled, Parameters.of(trained, compiled));
    }

    /** Waterfalls for pairs of one table, under one trained model. */
    public static final class Explainer {
        private final LinkageModel trained;
        private final List<CompiledComparison> compiled;
        private final ModelParameters parameters;

        private Explainer(LinkageModel trained, List<CompiledComparison> compiled, ModelParameters parameters) {
            this.trained = trained;
            this.compiled = compiled;
            this.parameters = parameters;
        }

        public Explanation explain(int a, int b) {
            return explain(a, b, (c, level) -> compiled.get(c).termFrequency(level, a));
        }

        private interface Frequency {
            double of(int comparison, int level);
        }

        private Explanation explain(int a, int b, Frequency frequency) {
            int[] levels = new int[compiled.size()];
            double[] tf = new double[compiled.size()];
            for (int c = 0; c < levels.length; c++) {
                levels[c] = compiled.get(c).levelOf(a, b);
                tf[c] = frequency.of(c, levels[c]);
            }
            return Explanation.of(parameters, levels, tf, Parameters.names(trained), Parameters.labels(trained));
        }
    }

    private static long lap(Map<String, Long> millis, String phase, long start) {
        long now = System.nanoTime();
        millis.put(phase, (now - start) / 1_000_000);
        return now;
    }
}
