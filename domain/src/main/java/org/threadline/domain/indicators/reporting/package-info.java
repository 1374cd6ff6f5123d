/**
 * Publishing what the indicators find without publishing anyone: cohort counts by area and indicator with
 * small-number suppression (primary, and secondary so a hidden cell cannot be worked back from the totals), and
 * the accuracy of each indicator against known truth, overall and per subgroup, with gaps beyond a tolerance flagged.
 * Pure functions over plain values; the CLI feeds them.
 */
package org.threadline.domain.indicators.reporting;
