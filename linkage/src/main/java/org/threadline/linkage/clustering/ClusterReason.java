package org.threadline.linkage.clustering;

import java.util.Locale;

/**
 * Why a cluster needs attention: two records joined into one cluster through other records, although their own
 * scored pair is below the fracture threshold (Splink/hmpps {@code BROKEN_CLUSTER}).
 *
 * @param code     always {@code BROKEN_CLUSTER} for now
 * @param left     the smaller record index of the pair
 * @param right    the larger record index of the pair
 * @param weight   the pair's match weight
 * @param fracture the threshold it fell below
 */
public record ClusterReason(String code, int left, int right, double weight, double fracture) {

    public static final String BROKEN_CLUSTER = "BROKEN_CLUSTER";

    static ClusterReason broken(int left, int right, double weight, double fracture) {
        return new ClusterReason(BROKEN_CLUSTER, left, right, weight, fracture);
    }

    /** A sentence a reviewer can read. */
    public String text() {
        return String.format(Locale.ROOT,
                "%s: records %d and %d are in one cluster but their pair scored %.3f, below the fracture threshold %.3f",
                code, left, right, weight, fracture);
    }
}
