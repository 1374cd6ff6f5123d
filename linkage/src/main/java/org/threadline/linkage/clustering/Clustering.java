package org.threadline.linkage.clustering;

import java.util.Arrays;
import java.util.List;

/**
 * The outcome of clustering: a cluster id per record, the assessment of every multi-record cluster, and the pairs
 * sent to review. Singletons are not listed; they are {@link ClusterState#ACTIVE} by definition.
 *
 * @param clusterIds  {@code clusterIds[r]}: the smallest record index in record r's cluster
 * @param clusters    multi-record clusters, ordered by cluster id
 * @param reviewPairs pairs in the review band, ordered by (left, right, weight)
 */
public record Clustering(int[] clusterIds, List<ClusterAssessment> clusters, List<ReviewPair> reviewPairs) {

    public Clustering {
        clusters = List.copyOf(clusters);
        reviewPairs = List.copyOf(reviewPairs);
    }

    /** The cluster id array itself (not copied: it may hold millions of entries); do not mutate it. */
    @Override
    public int[] clusterIds() {
        return clusterIds;
    }

    public int clusterOf(int record) {
        return clusterIds[record];
    }

    /** State of a cluster; a singleton, or an id that is not a cluster id, is ACTIVE. */
    public ClusterState state(int clusterId) {
        int i = indexOf(clusterId);
        return i < 0 ? ClusterState.ACTIVE : clusters.get(i).state();
    }

    /** Reasons recorded for a cluster (empty for ACTIVE clusters). */
    public List<ClusterReason> reasons(int clusterId) {
        int i = indexOf(clusterId);
        return i < 0 ? List.of() : clusters.get(i).reasons();
    }

    public List<ClusterAssessment> needingAttention() {
        return clusters.stream().filter(c -> c.state() == ClusterState.NEEDS_ATTENTION).toList();
    }

    private int indexOf(int clusterId) {
        int lo = 0;
        int hi = clusters.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int id = clusters.get(mid).clusterId();
            if (id < clusterId) {
                lo = mid + 1;
            } else if (id > clusterId) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Clustering c && Arrays.equals(clusterIds, c.clusterIds) && clusters.equals(c.clusters)
                && reviewPairs.equals(c.reviewPairs);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(clusterIds) + clusters.hashCode()) + reviewPairs.hashCode();
    }

    @Override
    public String toString() {
        return "Clustering[records=" + clusterIds.length + ", multiRecordClusters=" + clusters.size()
                + ", needingAttention=" + needingAttention().size() + ", reviewPairs=" + reviewPairs.size() + "]";
    }
}
