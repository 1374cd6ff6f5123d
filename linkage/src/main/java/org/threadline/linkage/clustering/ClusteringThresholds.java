package org.threadline.linkage.clustering;

import java.util.ArrayList;
import java.util.List;

/**
 * Match-weight thresholds, after hmpps-person-record's join and fracture thresholds.
 *
 * @param join      pairs at or above it are joined into one cluster
 * @param fracture  a scored pair below it inside a cluster makes the cluster need attention; at most {@code join}
 * @param reviewLow pairs in {@code [reviewLow, join)} go to human review; at most {@code join}
 */
public record ClusteringThresholds(double join, double fracture, double reviewLow) {

    public ClusteringThresholds {
        List<String> errors = new ArrayList<>();
        if (!Double.isFinite(join) || !Double.isFinite(fracture) || !Double.isFinite(reviewLow)) {
            errors.add("thresholds must be finite: join " + join + ", fracture " + fracture + ", reviewLow "
                    + reviewLow);
        }
        if (fracture > join) {
            errors.add("fracture " + fracture + " must not exceed join " + join);
        }
        if (reviewLow > join) {
            errors.add("reviewLow " + reviewLow + " must not exceed join " + join);
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Invalid clustering thresholds: " + String.join("; ", errors));
        }
    }
}
