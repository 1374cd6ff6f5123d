package org.threadline.linkage.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClusterConstraintsTest {

    static final Clusterer CLUSTERER = new Clusterer(new ClusteringThresholds(10, 0, 4));

    static ClusterConstraints mustLink(int a, int b) {
        return new ClusterConstraints(new int[] {a}, new int[] {b}, new int[0], new int[0]);
    }

    static ClusterConstraints cannotLink(int a, int b) {
        return new ClusterConstraints(new int[0], new int[0], new int[] {a}, new int[] {b});
    }

    @Test
    void a_reviewers_link_joins_records_the_model_left_apart() {
        Clustering result = CLUSTERER.cluster(3, new int[] {0}, new int[] {1}, new double[] {5}, mustLink(0, 2));

        assertThat(result.clusterIds()).containsExactly(0, 1, 0);
    }

    @Test
    void a_reviewers_not_link_separates_a_pair_the_model_would_join() {
        Clustering result = CLUSTERER.cluster(2, new int[] {0}, new int[] {1}, new double[] {25}, cannotLink(0, 1));

        assertThat(result.clusterIds()).containsExactly(0, 1);
    }

    @Test
    void a_not_link_also_stops_a_chain_through_a_third_record_keeping_the_stronger_join() {
        // A=0 ~ B=1 strongly, B ~ C=2 more weakly; a reviewer said A and C are different people.
        Clustering result = CLUSTERER.cluster(3, new int[] {0, 1}, new int[] {1, 2}, new double[] {30, 12},
                cannotLink(0, 2));

        assertThat(result.clusterIds()).containsExactly(0, 0, 2);
    }

    @Test
    void when_link_and_not_link_decisions_conflict_the_not_link_wins() {
        ClusterConstraints both = new ClusterConstraints(new int[] {0, 1}, new int[] {1, 2}, new int[] {0},
                new int[] {2});

        Clustering result = CLUSTERER.cluster(3, new int[0], new int[0], new double[0], both);

        assertThat(result.clusterOf(0)).isNotEqualTo(result.clusterOf(2));
    }

    @Test
    void no_cluster_ever_holds_a_cannot_link_pair_whatever_the_pairs() {
        SplittableRandom random = new SplittableRandom(77);
        for (int trial = 0; trial < 200; trial++) {
            int n = 40;
            int pairs = 120;
            int[] l = new int[pairs];
            int[] r = new int[pairs];
            double[] w = new double[pairs];
            for (int p = 0; p < pairs; p++) {
                l[p] = random.nextInt(n);
                r[p] = random.nextInt(n);
                w[p] = random.nextDouble(-10, 30);
            }
            int[] cl = {random.nextInt(n), random.nextInt(n), random.nextInt(n)};
            int[] cr = {random.nextInt(n), random.nextInt(n), random.nextInt(n)};
            Clustering result = CLUSTERER.cluster(n, l, r, w, new ClusterConstraints(new int[0], new int[0], cl, cr));
            for (int c = 0; c < cl.length; c++) {
                if (cl[c] != cr[c]) {
                    assertThat(result.clusterOf(cl[c])).as("trial %d seed 77, cannot-link %d-%d", trial, cl[c], cr[c])
                            .isNotEqualTo(result.clusterOf(cr[c]));
                }
            }
        }
    }

    @Test
    void a_decision_naming_an_unknown_record_is_refused() {
        assertThatThrownBy(() -> CLUSTERER.cluster(2, new int[0], new int[0], new double[0], cannotLink(0, 5)))
                .hasMessageContaining("record 5, outside 0..1");
    }
}
