/**
 * The synthetic population: families over time in a fictional West Midlands area, the extracts each agency would hold about them (with realistic errors), and the ground truth, written separately.
 */
package org.threadline.synth;
