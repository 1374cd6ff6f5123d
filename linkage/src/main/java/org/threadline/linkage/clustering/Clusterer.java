package org.threadline.linkage.clustering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns scored pairs into clusters, without chaining strangers together.
 *
 * <ol>
 *   <li>Join ({@link GuardedJoin}, ADR 0022): pairs with {@code weight >= join}, strongest first, each joining two
 *       clusters unless that would put into one cluster two records that must stay apart — a pair scored below
 *       {@code fracture}, or a reviewer's "not link" ({@link ClusterConstraints}). A reviewer's "link" is joined
 *       first and outranks the model's scores, not a reviewer's "not link". A refused join goes to review.</li>
 *   <li>Label: each cluster's id is its smallest record index, so ids do not depend on pair order.</li>
 *   <li>Fracture check: every scored pair whose two records ended in the same cluster and whose weight is below
 *       {@code fracture} is a {@code BROKEN_CLUSTER} reason; a cluster with any reason {@code NEEDS_ATTENTION}. With
 *       the guarded join only a reviewer's "link" can cause one.</li>
 *   <li>Review band: pairs with {@code reviewLow <= weight < join}, and the pairs whose join was refused.</li>
 * </ol>
 *
 * Memory: a few int arrays per record and two ints per pair below the fracture threshold, so a few million records
 * and tens of millions of pairs fit comfortably. A pair scored twice yields one reason or review entry per distinct
 * weight.
 */
public final class Clusterer {

    private static final Comparator<ClusterReason> REASON_ORDER = Comparator.comparingInt(ClusterReason::left)
            .thenComparingInt(ClusterReason::right).thenComparingDouble(ClusterReason::weight);
    private static final Comparator<ReviewPair> REVIEW_ORDER = Comparator.comparingInt(ReviewPair::left)
            .thenComparingInt(ReviewPair::right).thenComparingDouble(ReviewPair::weight);

    private final ClusteringThresholds thresholds;

    public Clusterer(ClusteringThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * @param recordCount records are {@code 0..recordCount-1}
     * @param left        first record of each scored pair
     * @param right       second record of each scored pair
     * @param weights     match weight of each pair (not NaN)
     */
    public Clustering cluster(int recordCount, int[] left, int[] right, double[] weights) {
        return cluster(recordCount, left, right, weights, ClusterConstraints.NONE);
    }

    /** The same, with human decisions that override the model. */
    public Clustering cluster(int recordCount, int[] left, int[] right, double[] weights,
                              ClusterConstraints constraints) {
        validate(recordCount, left, right, weights);
        GuardedJoin.Result joined = GuardedJoin.join(recordCount, left, right, weights, thresholds.join(),
                thresholds.fracture(), constraints);
        int[] ids = joined.sets().smallestMemberLabels();
        Map<Integer, List<ClusterReason>> reasons = new HashMap<>();
        List<ReviewPair> review = new ArrayList<>();
        for (int p = 0; p < left.length; p++) {
            double w = weights[p];
            int a = Math.min(left[p], right[p]);
            int b = Math.max(left[p], right[p]);
            if (w < thresholds.fracture() && a != b && ids[a] == ids[b]) {
                reasons.computeIfAbsent(ids[a], k -> new ArrayList<>())
                        .add(ClusterReason.broken(a, b, w, thresholds.fracture()));
            }
            if (w >= thresholds.reviewLow() && w < thresholds.join()) {
                review.add(new ReviewPair(a, b, w));
            }
        }
        for (int p : joined.refused()) {
            review.add(new ReviewPair(Math.min(left[p], right[p]), Math.max(left[p], right[p]), weights[p]));
        }
        review.sort(REVIEW_ORDER);
        return new Clustering(ids, assess(ids, reasons), distinct(review));
    }

    private static List<ClusterAssessment> assess(int[] ids, Map<Integer, List<ClusterReason>> reasons) {
        int[] size = new int[ids.length];
        for (int id : ids) {
            size[id]++;
        }
        List<ClusterAssessment> clusters = new ArrayList<>();
        for (int id = 0; id < ids.length; id++) {
            if (size[id] > 1) {
                List<ClusterReason> found = reasons.getOrDefault(id, List.of());
                List<ClusterReason> sorted = new ArrayList<>(found);
                sorted.sort(REASON_ORDER);
                List<ClusterReason> unique = distinct(sorted);
                clusters.add(new ClusterAssessment(id, size[id],
                        unique.isEmpty() ? ClusterState.ACTIVE : ClusterState.NEEDS_ATTENTION, unique));
            }
        }
        return clusters;
    }

    private static <T> List<T> distinct(List<T> sorted) {
        List<T> out = new ArrayList<>(sorted.size());
        for (T t : sorted) {
            if (out.isEmpty() || !out.get(out.size() - 1).equals(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private static void validate(int recordCount, int[] left, int[] right, double[] weights) {
        if (recordCount < 0 || left.length != right.length || left.length != weights.length) {
            throw new IllegalArgumentException("need recordCount >= 0 and left, right, weights of equal length; got "
                    + recordCount + ", " + left.length + ", " + right.length + ", " + weights.length);
        }
        for (int p = 0; p < left.length; p++) {
            if (left[p] < 0 || left[p] >= recordCount || right[p] < 0 || right[p] >= recordCount) {
                throw new IllegalArgumentException("pair " + p + " (" + left[p] + ", " + right[p]
                        + ") names a record outside 0.." + (recordCount - 1));
            }
            if (Double.isNaN(weights[p])) {
                throw new IllegalArgumentException("pair " + p + " has a NaN weight");
            }
        }
    }
}
