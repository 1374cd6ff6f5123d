package org.threadline.linkage.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {
    // Records 0,1,2 are entity 10; 3,4 entity 20; 5 entity 30.
    private static final int[] TRUTH = {10, 10, 10, 20, 20, 30};
    private static final int[] SOURCES = {0, 0, 0, 0, 0, 0};

    @Test
    void pairwise_metrics_count_unblocked_true_pairs_as_missed() {
        int[] left = {0, 1, 3, 2};
        int[] right = {1, 2, 4, 5};
        double[] weights = {10, 8, -2, 9};

        PairwiseMetrics m = PairwiseMetrics.at(5, left, right, weights, TRUTH, SOURCES, false);

        // True pairs: 3 in entity 10, 1 in entity 20 = 4. Predicted: (0,1) (1,2) true, (2,5) false.
        assertThat(m.truePositives()).isEqualTo(2);
        assertThat(m.falsePositives()).isEqualTo(1);
        assertThat(m.falseNegatives()).isEqualTo(2);
        assertThat(m.precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.recall()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void the_best_threshold_is_the_one_with_the_highest_f1() {
        int[] left = {0, 1, 3, 2};
        int[] right = {1, 2, 4, 5};
        double[] weights = {10, 8, 7, 2};

        PairwiseMetrics best = PairwiseMetrics.best(left, right, weights, TRUTH, SOURCES, false);

        assertThat(best.threshold()).isEqualTo(7);
        assertThat(best.truePositives()).isEqualTo(3);
        assertThat(best.falsePositives()).isZero();
    }

    @Test
    void linking_two_sources_counts_only_cross_source_true_pairs() {
        int[] truth = {1, 1, 1, 2};
        int[] sources = {0, 0, 1, 1};

        assertThat(PairwiseMetrics.truePairs(truth, sources, true)).isEqualTo(2);
        assertThat(PairwiseMetrics.truePairs(truth, sources, false)).isEqualTo(3);
    }

    @Test
    void perfect_clusters_score_one_and_none_is_over_merged() {
        ClusterMetrics m = ClusterMetrics.of(new int[] {0, 0, 0, 3, 3, 5}, TRUTH);

        assertThat(m.bCubedPrecision()).isEqualTo(1.0);
        assertThat(m.bCubedRecall()).isEqualTo(1.0);
        assertThat(m.overMerged()).isZero();
        assertThat(m.impliedPairs().f1()).isEqualTo(1.0);
    }

    @Test
    void merging_two_people_is_counted_as_an_over_merged_cluster() {
        ClusterMetrics m = ClusterMetrics.of(new int[] {0, 0, 0, 0, 0, 5}, TRUTH);

        assertThat(m.overMerged()).isOne();
        assertThat(m.bCubedRecall()).isEqualTo(1.0);
        // Records 0-2: 3/5 each; records 3-4: 2/5 each; record 5: 1.
        assertThat(m.bCubedPrecision()).isCloseTo((3 * 0.6 + 2 * 0.4 + 1) / 6, within(1e-12));
        assertThat(m.impliedPairs().falsePositives()).isEqualTo(6);
    }
}
