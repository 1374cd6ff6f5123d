package org.threadline.linkage.clustering;

/** State of a cluster, after hmpps-person-record's cluster states. */
public enum ClusterState {
    /** Every scored pair inside the cluster is at or above the fracture threshold. */
    ACTIVE,
    /** Some scored pair inside the cluster is below the fracture threshold: a person must look at it. */
    NEEDS_ATTENTION
}
