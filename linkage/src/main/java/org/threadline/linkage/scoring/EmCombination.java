package org.threadline.linkage.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * m probabilities combined over several EM passes, as Splink does after several
 * {@code estimate_parameters_using_expectation_maximisation} runs: each comparison's m is the average of its m over
 * the passes in which it was <em>not</em> fixed (a pass cannot learn about a comparison it blocks on). A comparison
 * fixed in every pass keeps its starting m, with a warning.
 *
 * @param m                   combined m per comparison and level
 * @param estimatedInPasses   for each comparison, how many passes contributed to its m
 * @param warnings            comparisons never estimated, passes that did not converge
 */
public record EmCombination(double[][] m, int[] estimatedInPasses, List<String> warnings) {

    public EmCombination {
        warnings = List.copyOf(warnings);
    }

    /** The starting model with the combined m. */
    public ModelParameters applyTo(ModelParameters start) {
        return start.withM(m);
    }

    static EmCombination of(List<EmResult> passes, ModelParameters start) {
        int cc = start.comparisonCount();
        List<String> warnings = new ArrayList<>();
        double[][] m = new double[cc][];
        int[] used = new int[cc];
        for (int i = 0; i < passes.size(); i++) {
            EmResult pass = passes.get(i);
            if (pass.fixed().length != cc) {
                throw new IllegalArgumentException("pass " + i + " has " + pass.fixed().length
                        + " comparisons, the model has " + cc);
            }
            if (!pass.converged()) {
                warnings.add("pass " + i + " did not converge after " + pass.iterations()
                        + " iterations; its m are averaged in anyway");
            }
        }
        for (int c = 0; c < cc; c++) {
            double[] sum = new double[start.levelCount(c)];
            for (EmResult pass : passes) {
                if (!pass.isFixed(c)) {
                    for (int l = 0; l < sum.length; l++) {
                        sum[l] += pass.m(c, l);
                    }
                    used[c]++;
                }
            }
            if (used[c] == 0) {
                warnings.add("comparison " + c + " was fixed in every pass; it keeps its starting m");
                m[c] = start.m()[c];
            } else {
                for (int l = 0; l < sum.length; l++) {
                    sum[l] /= used[c];
                }
                m[c] = sum;
            }
        }
        return new EmCombination(m, used, warnings);
    }
}
