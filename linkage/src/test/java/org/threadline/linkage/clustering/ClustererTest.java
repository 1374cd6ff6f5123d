package org.threadline.linkage.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClustererTest {

    static final ClusteringThresholds THRESHOLDS = new ClusteringThresholds(10, 0, 4);
    static final Clusterer CLUSTERER = new Clusterer(THRESHOLDS);

    @Test
    void chaining_strangers_through_a_middle_record_is_refused_and_the_weaker_join_goes_to_review() {
        // A=0 and C=2 both look like B=1, but A and C are strangers to each other.
        Clustering result = CLUSTERER.cluster(3, new int[] {0, 1, 0}, new int[] {1, 2, 2},
                new double[] {15, 12, -6.5});

        assertThat(result.clusterIds()).containsExactly(0, 0, 2);
        assertThat(result.needingAttention()).isEmpty();
        assertThat(result.reviewPairs()).containsExactly(new ReviewPair(1, 2, 12));
    }

    @Test
    void two_groups_join_only_when_the_evidence_between_them_says_the_same_person_on_average() {
        // {0,1} and {2,3} are each one person. 1~2 clears join, but 0~2, 0~3 and 1~3 say "different" (below 0,
        // above fracture): on average the groups look like two people, so the 1~2 join is refused and goes to review.
        Clusterer clusterer = new Clusterer(new ClusteringThresholds(10, -8, 4));
        Clustering apart = clusterer.cluster(4, new int[] {0, 2, 1, 0, 0, 1}, new int[] {1, 3, 2, 2, 3, 3},
                new double[] {20, 20, 12, -5, -5, -5});
        assertThat(apart.clusterIds()).containsExactly(0, 0, 2, 2);
        assertThat(apart.reviewPairs()).contains(new ReviewPair(1, 2, 12));

        // The mean (12 - 3 - 3 - 3) / 4 is above 0: taken together the pairs say "the same person" more than not,
        // which is enough although it is far below what one joining pair must reach.
        Clustering joined = clusterer.cluster(4, new int[] {0, 2, 1, 0, 0, 1}, new int[] {1, 3, 2, 2, 3, 3},
                new double[] {20, 20, 12, -3, -3, -3});
        assertThat(joined.clusterIds()).containsExactly(0, 0, 0, 0);
    }

    @Test
    void a_join_threshold_below_zero_is_itself_the_bar_the_mean_between_two_groups_must_clear() {
        // join -2 (derived by training): cross pairs averaging -1 clear it, averaging -2.25 do not.
        Clusterer clusterer = new Clusterer(new ClusteringThresholds(-2, -8, -4));
        Clustering joined = clusterer.cluster(4, new int[] {0, 2, 1, 0, 0, 1}, new int[] {1, 3, 2, 2, 3, 3},
                new double[] {20, 20, 5, -3, -3, -3});
        assertThat(joined.clusterIds()).containsExactly(0, 0, 0, 0);
        Clustering apart = clusterer.cluster(4, new int[] {0, 2, 1, 0, 0, 1}, new int[] {1, 3, 2, 2, 3, 3},
                new double[] {20, 20, 0, -3, -3, -3});
        assertThat(apart.clusterIds()).containsExactly(0, 0, 2, 2);
    }

    @Test
    void two_dense_groups_kept_apart_by_one_pair_below_fracture_stay_two_whatever_the_pairs_between_them() {
        // 300 x 300 strong pairs between two groups that one pair says are different people: every one of the
        // 90,000 joins is refused (once scanned, then remembered while neither group changes).
        int group = 300;
        java.util.List<int[]> pairs = new java.util.ArrayList<>();
        java.util.List<Double> weights = new java.util.ArrayList<>();
        for (int i = 1; i < group; i++) {
            pairs.add(new int[] {0, i});
            weights.add(30.0);
            pairs.add(new int[] {group, group + i});
            weights.add(30.0);
        }
        pairs.add(new int[] {0, group});
        weights.add(-20.0);
        for (int i = 0; i < group; i++) {
            for (int j = 0; j < group; j++) {
                pairs.add(new int[] {i, group + j});
                weights.add(20.0);
            }
        }
        int[] l = pairs.stream().mapToInt(p -> p[0]).toArray();
        int[] r = pairs.stream().mapToInt(p -> p[1]).toArray();
        double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();

        Clustering result = CLUSTERER.cluster(2 * group, l, r, w);

        assertThat(result.clusters()).hasSize(2);
        assertThat(result.clusterOf(group - 1)).isEqualTo(0);
        assertThat(result.clusterOf(2 * group - 1)).isEqualTo(group);
        assertThat(result.reviewPairs()).hasSize(group * group);
    }

    @Test
    void a_reviewers_link_can_still_hold_strangers_and_the_fracture_check_says_so() {
        // The model scored A=0 and C=2 as strangers, but a reviewer linked them: the link outranks the score.
        Clustering result = CLUSTERER.cluster(3, new int[] {0, 0}, new int[] {1, 2}, new double[] {15, -6.5},
                ClusterConstraintsTest.mustLink(0, 2));

        assertThat(result.clusterIds()).containsExactly(0, 0, 0);
        assertThat(result.state(0)).isEqualTo(ClusterState.NEEDS_ATTENTION);
        assertThat(result.reasons(0)).containsExactly(ClusterReason.broken(0, 2, -6.5, 0));
        assertThat(result.reasons(0).get(0).text()).isEqualTo("BROKEN_CLUSTER: records 0 and 2 are in one cluster "
                + "but their pair scored -6.500, below the fracture threshold 0.000");
    }

    @Test
    void no_cluster_built_from_scores_alone_holds_a_pair_scored_below_fracture() {
        SplittableRandom random = new SplittableRandom(91);
        for (int trial = 0; trial < 300; trial++) {
            int n = 30;
            int pairs = 90;
            int[] l = new int[pairs];
            int[] r = new int[pairs];
            double[] w = new double[pairs];
            for (int p = 0; p < pairs; p++) {
                l[p] = random.nextInt(n);
                r[p] = random.nextInt(n);
                w[p] = random.nextDouble(-10, 30);
            }
            Clustering result = CLUSTERER.cluster(n, l, r, w);
            for (int p = 0; p < pairs; p++) {
                if (w[p] < THRESHOLDS.fracture() && l[p] != r[p]) {
                    assertThat(result.clusterOf(l[p])).as("trial %d seed 91, pair %d-%d scored %.2f", trial, l[p],
                            r[p], w[p]).isNotEqualTo(result.clusterOf(r[p]));
                }
                boolean joinedOrReviewed = result.clusterOf(l[p]) == result.clusterOf(r[p])
                        || result.reviewPairs().contains(new ReviewPair(Math.min(l[p], r[p]), Math.max(l[p], r[p]),
                        w[p]));
                if (w[p] >= THRESHOLDS.join()) {
                    assertThat(joinedOrReviewed).as("trial %d seed 91: pair %d above join is joined or reviewed",
                            trial, p).isTrue();
                }
            }
        }
    }

    @Test
    void a_cluster_whose_pairs_all_clear_the_fracture_threshold_is_active() {
        // 0~2 is below join but above fracture, and the pairs between {0,1} and {2} average 10.5, above join.
        Clustering result = CLUSTERER.cluster(4, new int[] {0, 1, 0}, new int[] {1, 2, 2},
                new double[] {15, 12, 9});

        assertThat(result.clusters()).containsExactly(new ClusterAssessment(0, 3, ClusterState.ACTIVE,
                java.util.List.of()));
        assertThat(result.clusterOf(3)).isEqualTo(3);
        assertThat(result.state(3)).isEqualTo(ClusterState.ACTIVE);
        assertThat(result.needingAttention()).isEmpty();
    }

    @Test
    void the_review_band_collects_pairs_between_review_low_and_join() {
        Clustering result = CLUSTERER.cluster(6, new int[] {0, 3, 4, 5}, new int[] {1, 2, 5, 0},
                new double[] {4, 9.99, 10, 3.99});

        assertThat(result.reviewPairs()).containsExactly(new ReviewPair(0, 1, 4), new ReviewPair(2, 3, 9.99));
        assertThat(result.clusterIds()).containsExactly(0, 1, 2, 3, 4, 4);
    }

    @Test
    void cluster_ids_are_the_smallest_record_index_in_each_cluster() {
        Clustering result = CLUSTERER.cluster(7, new int[] {6, 5, 3}, new int[] {2, 6, 4},
                new double[] {20, 20, 20});

        assertThat(result.clusterIds()).containsExactly(0, 1, 2, 3, 3, 2, 2);
    }

    @Test
    void clustering_does_not_depend_on_pair_order_or_direction() {
        SplittableRandom random = new SplittableRandom(2026);
        int records = 5_000;
        int pairs = 20_000;
        int[] left = new int[pairs];
        int[] right = new int[pairs];
        double[] weights = new double[pairs];
        for (int p = 0; p < pairs; p++) {
            left[p] = random.nextInt(records);
            right[p] = random.nextInt(records);
            weights[p] = random.nextDouble(-20, 25);
        }
        Clustering reference = CLUSTERER.cluster(records, left, right, weights);
        assertThat(reference.reviewPairs()).isNotEmpty();
        assertThat(reference.clusters()).isNotEmpty();

        for (int trial = 0; trial < 5; trial++) {
            int[] l = left.clone();
            int[] r = right.clone();
            double[] w = weights.clone();
            for (int i = pairs - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                swap(l, i, j);
                swap(r, i, j);
                double t = w[i];
                w[i] = w[j];
                w[j] = t;
                if (random.nextBoolean()) {
                    int s = l[i];
                    l[i] = r[i];
                    r[i] = s;
                }
            }
            assertThat(CLUSTERER.cluster(records, l, r, w)).isEqualTo(reference);
        }
    }

    @Test
    void with_no_pairs_every_record_is_its_own_active_cluster() {
        Clustering result = CLUSTERER.cluster(3, new int[0], new int[0], new double[0]);

        assertThat(result.clusterIds()).containsExactly(0, 1, 2);
        assertThat(result.clusters()).isEmpty();
    }

    @Test
    void thresholds_out_of_order_are_refused_with_every_reason() {
        assertThatThrownBy(() -> new ClusteringThresholds(5, 6, 7))
                .hasMessageContaining("fracture 6.0 must not exceed join 5.0")
                .hasMessageContaining("reviewLow 7.0 must not exceed join 5.0");
    }

    @Test
    void a_pair_naming_a_record_that_does_not_exist_is_refused() {
        assertThatThrownBy(() -> CLUSTERER.cluster(2, new int[] {0}, new int[] {2}, new double[] {1}))
                .hasMessageContaining("pair 0 (0, 2)");
    }

    @Test
    void a_million_records_in_chains_of_ten_become_a_hundred_thousand_clusters() {
        int records = 1_000_000;
        int[] left = new int[records - 1];
        int[] right = new int[records - 1];
        double[] weights = new double[records - 1];
        for (int i = 0; i < records - 1; i++) {
            left[i] = i;
            right[i] = i + 1;
            weights[i] = i % 10 == 9 ? -5 : 15; // chains of ten
        }
        Clustering result = CLUSTERER.cluster(records, left, right, weights);

        assertThat(result.clusters()).hasSize(100_000);
        assertThat(result.clusterOf(999_999)).isEqualTo(999_990);
        assertThat(result.needingAttention()).isEmpty();
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
