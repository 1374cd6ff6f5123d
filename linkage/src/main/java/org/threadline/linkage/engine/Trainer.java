package org.threadline.linkage.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.threadline.linkage.blocking.CandidatePairs;
import org.threadline.linkage.data.RecordTable;
import org.threadline.linkage.model.BlockingKey;
import org.threadline.linkage.model.Comparison;
import org.threadline.linkage.model.JoinRule;
import org.threadline.linkage.model.LevelProbabilities;
import org.threadline.linkage.model.LinkType;
import org.threadline.linkage.model.LinkageModel;
import org.threadline.linkage.model.TrainingMetadata;
import org.threadline.linkage.model.TrainingPass;
import org.threadline.linkage.scoring.ComparisonVectors;
import org.threadline.linkage.scoring.EmCombination;
import org.threadline.linkage.scoring.EmResult;
import org.threadline.linkage.scoring.EmTrainer;
import org.threadline.linkage.scoring.ExpectedF1;
import org.threadline.linkage.scoring.ModelParameters;
import org.threadline.linkage.scoring.PriorEstimator;
import org.threadline.linkage.scoring.UEstimator;

/**
 * Unsupervised training, as Splink does it: u from random record pairs; m by EM on the candidate pairs of each
 * blocking rule in turn (every candidate pair that meets the rule, whichever rule found it first), holding fixed the
 * comparisons that rule blocks on (they agree by construction there), then averaged; the prior λ from the expected
 * matches among all candidate pairs under the trained m and u (the E-step's fixed point, {@link
 * PriorEstimator#fromScoredPairs}), or — if larger — from a deterministic rule (pairs at the top level of every
 * comparison that is not null, with at least two such comparisons) divided by an assumed recall. No truth is used.
 */
final class Trainer {
    private final ForkJoinPool pool;

    Trainer(ForkJoinPool pool) {
        this.pool = pool;
    }

    record Trained(LinkageModel model, List<String> warnings) {
    }

    Trained train(LinkageModel model, RecordTable records, List<CompiledComparison> compiled, CandidatePairs pairs,
                  ComparisonVectors vectors, TrainingSettings settings) {
        List<String> warnings = new ArrayList<>();
        VectorBuilder builder = new VectorBuilder(compiled);
        int[] levelCounts = builder.levelCounts();
        boolean link = model.linkType() == LinkType.LINK;
        UEstimator.UEstimate u = new UEstimator((random, n) -> randomPairs(records, builder, random, n, link))
                .estimate(new SplittableRandom(settings.seed()), settings.uPairs(), levelCounts);
        warnings.addAll(u.warnings());

        double totalPairs = link ? (double) count(records, 0) * count(records, 1)
                : PriorEstimator.totalPairs(records.size());
        PriorEstimator.PriorEstimate prior = PriorEstimator.estimate(deterministic(vectors), settings.priorRecall(),
                totalPairs);
        ModelParameters start = new ModelParameters(startingM(levelCounts), u.u(), tfFlags(compiled), prior.lambda());

        EmTrainer em = new EmTrainer(EmTrainer.Settings.defaults(), pool);
        List<EmResult> passes = new ArrayList<>();
        List<TrainingPass> passRecords = new ArrayList<>();
        for (int r = 0; r < model.blockingRules().size(); r++) {
            if (!model.blockingRules().get(r).train()) {
                continue;
            }
            ComparisonVectors pass = meeting(vectors, pairs, r);
            if (pass.pairCount() == 0) {
                warnings.add("blocking rule '" + model.blockingRules().get(r).name() + "' found no pairs to train on");
                continue;
            }
            EmResult result = em.train(pass, start, fixedBy(model, r));
            passes.add(result);
            passRecords.add(new TrainingPass(model.blockingRules().get(r).name(), result.iterations(),
                    result.converged()));
            warnings.addAll(result.warnings());
        }
        ModelParameters trained = start;
        double lambda = prior.lambda();
        if (!passes.isEmpty()) {
            EmCombination combined = EmTrainer.combine(passes, start);
            warnings.addAll(combined.warnings());
            trained = combined.applyTo(start);
            // Passes overlap (a pair meeting two rules is in both), so their own λ cannot be added up. With m
            // trained, the expected number of matches among all candidate pairs is the fixed point of the E-step
            // over them; over all possible pairs that is a lower bound on λ (matches blocking missed are not
            // counted), and on messy data a much better one than the deterministic rule, whose recall is unknown.
            double[] withoutPrior = new org.threadline.linkage.scoring.Scorer(pool)
                    .score(new org.threadline.linkage.scoring.MatchWeights(trained.withLambda(0.5)), vectors);
            double expected = PriorEstimator.fromScoredPairs(withoutPrior, totalPairs, prior.lambda()) * totalPairs;
            lambda = Math.max(prior.lambda(), Math.min(0.5, expected / totalPairs));
        } else {
            warnings.add("no EM pass ran: m keeps its starting values");
        }
        TrainingMetadata metadata = new TrainingMetadata(settings.trainedAt(), records.size(), pairs.size(),
                passRecords);
        LinkageModel out = model.withParameters(lambda, probabilities(model, trained), metadata);
        if (model.thresholds().joinRule() == JoinRule.EXPECTED_F1) {
            // Scored as prediction will score them: the trained λ and term frequencies included.
            double[] weights = new org.threadline.linkage.scoring.Scorer(pool)
                    .score(new org.threadline.linkage.scoring.MatchWeights(trained.withLambda(lambda)), vectors);
            ExpectedF1.Choice join = ExpectedF1.bestThreshold(weights, model.thresholds().join());
            out = out.withThresholds(model.thresholds().withJoinAt(join.threshold()));
        }
        return new Trained(out, named(model, warnings));
    }

    private static final java.util.regex.Pattern INDEXED =
            java.util.regex.Pattern.compile("comparison (\\d+)(?: level (\\d+))?");

    /** Puts comparison names and level labels in place of indices, and says each thing once. */
    private static List<String> named(LinkageModel model, List<String> warnings) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (String w : warnings) {
            java.util.regex.Matcher m = INDEXED.matcher(w);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                int c = Integer.parseInt(m.group(1));
                String name = c < model.comparisons().size() ? model.comparisons().get(c).name() : m.group(1);
                String text = "comparison '" + name + "'";
                if (m.group(2) != null && c < model.comparisons().size()) {
                    int l = Integer.parseInt(m.group(2));
                    var levels = model.comparisons().get(c).levels();
                    text += " level '" + (l < levels.size() ? levels.get(l).label() : m.group(2)) + "'";
                }
                m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(text));
            }
            m.appendTail(b);
            out.add(b.toString());
        }
        return new ArrayList<>(out);
    }

    private static Map<String, Map<String, LevelProbabilities>> probabilities(LinkageModel model, ModelParameters p) {
        Map<String, Map<String, LevelProbabilities>> out = new HashMap<>();
        List<Comparison> comparisons = model.comparisons();
        for (int c = 0; c < comparisons.size(); c++) {
            Map<String, LevelProbabilities> levels = new HashMap<>();
            for (int l = 1; l < comparisons.get(c).levels().size(); l++) {
                levels.put(comparisons.get(c).levels().get(l).label(), new LevelProbabilities(p.m(c, l), p.u(c, l)));
            }
            out.put(comparisons.get(c).name(), levels);
        }
        return out;
    }

    /**
     * Starting m: most weight on the top level, halving down the ladder, a little on "else" — the usual shape of a
     * match's evidence. EM moves it from there.
     */
    static double[][] startingM(int[] levelCounts) {
        double[][] m = new double[levelCounts.length][];
        for (int c = 0; c < m.length; c++) {
            int levels = levelCounts[c];
            m[c] = new double[levels];
            m[c][0] = 1;
            double sum = 0;
            for (int l = 1; l < levels; l++) {
                m[c][l] = l == levels - 1 ? 0.05 : Math.pow(0.5, l - 1);
                sum += m[c][l];
            }
            for (int l = 1; l < levels; l++) {
                m[c][l] /= sum;
            }
        }
        return m;
    }

    private static boolean[][] tfFlags(List<CompiledComparison> compiled) {
        boolean[][] tf = new boolean[compiled.size()][];
        for (int c = 0; c < tf.length; c++) {
            tf[c] = new boolean[compiled.get(c).levels()];
            if (compiled.get(c).tfLevel() >= 0) {
                tf[c][compiled.get(c).tfLevel()] = true;
            }
        }
        return tf;
    }

    /** Comparisons whose columns the rule blocks on: they agree in every pair of the pass, so they learn nothing. */
    private static Set<Integer> fixedBy(LinkageModel model, int rule) {
        Set<String> columns = new HashSet<>();
        for (BlockingKey k : model.blockingRules().get(rule).keys()) {
            columns.add(k.column());
        }
        Set<Integer> fixed = new HashSet<>();
        for (int c = 0; c < model.comparisons().size(); c++) {
            for (String col : model.comparisons().get(c).columns()) {
                if (columns.contains(col)) {
                    fixed.add(c);
                }
            }
        }
        return fixed;
    }

    private static long deterministic(ComparisonVectors v) {
        long n = 0;
        int cc = v.comparisonCount();
        for (int p = 0; p < v.pairCount(); p++) {
            int top = 0;
            boolean ok = true;
            for (int c = 0; c < cc && ok; c++) {
                int level = v.level(p, c);
                if (level == 1) {
                    top++;
                } else if (level != 0) {
                    ok = false;
                }
            }
            n += ok && top >= 2 ? 1 : 0;
        }
        return Math.max(1, n);
    }

    /**
     * Every candidate pair that meets {@code rule}, whichever rule found it first: a training pass must see all the
     * pairs its rule admits. Taking only the pairs the rule found first (those no earlier rule found) would hide, in
     * a "first name and date of birth" pass, every pair whose surnames also agree (an earlier "names" rule took
     * them), and EM would learn that matches rarely share a surname. All such pairs are candidates, since the
     * candidates are the union of the rules' pairs.
     */
    private static ComparisonVectors meeting(ComparisonVectors v, CandidatePairs pairs, int rule) {
        int n = 0;
        for (int p = 0; p < pairs.size(); p++) {
            n += pairs.meets(p, rule) ? 1 : 0;
        }
        int cc = v.comparisonCount();
        byte[] levels = new byte[n * cc];
        int[] left = new int[n];
        int[] right = new int[n];
        int k = 0;
        for (int p = 0; p < pairs.size(); p++) {
            if (pairs.meets(p, rule)) {
                System.arraycopy(v.levels(), p * cc, levels, k * cc, cc);
                left[k] = pairs.left(p);
                right[k] = pairs.right(p);
                k++;
            }
        }
        return ComparisonVectors.of(cc, levels, left, right);
    }

    private ComparisonVectors randomPairs(RecordTable records, VectorBuilder builder,
                                          java.util.random.RandomGenerator random, int n, boolean link) {
        int size = records.size();
        int[] left = new int[n];
        int[] right = new int[n];
        int[] first = link ? indices(records, 0) : null;
        int[] second = link ? indices(records, 1) : null;
        for (int i = 0; i < n; i++) {
            if (link) {
                left[i] = first[random.nextInt(first.length)];
                right[i] = second[random.nextInt(second.length)];
            } else {
                int a = random.nextInt(size);
                int b = random.nextInt(size - 1);
                left[i] = a;
                right[i] = b >= a ? b + 1 : b;
            }
        }
        return builder.build(left, right, n, pool);
    }

    private static int count(RecordTable records, int source) {
        return indices(records, source).length;
    }

    private static int[] indices(RecordTable records, int source) {
        return java.util.stream.IntStream.range(0, records.size()).filter(i -> records.source(i) == source).toArray();
    }
}
