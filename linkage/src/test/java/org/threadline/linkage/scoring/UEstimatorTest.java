package org.threadline.linkage.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UEstimatorTest {

    static final double[][] U = {{1, 0.9, 0.09, 0.01}, {1, 0.7, 0.3}};
    static final int[] LEVELS = {4, 2 + 1};

    /** Random pairs are non-matches: levels follow u (λ = 0), with 10% nulls. */
    static final UEstimator.RandomPairSampler SAMPLER =
            (random, n) -> SyntheticPairs.draw(random, n, U, U, 0.0, 0.1);

    @Test
    void u_is_recovered_from_randomly_sampled_pairs() {
        UEstimator.UEstimate estimate = new UEstimator(SAMPLER).estimate(new SplittableRandom(1), 200_000, LEVELS);

        assertThat(estimate.pairsSampled()).isEqualTo(200_000);
        for (int c = 0; c < U.length; c++) {
            for (int l = 1; l < U[c].length; l++) {
                assertThat(estimate.u()[c][l]).as("u[%d][%d]", c, l).isCloseTo(U[c][l], within(0.005));
            }
        }
        long nulls = estimate.counts()[0][0];
        assertThat(nulls).isBetween(19_000L, 21_000L);
    }

    @Test
    void the_same_seed_gives_the_same_u() {
        UEstimator estimator = new UEstimator(SAMPLER);
        assertThat(estimator.estimate(new SplittableRandom(9), 10_000, LEVELS).u())
                .isDeepEqualTo(estimator.estimate(new SplittableRandom(9), 10_000, LEVELS).u());
    }

    @Test
    void a_level_never_sampled_gets_a_small_positive_u_from_smoothing_and_a_warning() {
        long[][] counts = {{5, 98, 2, 0}};

        UEstimator.UEstimate estimate = UEstimator.fromCounts(counts, 105);

        // (count + 1) / (100 non-null + 3 levels)
        assertThat(estimate.u()[0]).containsExactly(new double[] {1, 99.0 / 103, 3.0 / 103, 1.0 / 103},
                within(1e-15));
        assertThat(estimate.warnings()).containsExactly(
                "comparison 0 level 3: never seen in 100 non-null sampled pairs; u comes from smoothing alone");
    }

    @Test
    void a_comparison_always_null_in_the_sample_gets_uniform_u_and_a_warning() {
        UEstimator.UEstimate estimate = UEstimator.fromCounts(new long[][] {{50, 0, 0}}, 50);

        assertThat(estimate.u()[0]).containsExactly(1, 0.5, 0.5);
        assertThat(estimate.warnings()).anyMatch(w -> w.contains("every sampled pair was null"));
    }
}
