package org.threadline.linkage.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fellegi–Sunter parameters: for each comparison {@code c} and level {@code l}, {@code m[c][l]} = P(level | match) and
 * {@code u[c][l]} = P(level | non-match); {@code lambda} = P(two random records match).
 *
 * <p>Convention: level 0 of every comparison is the null level. It carries no evidence (Bayes factor 1), so its m and
 * u are not used and are stored as 1. Every comparison has at least one non-null level.
 *
 * <p>{@code tfAdjusted[c][l]} marks levels (typically "exact match") whose u is replaced, pair by pair, by the term
 * frequency of the agreed value (see {@link MatchWeights}).
 *
 * <p>Immutable: arrays are copied in and out.
 */
public record ModelParameters(double[][] m, double[][] u, boolean[][] tfAdjusted, double lambda) {

    /** Validates everything, then reports every error at once. */
    public ModelParameters {
        List<String> errors = new ArrayList<>();
        if (!(lambda > 0 && lambda < 1)) {
            errors.add("lambda must be in (0, 1), was " + lambda);
        }
        if (m.length == 0) {
            errors.add("at least one comparison is needed");
        }
        if (u.length != m.length || tfAdjusted.length != m.length) {
            errors.add("m, u and tfAdjusted must have one row per comparison: " + m.length + ", " + u.length
                    + ", " + tfAdjusted.length);
        } else {
            for (int c = 0; c < m.length; c++) {
                checkComparison(c, m[c], u[c], tfAdjusted[c], errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Invalid model parameters: " + String.join("; ", errors));
        }
        m = copyWithNullLevel(m);
        u = copyWithNullLevel(u);
        tfAdjusted = copy(tfAdjusted);
    }

    /** Parameters without term-frequency adjustment. */
    public static ModelParameters of(double[][] m, double[][] u, double lambda) {
        boolean[][] tf = new boolean[m.length][];
        for (int c = 0; c < m.length; c++) {
            tf[c] = new boolean[m[c].length];
        }
        return new ModelParameters(m, u, tf, lambda);
    }

    private static void checkComparison(int c, double[] mc, double[] uc, boolean[] tfc, List<String> errors) {
        if (mc.length < 2) {
            errors.add("comparison " + c + " needs a null level and at least one other level");
        }
        if (mc.length > 256) {
            errors.add("comparison " + c + " has " + mc.length + " levels; at most 256 fit in a byte");
        }
        if (uc.length != mc.length || tfc.length != mc.length) {
            errors.add("comparison " + c + ": m, u and tfAdjusted have " + mc.length + ", " + uc.length + ", "
                    + tfc.length + " levels");
            return;
        }
        if (tfc.length > 0 && tfc[0]) {
            errors.add("comparison " + c + ": the null level cannot be term-frequency adjusted");
        }
        for (int l = 1; l < mc.length; l++) {
            if (!(mc[l] > 0 && mc[l] <= 1)) {
                errors.add("m[" + c + "][" + l + "] must be in (0, 1], was " + mc[l]);
            }
            if (!(uc[l] > 0 && uc[l] <= 1)) {
                errors.add("u[" + c + "][" + l + "] must be in (0, 1], was " + uc[l]);
            }
        }
    }

    public int comparisonCount() {
        return m.length;
    }

    public int levelCount(int c) {
        return m[c].length;
    }

    public double m(int c, int l) {
        return m[c][l];
    }

    public double u(int c, int l) {
        return u[c][l];
    }

    public boolean tfAdjusted(int c, int l) {
        return tfAdjusted[c][l];
    }

    @Override
    public double[][] m() {
        return copy(m);
    }

    @Override
    public double[][] u() {
        return copy(u);
    }

    @Override
    public boolean[][] tfAdjusted() {
        return copy(tfAdjusted);
    }

    /** The same model with new m probabilities (for example after EM). */
    public ModelParameters withM(double[][] newM) {
        return new ModelParameters(newM, u, tfAdjusted, lambda);
    }

    /** The same model with new u probabilities. */
    public ModelParameters withU(double[][] newU) {
        return new ModelParameters(m, newU, tfAdjusted, lambda);
    }

    /** The same model with a new prior. */
    public ModelParameters withLambda(double newLambda) {
        return new ModelParameters(m, u, tfAdjusted, newLambda);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelParameters p && Arrays.deepEquals(m, p.m) && Arrays.deepEquals(u, p.u)
                && Arrays.deepEquals(tfAdjusted, p.tfAdjusted) && Double.compare(lambda, p.lambda) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(new Object[] {m, u, tfAdjusted, lambda});
    }

    @Override
    public String toString() {
        return "ModelParameters[m=" + Arrays.deepToString(m) + ", u=" + Arrays.deepToString(u) + ", lambda=" + lambda
                + "]";
    }

    private static double[][] copyWithNullLevel(double[][] a) {
        double[][] out = copy(a);
        for (double[] row : out) {
            row[0] = 1.0;
        }
        return out;
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    private static boolean[][] copy(boolean[][] a) {
        boolean[][] out = new boolean[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
