package org.threadline.linkage.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Why a pair scored what it did: the prior, then each comparison's level, m, u, Bayes factor and contribution, then
 * the total weight and probability. Computed from the model parameters alone (plus the pair's levels and tf values),
 * with the same arithmetic as {@link Scorer}, so anyone holding the model can reproduce it.
 *
 * @param pair          pair index in its batch, or -1 when explained from bare levels
 * @param priorWeight   {@code log2(λ/(1-λ))}
 * @param contributions one per comparison, in comparison order
 * @param totalWeight   prior weight plus every contribution, added in that order
 * @param probability   {@code 2^w / (1 + 2^w)}
 */
public record Explanation(int pair, double priorWeight, List<ComparisonContribution> contributions,
        double totalWeight, double probability) {

    public Explanation {
        contributions = List.copyOf(contributions);
    }

    /**
     * Explains pair {@code pair} of a batch.
     *
     * @param comparisonNames one name per comparison
     * @param levelLabels     {@code levelLabels[c][l]}: label of level l of comparison c
     */
    public static Explanation of(ModelParameters model, ComparisonVectors vectors, int pair, String[] comparisonNames,
            String[][] levelLabels) {
        int cc = model.comparisonCount();
        int[] levels = new int[cc];
        double[] tf = new double[cc];
        for (int c = 0; c < cc; c++) {
            levels[c] = vectors.level(pair, c);
            tf[c] = vectors.termFrequency(pair, c);
        }
        return explain(model, pair, levels, tf, comparisonNames, levelLabels);
    }

    /** Explains a pair given directly as its levels and tf values ({@code NaN} = none) per comparison. */
    public static Explanation of(ModelParameters model, int[] levels, double[] termFrequencies,
            String[] comparisonNames, String[][] levelLabels) {
        return explain(model, -1, levels, termFrequencies, comparisonNames, levelLabels);
    }

    private static Explanation explain(ModelParameters model, int pair, int[] levels, double[] tf, String[] names,
            String[][] labels) {
        int cc = model.comparisonCount();
        if (levels.length != cc || tf.length != cc || names.length != cc || labels.length != cc) {
            throw new IllegalArgumentException("levels, tf, names and labels need one entry per comparison (" + cc
                    + ")");
        }
        MatchWeights weights = new MatchWeights(model);
        List<ComparisonContribution> parts = new ArrayList<>(cc);
        double total = weights.priorWeight();
        for (int c = 0; c < cc; c++) {
            int l = levels[c];
            double log2 = weights.contribution(c, l, tf[c]);
            boolean adjusted = weights.isTfAdjusted(c, l, tf[c]);
            boolean isNull = l == 0;
            parts.add(new ComparisonContribution(c, names[c], l, labels[c][l],
                    isNull ? OptionalDouble.empty() : OptionalDouble.of(model.m(c, l)),
                    isNull ? OptionalDouble.empty() : OptionalDouble.of(model.u(c, l)),
                    adjusted ? OptionalDouble.of(tf[c]) : OptionalDouble.empty(),
                    Math.pow(2, log2), log2));
            total += log2;
        }
        return new Explanation(pair, weights.priorWeight(), parts, total, MatchWeights.probability(total));
    }

    /** A text waterfall: one line per bar, then the running total and the probability. */
    public String waterfall() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-28s %+9.3f  running %+9.3f%n", "prior", priorWeight, priorWeight));
        double running = priorWeight;
        for (ComparisonContribution part : contributions) {
            running += part.log2Contribution();
            String what = part.comparisonName() + " = " + part.levelLabel();
            String detail = part.isNullLevel() ? "null: no evidence"
                    : String.format(Locale.ROOT, "m=%.4g %s=%.4g BF=%.4g", part.m().getAsDouble(),
                            part.tfAdjusted() ? "tf" : "u",
                            part.tfAdjusted() ? part.termFrequency().getAsDouble() : part.u().getAsDouble(),
                            part.bayesFactor());
            s.append(String.format(Locale.ROOT, "%-28s %+9.3f  running %+9.3f  (%s)%n", what,
                    part.log2Contribution(), running, detail));
        }
        s.append(String.format(Locale.ROOT, "%-28s %+9.3f  probability %.6f%n", "match weight", totalWeight,
                probability));
        return s.toString();
    }
}
