/**
 * From scored pairs to clusters of records that refer to one person, with states a person can act on.
 *
 * <p>Owns: joining pairs at or above the join threshold into connected components
 * ({@link org.threadline.linkage.clustering.Clusterer}, union-find over record indices, cluster id = smallest record
 * index); the fracture check that marks a cluster {@code NEEDS_ATTENTION} with a {@code BROKEN_CLUSTER} reason when
 * it chains together two records whose own pair scored below the fracture threshold, instead of silently merging
 * strangers; and the review band of uncertain pairs between the review and join thresholds. After hmpps-person-record
 * (join/fracture thresholds, cluster states) and Splink's connected components.
 *
 * <p>Does not own: scoring (see {@code org.threadline.linkage.scoring}), stable person ids across runs, or recording
 * human review decisions. Works on plain arrays ({@code int[] left, right}, {@code double[] weights}).
 */
package org.threadline.linkage.clustering;
