package org.threadline.linkage.clustering;

/**
 * A pair in the uncertain band ({@code reviewLow <= weight < join}): not joined automatically, sent to human review.
 *
 * @param left   the smaller record index
 * @param right  the larger record index
 * @param weight the pair's match weight
 */
public record ReviewPair(int left, int right, double weight) {
}
