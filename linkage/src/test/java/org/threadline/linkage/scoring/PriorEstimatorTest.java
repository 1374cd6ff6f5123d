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
}
