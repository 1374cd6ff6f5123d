/**
 * Benchmark runners whose figures are recorded in {@code docs/benchmarks.md}.
 */
package org.threadline.benchmarks;
