package org.threadline.linkage.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * A batch of candidate pairs as compact columns: for {@code P} pairs and {@code C} comparisons, {@code levels[p*C+c]}
 * is the level index of comparison {@code c} for pair {@code p} (read as unsigned, 0..255; level 0 is the null level,
 * which carries no evidence). {@code left[p]} and {@code right[p]} are record indices.
 *
 * <p>{@code termFrequencies} is either empty (no term-frequency adjustment anywhere) or has length {@code P*C}; a cell
 * holds the term frequency of the value the pair agrees on, in (0, 1], or {@code NaN} for "no adjustment for this
 * cell".
 *
 * <p>The arrays are shared, not copied: a batch may hold tens of millions of pairs. Whoever builds one hands it over
 * and must not mutate it afterwards.
 */
public record ComparisonVectors(int comparisonCount, byte[] levels, int[] left, int[] right, double[] termFrequencies) {

    private static final double[] NO_TERM_FREQUENCIES = new double[0];

    /** Validates shapes and term frequencies, reporting every problem at once. */
    public ComparisonVectors {
        List<String> errors = new ArrayList<>();
        if (comparisonCount < 1) {
            errors.add("comparisonCount must be at least 1, was " + comparisonCount);
        }
        if (left.length != right.length) {
            errors.add("left has " + left.length + " pairs but right has " + right.length);
        }
        long cells = (long) left.length * Math.max(comparisonCount, 1);
        if (levels.length != cells) {
            errors.add("levels has length " + levels.length + ", expected pairs*comparisons = " + cells);
        }
        if (termFrequencies.length != 0 && termFrequencies.length != cells) {
            errors.add("termFrequencies has length " + termFrequencies.length + ", expected 0 or " + cells);
        } else {
            for (int i = 0; i < termFrequencies.length; i++) {
                double tf = termFrequencies[i];
                if (!Double.isNaN(tf) && !(tf > 0 && tf <= 1)) {
                    errors.add("termFrequencies[" + i + "] = " + tf + " is outside (0, 1] and not NaN");
                    break;
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Invalid comparison vectors: " + String.join("; ", errors));
        }
    }

    /** A batch without term-frequency values. */
    public static ComparisonVectors of(int comparisonCount, byte[] levels, int[] left, int[] right) {
        return new ComparisonVectors(comparisonCount, levels, left, right, NO_TERM_FREQUENCIES);
    }

    /** The same pairs with term-frequency values ({@code NaN} = no adjustment for that cell). */
    public ComparisonVectors withTermFrequencies(double[] tf) {
        return new ComparisonVectors(comparisonCount, levels, left, right, tf);
    }

    public int pairCount() {
        return left.length;
    }

    /** Level of comparison {@code c} for pair {@code p}, 0..255. */
    public int level(int p, int c) {
        return levels[p * comparisonCount + c] & 0xFF;
    }

    public boolean hasTermFrequencies() {
        return termFrequencies.length != 0;
    }

    /** Term frequency of the cell, or {@code NaN} when the cell carries none. */
    public double termFrequency(int p, int c) {
        return hasTermFrequencies() ? termFrequencies[p * comparisonCount + c] : Double.NaN;
    }
}
