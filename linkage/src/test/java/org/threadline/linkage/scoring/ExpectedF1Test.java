package org.threadline.linkage.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExpectedF1Test {

    @Test
    void certain_matches_and_certain_non_matches_are_split_between_them() {
        double[] weights = {30, 25, 20, -20, -25, -30};

        ExpectedF1.Choice choice = ExpectedF1.bestThreshold(weights, 3);

        assertThat(choice.threshold()).isEqualTo(20);
        assertThat(choice.expectedF1()).isCloseTo(1, within(1e-5));
    }

    @Test
    void a_pair_the_model_thinks_more_likely_a_match_than_not_is_taken_when_the_rest_is_certain() {
        // With everything else certain, adding a pair of probability p raises expected F1 when p > F1 / 2 = ½.
        assertThat(ExpectedF1.bestThreshold(new double[] {30, 30, 0.5, -30}, 3).threshold()).isEqualTo(0.5);
        assertThat(ExpectedF1.bestThreshold(new double[] {30, 30, -0.5, -30}, 3).threshold()).isEqualTo(30);
    }

    @Test
    void the_threshold_is_the_best_of_every_cut_computed_directly() {
        SplittableRandom random = new SplittableRandom(23);
        for (int trial = 0; trial < 100; trial++) {
            double[] weights = new double[1 + random.nextInt(300)];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = Math.round(random.nextDouble(-20, 20)) + (random.nextBoolean() ? 0 : 0.5);
            }
            double bestDirect = 0;
            for (double t : weights) {
                double tp = 0;
                double n = 0;
                double m = 0;
                for (double w : weights) {
                    m += MatchWeights.probability(w);
                    if (w >= t) {
                        tp += MatchWeights.probability(w);
                        n++;
                    }
                }
                bestDirect = Math.max(bestDirect, 2 * tp / (n + m));
            }
            ExpectedF1.Choice choice = ExpectedF1.bestThreshold(weights, 3);
            assertThat(choice.expectedF1()).as("seed 23 trial " + trial).isCloseTo(bestDirect, within(1e-9));
        }
    }

    @Test
    void no_pairs_keep_the_fallback_and_nan_is_refused() {
        assertThat(ExpectedF1.bestThreshold(new double[0], 3)).isEqualTo(new ExpectedF1.Choice(3, 0));
        assertThatThrownBy(() -> ExpectedF1.bestThreshold(new double[] {Double.NaN}, 3)).hasMessageContaining("NaN");
    }
}
