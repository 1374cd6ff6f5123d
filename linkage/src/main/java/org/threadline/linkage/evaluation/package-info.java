/**
 * Measuring linkage against ground truth: pairwise precision, recall and F1 at a threshold and at the best
 * threshold, B-cubed cluster precision and recall, and the count of over-merged clusters (clusters holding more
 * than one true person) — in safeguarding, joining two people wrongly is the worst error, so it is always reported.
 */
package org.threadline.linkage.evaluation;
