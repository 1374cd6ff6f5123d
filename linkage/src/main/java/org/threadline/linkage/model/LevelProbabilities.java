package org.threadline.linkage.model;

/**
 * Trained parameters of one comparison level.
 *
 * @param m probability of the level among true matches
 * @param u probability of the level among non-matches
 */
public record LevelProbabilities(double m, double u) {}
