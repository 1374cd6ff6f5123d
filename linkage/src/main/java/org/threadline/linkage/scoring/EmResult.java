package org.threadline.linkage.scoring;

import java.util.List;

/**
 * What one expectation–maximisation pass learned.
 *
 * @param m            m per comparison and level after the pass ({@code m[c][0] = 1}, the null level); fixed
 *                     comparisons keep their starting m
 * @param lambdaInPass share of this pass's pairs that are matches; it describes the blocked pairs, not all pairs, so
 *                     it is not the model's prior
 * @param iterations   EM iterations run
 * @param converged    whether the largest change of any m (and of λ) fell below the tolerance
 * @param fixed        {@code fixed[c]}: comparison c was held fixed (blocked on) in this pass
 * @param warnings     everything the caller should know: non-convergence, levels never seen, empty input
 */
public record EmResult(double[][] m, double lambdaInPass, int iterations, boolean converged, boolean[] fixed,
        List<String> warnings) {

    public EmResult {
        double[][] copy = new double[m.length][];
        for (int c = 0; c < m.length; c++) {
            copy[c] = m[c].clone();
        }
        m = copy;
        fixed = fixed.clone();
        warnings = List.copyOf(warnings);
    }

    @Override
    public double[][] m() {
        double[][] copy = new double[m.length][];
        for (int c = 0; c < m.length; c++) {
            copy[c] = m[c].clone();
        }
        return copy;
    }

    @Override
    public boolean[] fixed() {
        return fixed.clone();
    }

    public boolean isFixed(int comparison) {
        return fixed[comparison];
    }

    public double m(int c, int l) {
        return m[c][l];
    }
}
