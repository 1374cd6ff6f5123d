package org.threadline.linkage.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

/**
 * Expectation–maximisation of m probabilities on the pairs of one blocking pass, as Splink's
 * {@code estimate_parameters_using_expectation_maximisation} does with u fixed.
 *
 * <ul>
 *   <li>E-step: for each pair, the posterior match probability {@code p = probability(w)} with
 *       {@code w = log2(λ/(1-λ)) + Σ log2(m/u)} over the comparisons <em>not</em> fixed in this pass, clamped to
 *       {@code [1e-10, 1-1e-10]}. Fixed comparisons are those the pass blocks on: every pair agrees on them, so they
 *       carry no information here and are left out of the E-step (Splink deactivates them the same way).</li>
 *   <li>M-step: for each comparison not fixed and level {@code l >= 1},
 *       {@code m[c][l] = Σ_p p·[level=l] / Σ_p p·[level≠null]}; {@code λ = Σ_p p / P}. Null levels count towards
 *       neither numerator nor denominator.</li>
 *   <li>Stop when the largest change of any m and of λ is below the tolerance, or after the maximum iterations (then
 *       {@code converged = false} and a warning says so).</li>
 * </ul>
 *
 * <p>Guards, so that no NaN is ever produced: a comparison whose pairs are all null keeps its previous m; a level
 * never observed in the pass keeps its previous m, and the observed levels share the remaining mass
 * {@code 1 - Σ m_unseen}; every m is clamped to {@code [1e-10, 1]}. Term frequencies are ignored in training (as
 * Splink's {@code estimate_without_term_frequencies}).
 *
 * <p>Speed: pairs are first grouped into distinct level patterns with counts (as Splink groups by its gamma columns),
 * so each iteration costs the number of patterns, not of pairs. The rows are processed in fixed chunks with per-chunk
 * sums combined in chunk order: the result does not depend on the pool's parallelism.
 */
public final class EmTrainer {

    static final double P_MIN = 1e-10;
    static final double P_MAX = 1 - 1e-10;
    static final double M_MIN = 1e-10;

    /** Splink's defaults: 25 iterations, tolerance 1e-4. */
    public record Settings(int maxIterations, double tolerance) {
        public Settings {
            if (maxIterations < 1 || !(tolerance > 0)) {
                throw new IllegalArgumentException("need maxIterations >= 1 and tolerance > 0, got " + maxIterations
                        + ", " + tolerance);
            }
        }

        public static Settings defaults() {
            return new Settings(25, 1e-4);
        }
    }

    private final Settings settings;
    private final ForkJoinPool pool;
    private final boolean groupPatterns;

    public EmTrainer(Settings settings, ForkJoinPool pool) {
        this(settings, pool, true);
    }

    private EmTrainer(Settings settings, ForkJoinPool pool, boolean groupPatterns) {
        this.settings = settings;
        this.pool = pool;
        this.groupPatterns = groupPatterns;
    }

    /** The same trainer running pair by pair, so tests can show grouping changes nothing. */
    EmTrainer pairByPair() {
        return new EmTrainer(settings, pool, false);
    }

    /** Averages m over passes, excluding each pass's fixed comparisons; see {@link EmCombination}. */
    public static EmCombination combine(List<EmResult> passes, ModelParameters start) {
        return EmCombination.of(passes, start);
    }

    /**
     * Runs EM on one blocking pass.
     *
     * @param start            starting m, the fixed u, and the starting λ
     * @param fixedComparisons comparisons this pass blocks on: left out of the E-step, their m not updated
     */
    public EmResult train(ComparisonVectors pairs, ModelParameters start, Set<Integer> fixedComparisons) {
        int cc = start.comparisonCount();
        if (pairs.comparisonCount() != cc) {
            throw new IllegalArgumentException("vectors have " + pairs.comparisonCount() + " comparisons, the model has "
                    + cc);
        }
        requireKnownLevels(pairs, start);
        boolean[] fixed = new boolean[cc];
        for (int c : fixedComparisons) {
            if (c < 0 || c >= cc) {
                throw new IllegalArgumentException("fixed comparison " + c + " does not exist");
            }
            fixed[c] = true;
        }
        List<String> warnings = new ArrayList<>();
        double[][] m = start.m();
        double lambda = clamp(start.lambda());
        if (pairs.pairCount() == 0) {
            warnings.add("no pairs in this pass: nothing to learn, starting m kept");
            return new EmResult(m, lambda, 0, false, fixed, warnings);
        }
        int[] active = activeComparisons(fixed);
        if (active.length == 0) {
            warnings.add("every comparison is fixed in this pass: no m can be estimated");
        }
        LevelLayout layout = new LevelLayout(start);
        double[] counts = new double[layout.total];
        // EM over distinct level patterns weighted by their pair counts (as Splink groups by gamma columns);
        // pair by pair only when the pattern key would overflow.
        Rows rows = (groupPatterns ? LevelPatterns.of(pairs, start) : Optional.<LevelPatterns>empty())
                .map(patterns -> new Rows(patterns.levels, patterns.counts, patterns.size))
                .orElseGet(() -> new Rows(pairs.levels(), null, pairs.pairCount()));
        double maxChange = Double.POSITIVE_INFINITY;
        int iteration = 0;
        while (iteration < settings.maxIterations() && !(maxChange < settings.tolerance())) {
            ModelParameters current = start.withM(m).withLambda(lambda);
            double sumPosterior = expect(new MatchWeights(current), rows, cc, active, layout, counts);
            double newLambda = clamp(sumPosterior / pairs.pairCount());
            maxChange = Math.abs(newLambda - lambda);
            lambda = newLambda;
            for (int c : active) {
                maxChange = Math.max(maxChange, maximise(c, m[c], counts, layout.offset[c]));
            }
            iteration++;
        }
        boolean converged = maxChange < settings.tolerance();
        if (!converged) {
            warnings.add(String.format("did not converge in %d iterations: largest parameter change %.3g >= %.3g",
                    iteration, maxChange, settings.tolerance()));
        }
        reportUnseen(active, start, counts, layout, warnings);
        return new EmResult(m, lambda, iteration, converged, fixed, warnings);
    }

    /** Rows to run EM over: level rows, and how many pairs each stands for ({@code null} = one each). */
    private record Rows(byte[] levels, double[] multiplicity, int count) {
    }

    /** E-step, plus the posterior-weighted level counts the M-step needs. Returns Σ posterior over pairs. */
    private double expect(MatchWeights weights, Rows rows, int cc, int[] active, LevelLayout layout,
            double[] counts) {
        int chunks = PairRanges.chunkCount(rows.count());
        double[][] chunkCounts = new double[chunks][layout.total];
        double[] chunkPosterior = new double[chunks];
        byte[] levels = rows.levels();
        double[] multiplicity = rows.multiplicity();
        double[] table = weights.log2BayesFactor;
        double prior = weights.priorWeight();
        int[] offset = layout.offset;
        PairRanges.forEachChunk(pool, rows.count(), (k, from, to) -> {
            double[] acc = chunkCounts[k];
            double sum = 0;
            for (int p = from; p < to; p++) {
                int base = p * cc;
                double w = prior;
                for (int c : active) {
                    w += table[(c << 8) | (levels[base + c] & 0xFF)];
                }
                double post = clamp(MatchWeights.probability(w));
                if (multiplicity != null) {
                    post *= multiplicity[p];
                }
                sum += post;
                for (int c : active) {
                    acc[offset[c] + (levels[base + c] & 0xFF)] += post;
                }
            }
            chunkPosterior[k] = sum;
        });
        java.util.Arrays.fill(counts, 0);
        double total = 0;
        for (int k = 0; k < chunks; k++) {
            total += chunkPosterior[k];
            for (int i = 0; i < counts.length; i++) {
                counts[i] += chunkCounts[k][i];
            }
        }
        return total;
    }

    /** M-step for one comparison, in place. Returns the largest change of its m. */
    private static double maximise(int c, double[] mc, double[] counts, int offset) {
        double denominator = 0;
        double unseenMass = 0;
        for (int l = 1; l < mc.length; l++) {
            denominator += counts[offset + l];
            if (counts[offset + l] == 0) {
                unseenMass += mc[l];
            }
        }
        if (!(denominator > 0)) {
            return 0; // every pair null for this comparison: keep previous m (reported by reportUnseen)
        }
        double mass = Math.max(1 - unseenMass, M_MIN);
        double change = 0;
        for (int l = 1; l < mc.length; l++) {
            if (counts[offset + l] == 0) {
                continue;
            }
            double next = Math.min(1, Math.max(M_MIN, mass * counts[offset + l] / denominator));
            change = Math.max(change, Math.abs(next - mc[l]));
            mc[l] = next;
        }
        return change;
    }

    private static void reportUnseen(int[] active, ModelParameters start, double[] counts, LevelLayout layout,
            List<String> warnings) {
        for (int c : active) {
            int seen = 0;
            for (int l = 1; l < start.levelCount(c); l++) {
                if (counts[layout.offset[c] + l] > 0) {
                    seen++;
                }
            }
            if (seen == 0) {
                warnings.add("comparison " + c + ": every pair in this pass is null; m kept from the start");
                continue;
            }
            for (int l = 1; l < start.levelCount(c); l++) {
                if (counts[layout.offset[c] + l] == 0) {
                    warnings.add("comparison " + c + " level " + l + ": never observed in this pass; m kept at "
                            + start.m(c, l) + " and the other levels share the rest");
                }
            }
        }
    }

    private static void requireKnownLevels(ComparisonVectors pairs, ModelParameters model) {
        int cc = model.comparisonCount();
        byte[] levels = pairs.levels();
        for (int i = 0; i < levels.length; i++) {
            int c = i % cc;
            if ((levels[i] & 0xFF) >= model.levelCount(c)) {
                throw new IllegalArgumentException("pair " + i / cc + " comparison " + c + " has level "
                        + (levels[i] & 0xFF) + " but the model defines " + model.levelCount(c));
            }
        }
    }

    private static int[] activeComparisons(boolean[] fixed) {
        int n = 0;
        for (boolean f : fixed) {
            n += f ? 0 : 1;
        }
        int[] active = new int[n];
        for (int c = 0, k = 0; c < fixed.length; c++) {
            if (!fixed[c]) {
                active[k++] = c;
            }
        }
        return active;
    }

    static double clamp(double p) {
        return Math.min(P_MAX, Math.max(P_MIN, p));
    }

    /** Flat offsets of each comparison's levels in one counts array. */
    private static final class LevelLayout {
        final int[] offset;
        final int total;

        LevelLayout(ModelParameters p) {
            offset = new int[p.comparisonCount()];
            int t = 0;
            for (int c = 0; c < offset.length; c++) {
                offset[c] = t;
                t += p.levelCount(c);
            }
            total = t;
        }
    }
}
