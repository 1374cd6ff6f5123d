package org.threadline.linkage.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PriorEstimatorTest {

    @Test
    void lambda_is_rule_matches_over_recall_over_all_pairs() {
        double total = PriorEstimator.totalPairs(1_000_000);
        assertThat(total).isEqualTo(499_999_500_000.0);

        PriorEstimator.PriorEstimate estimate = PriorEstimator.estimate(400_000, 0.8, total);

        assertThat(estimate.lambda()).isCloseTo(500_000 / 499_999_500_000.0, within(1e-18));
        assertThat(estimate.reasons()).hasSize(1);
    }

    @Test
    void no_rule_matches_is_clamped_to_a_tiny_positive_prior_with_the_reason() {
        PriorEstimator.PriorEstimate estimate = PriorEstimator.estimate(0, 0.9, 1e6);

        assertThat(estimate.lambda()).isEqualTo(1e-10);
        assertThat(estimate.reasons()).anyMatch(r -> r.startsWith("clamped up"));
    }

    @Test
    void more_matches_than_pairs_is_clamped_below_one_with_the_reason() {
        PriorEstimator.PriorEstimate estimate = PriorEstimator.estimate(100, 0.5, 150);

        assertThat(estimate.lambda()).isLessThan(1.0);
        assertThat(estimate.reasons()).anyMatch(r -> r.startsWith("clamped down"));
    }

    @Test
    void a_recall_outside_zero_to_one_is_refused() {
        assertThatThrownBy(() -> PriorEstimator.estimate(10, 0, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void from_scored_pairs_certain_matches_and_certain_non_matches_give_the_matches_over_all_pairs() {
        double[] weights = {40, 40, 40, -40, -40, -40, -40};

        assertThat(PriorEstimator.fromScoredPairs(weights, 1000, 0.01)).isCloseTo(3 / 1000.0, within(1e-9));
        assertThat(PriorEstimator.fromScoredPairs(weights, 1000, 1e-8)).isCloseTo(3 / 1000.0, within(1e-9));
    }

    @Test
    void from_scored_pairs_is_the_fixed_point_of_the_e_step() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int trial = 0; trial < 50; trial++) {
            double[] weights = new double[1 + random.nextInt(2000)];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = Math.round((random.nextDouble() * 60 - 20) * 64) / 64.0; // on the 1/64-bit grid
            }
            double total = weights.length * (1 + random.nextDouble() * 1e4);

            double lambda = PriorEstimator.fromScoredPairs(weights, total, 1e-4);

            double expected = 0;
            for (double w : weights) {
                expected += MatchWeights.probability(w + MatchWeights.weightOf(lambda));
            }
            assertThat(expected / total).as("seed 5 trial " + trial).isCloseTo(lambda, within(lambda * 1e-6));
        }
    }

    @Test
    void from_scored_pairs_with_no_pairs_keeps_the_start_and_refuses_nonsense() {
        assertThat(PriorEstimator.fromScoredPairs(new double[0], 10, 0.2)).isEqualTo(0.2);
        assertThatThrownBy(() -> PriorEstimator.fromScoredPairs(new double[] {1, 2}, 1, 0.1))
                .hasMessageContaining("at least the pairs scored");
        assertThatThrownBy(() -> PriorEstimator.fromScoredPairs(new double[] {Double.NaN}, 10, 0.1))
                .hasMessageContaining("NaN");
    }
}
