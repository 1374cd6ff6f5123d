package org.threadline.linkage.clustering;

import java.util.List;

/**
 * A multi-record cluster and what the fracture check found.
 *
 * @param clusterId the smallest record index in the cluster
 * @param size      number of records
 * @param state     {@link ClusterState#NEEDS_ATTENTION} when any reason was found
 * @param reasons   one per broken pair, ordered by (left, right, weight)
 */
public record ClusterAssessment(int clusterId, int size, ClusterState state, List<ClusterReason> reasons) {

    public ClusterAssessment {
        reasons = List.copyOf(reasons);
    }
}
