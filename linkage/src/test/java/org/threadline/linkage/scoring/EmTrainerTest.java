package org.threadline.linkage.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmTrainerTest {

    static final double[][] TRUE_M = {{1, 0.05, 0.15, 0.80}, {1, 0.10, 0.90}, {1, 0.05, 0.10, 0.25, 0.60},
        {1, 0.30, 0.70}};
    static final double[][] TRUE_U = {{1, 0.85, 0.10, 0.05}, {1, 0.80, 0.20}, {1, 0.70, 0.20, 0.07, 0.03},
        {1, 0.60, 0.40}};
    static final double TRUE_LAMBDA = 0.15;
    /** Flat starting m, as defaults would be before training. */
    static final double[][] START_M = {{1, 0.2, 0.3, 0.5}, {1, 0.4, 0.6}, {1, 0.1, 0.2, 0.3, 0.4}, {1, 0.4, 0.6}};

    private static ForkJoinPool pool;

    @BeforeAll
    static void startPool() {
        pool = new ForkJoinPool(2);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdown();
    }

    static ModelParameters start() {
        return ModelParameters.of(START_M, TRUE_U, 0.4);
    }

    static EmTrainer trainer() {
        return new EmTrainer(new EmTrainer.Settings(200, 1e-6), pool);
    }

    @Test
    void em_recovers_known_m_and_lambda_from_synthetic_pairs() {
        ComparisonVectors pairs = SyntheticPairs.draw(new SplittableRandom(42), 200_000, TRUE_M, TRUE_U, TRUE_LAMBDA,
                0.05);

        EmResult result = trainer().train(pairs, start(), Set.of());

        assertThat(result.converged()).as(result.warnings().toString()).isTrue();
        assertThat(result.warnings()).isEmpty();
        assertMatches(result.m(), TRUE_M, 0.02, Set.of());
        assertThat(result.lambdaInPass()).isCloseTo(TRUE_LAMBDA, within(0.01));
    }

    @Test
    void a_comparison_fixed_in_the_pass_keeps_its_m_while_the_others_are_learned() {
        ComparisonVectors pairs = SyntheticPairs.draw(new SplittableRandom(43), 200_000, TRUE_M, TRUE_U, TRUE_LAMBDA,
                0.05);

        EmResult result = trainer().train(pairs, start(), Set.of(0));

        assertThat(result.m()[0]).containsExactly(START_M[0]);
        assertThat(result.isFixed(0)).isTrue();
        assertMatches(result.m(), TRUE_M, 0.03, Set.of(0));
    }

    @Test
    void em_result_does_not_depend_on_the_number_of_threads() {
        ComparisonVectors pairs = SyntheticPairs.draw(new SplittableRandom(44), 150_000, TRUE_M, TRUE_U, TRUE_LAMBDA,
                0.05);
        ForkJoinPool single = new ForkJoinPool(1);
        try {
            EmResult one = new EmTrainer(EmTrainer.Settings.defaults(), single).train(pairs, start(), Set.of());
            EmResult two = new EmTrainer(EmTrainer.Settings.defaults(), pool).train(pairs, start(), Set.of());
            assertThat(two.m()).isDeepEqualTo(one.m());
            assertThat(two.lambdaInPass()).isEqualTo(one.lambdaInPass());
        } finally {
            single.shutdown();
        }
    }

    @Test
    void grouping_pairs_into_level_patterns_gives_the_same_result_as_pair_by_pair_em() {
        ComparisonVectors pairs = SyntheticPairs.draw(new SplittableRandom(48), 100_000, TRUE_M, TRUE_U, TRUE_LAMBDA,
                0.05);

        EmResult grouped = trainer().train(pairs, start(), Set.of(1));
        EmResult pairByPair = trainer().pairByPair().train(pairs, start(), Set.of(1));

        assertThat(grouped.iterations()).isEqualTo(pairByPair.iterations());
        assertMatches(grouped.m(), pairByPair.m(), 1e-9, Set.of());
        assertThat(grouped.lambdaInPass()).isCloseTo(pairByPair.lambdaInPass(), within(1e-9));
    }

    @Test
    void em_on_zero_pairs_reports_non_convergence_and_keeps_the_starting_m() {
        ComparisonVectors none = ComparisonVectors.of(4, new byte[0], new int[0], new int[0]);

        EmResult result = trainer().train(none, start(), Set.of());

        assertThat(result.converged()).isFalse();
        assertThat(result.iterations()).isZero();
        assertThat(result.m()).isDeepEqualTo(start().m());
        assertThat(result.warnings()).anyMatch(w -> w.contains("no pairs"));
        assertNoNaN(result);
    }

    @Test
    void em_on_a_single_pair_produces_finite_probabilities() {
        ComparisonVectors one = ComparisonVectors.of(4, new byte[] {3, 2, 4, 0}, new int[] {0}, new int[] {1});

        EmResult result = trainer().train(one, start(), Set.of());

        assertNoNaN(result);
        assertThat(result.lambdaInPass()).isBetween(EmTrainer.P_MIN, EmTrainer.P_MAX);
        assertThat(result.warnings()).anyMatch(w -> w.contains("comparison 3: every pair in this pass is null"));
        assertThat(result.m()[3]).containsExactly(START_M[3]);
    }

    @Test
    void em_on_identical_pairs_converges_or_says_it_did_not_without_nan() {
        byte[] levels = new byte[4 * 5000];
        for (int p = 0; p < 5000; p++) {
            System.arraycopy(new byte[] {3, 2, 4, 2}, 0, levels, p * 4, 4);
        }
        ComparisonVectors same = ComparisonVectors.of(4, levels, new int[5000], new int[5000]);

        EmResult result = trainer().train(same, start(), Set.of());

        assertNoNaN(result);
        assertThat(result.converged() || result.warnings().stream().anyMatch(w -> w.contains("did not converge")))
                .isTrue();
        // Only the top levels were seen: the unseen levels keep their m, so the seen one keeps the rest of the mass.
        assertThat(result.m()[0]).containsExactly(START_M[0]);
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("comparison 0 level 1: never observed"));
    }

    @Test
    void a_level_never_observed_keeps_its_previous_m_and_a_warning_says_so() {
        ComparisonVectors pairs = SyntheticPairs.draw(new SplittableRandom(45), 50_000, TRUE_M, TRUE_U, TRUE_LAMBDA,
                0.0);
        byte[] levels = pairs.levels();
        for (int p = 0; p < pairs.pairCount(); p++) {
            if (levels[p * 4 + 2] == 2) {
                levels[p * 4 + 2] = 1; // comparison 2 never shows level 2
            }
        }

        EmResult result = trainer().train(pairs, start(), Set.of());

        assertNoNaN(result);
        assertThat(result.m(2, 2)).isEqualTo(START_M[2][2]);
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("comparison 2 level 2: never observed"));
        double sum = 0;
        for (int l = 1; l < 5; l++) {
            sum += result.m(2, l);
        }
        assertThat(sum).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void running_out_of_iterations_is_reported_as_non_convergence() {
        ComparisonVectors pairs = SyntheticPairs.draw(new SplittableRandom(46), 20_000, TRUE_M, TRUE_U, TRUE_LAMBDA,
                0.05);

        EmResult result = new EmTrainer(new EmTrainer.Settings(2, 1e-9), pool).train(pairs, start(), Set.of());

        assertThat(result.converged()).isFalse();
        assertThat(result.iterations()).isEqualTo(2);
        assertThat(result.warnings()).anyMatch(w -> w.contains("did not converge in 2 iterations"));
        assertNoNaN(result);
    }

    @Test
    void every_comparison_fixed_learns_no_m_and_says_so() {
        ComparisonVectors pairs = SyntheticPairs.draw(new SplittableRandom(47), 1000, TRUE_M, TRUE_U, TRUE_LAMBDA,
                0.05);

        EmResult result = trainer().train(pairs, start(), Set.of(0, 1, 2, 3));

        assertThat(result.m()).isDeepEqualTo(start().m());
        assertThat(result.warnings()).anyMatch(w -> w.contains("every comparison is fixed"));
        assertNoNaN(result);
    }

    static void assertMatches(double[][] actual, double[][] expected, double tolerance, Set<Integer> skip) {
        for (int c = 0; c < expected.length; c++) {
            if (skip.contains(c)) {
                continue;
            }
            for (int l = 1; l < expected[c].length; l++) {
                assertThat(actual[c][l]).as("m[%d][%d]", c, l).isCloseTo(expected[c][l], within(tolerance));
            }
        }
    }

    static void assertNoNaN(EmResult result) {
        assertThat(Double.isFinite(result.lambdaInPass())).isTrue();
        for (double[] row : result.m()) {
            for (double v : row) {
                assertThat(v).isFinite().isPositive().isLessThanOrEqualTo(1.0);
            }
        }
    }
}
