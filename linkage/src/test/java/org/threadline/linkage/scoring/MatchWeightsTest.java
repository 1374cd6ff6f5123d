package org.threadline.linkage.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MatchWeightsTest {

    /** Two comparisons; weights chosen to be whole bits: prior -2, exact +3 / +2, else -2 / -2. */
    static ModelParameters handChecked() {
        double[][] m = {{1, 0.2, 0.8}, {1, 0.1, 0.4, 0.5}};
        double[][] u = {{1, 0.8, 0.1}, {1, 0.4, 0.475, 0.125}};
        boolean[][] tf = {{false, false, false}, {false, false, false, true}};
        return new ModelParameters(m, u, tf, 0.2);
    }

    @Test
    void match_weights_equal_the_hand_checked_numbers() {
        MatchWeights w = new MatchWeights(handChecked());
        byte[] levels = {2, 3, /**/ 0, 1, /**/ 1, 3};
        double nan = Double.NaN;
        ComparisonVectors v = ComparisonVectors.of(2, levels, new int[] {0, 1, 2}, new int[] {3, 4, 5})
                .withTermFrequencies(new double[] {nan, nan, nan, nan, nan, 1.0 / 64});

        assertThat(w.priorWeight()).isCloseTo(-2, within(1e-12));
        assertThat(w.log2BayesFactor(0, 2)).isCloseTo(3, within(1e-12));
        assertThat(w.log2BayesFactor(1, 3)).isCloseTo(2, within(1e-12));
        assertThat(w.log2BayesFactor(1, 0)).isZero();
        // exact + exact: -2 + 3 + 2
        assertThat(w.weight(v, 0)).isCloseTo(3, within(1e-12));
        assertThat(MatchWeights.probability(3)).isCloseTo(8.0 / 9, within(1e-15));
        // null + else: -2 + 0 - 2
        assertThat(w.weight(v, 1)).isCloseTo(-4, within(1e-12));
        assertThat(MatchWeights.probability(-4)).isCloseTo(1.0 / 17, within(1e-15));
        // else + exact with tf 1/64: -2 - 2 + log2(0.5 * 64)
        assertThat(w.weight(v, 2)).isCloseTo(1, within(1e-12));
    }

    @Test
    void a_term_frequency_is_ignored_at_a_level_not_flagged_for_it() {
        MatchWeights w = new MatchWeights(handChecked());
        assertThat(w.contribution(0, 2, 0.001)).isCloseTo(3, within(1e-12));
        assertThat(w.isTfAdjusted(0, 2, 0.001)).isFalse();
        assertThat(w.isTfAdjusted(1, 3, 0.001)).isTrue();
    }

    @Test
    void probability_is_stable_at_plus_and_minus_1000() {
        assertThat(MatchWeights.probability(1000)).isEqualTo(1.0);
        assertThat(MatchWeights.probability(-1000)).isPositive().isCloseTo(Math.pow(2, -1000), within(1e-310));
        assertThat(MatchWeights.probability(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(MatchWeights.probability(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(MatchWeights.probability(0)).isEqualTo(0.5);
        for (double w = -1100; w <= 1100; w += 0.5) {
            assertThat(MatchWeights.probability(w)).isBetween(0.0, 1.0);
        }
    }

    @Test
    void weights_rise_monotonically_as_more_comparisons_agree() {
        SplittableRandom random = new SplittableRandom(20260101L);
        for (int trial = 0; trial < 200; trial++) {
            ModelParameters model = SyntheticPairs.ladder(random, 1 + random.nextInt(6), 0.001 + random.nextDouble()
                    * 0.5);
            MatchWeights w = new MatchWeights(model);
            int cc = model.comparisonCount();
            // Start every comparison at its lowest non-null level, raise them one at a time to the top.
            byte[] levels = new byte[cc];
            java.util.Arrays.fill(levels, (byte) 1);
            double previous = weightOf(w, levels);
            for (int c = 0; c < cc; c++) {
                while ((levels[c] & 0xFF) < model.levelCount(c) - 1) {
                    levels[c]++;
                    double now = weightOf(w, levels);
                    assertThat(now).as("trial %d comparison %d level %d", trial, c, levels[c]).isGreaterThan(previous);
                    previous = now;
                }
            }
        }
    }

    @Test
    void invalid_parameters_are_reported_all_at_once() {
        double[][] m = {{1, 0, 0.5}};
        double[][] u = {{1, 0.5, 1.5}};
        assertThatThrownBy(() -> ModelParameters.of(m, u, 1.0))
                .hasMessageContaining("lambda must be in (0, 1)")
                .hasMessageContaining("m[0][1] must be in (0, 1]")
                .hasMessageContaining("u[0][2] must be in (0, 1]");
    }

    @Test
    void parameters_cannot_be_changed_through_the_arrays_they_were_built_from() {
        double[][] m = {{1, 0.2, 0.8}};
        ModelParameters p = ModelParameters.of(m, new double[][] {{1, 0.9, 0.1}}, 0.1);
        m[0][1] = 0.5;
        p.m()[0][2] = 0.3;
        assertThat(p.m(0, 1)).isEqualTo(0.2);
        assertThat(p.m(0, 2)).isEqualTo(0.8);
    }

    private static double weightOf(MatchWeights w, byte[] levels) {
        return w.weight(ComparisonVectors.of(levels.length, levels, new int[] {0}, new int[] {1}), 0);
    }
}
