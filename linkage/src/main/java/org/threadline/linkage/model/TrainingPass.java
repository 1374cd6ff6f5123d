package org.threadline.linkage.model;

/**
 * One expectation-maximisation pass of training (typically one per training blocking rule).
 *
 * @param name       what the pass was blocked on, e.g. {@code dob}
 * @param iterations EM iterations run
 * @param converged  whether the parameters stopped changing before the iteration limit
 */
public record TrainingPass(String name, int iterations, boolean converged) {}
