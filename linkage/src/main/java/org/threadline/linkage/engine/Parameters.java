package org.threadline.linkage.engine;

import java.util.List;
import org.threadline.linkage.model.Comparison;
import org.threadline.linkage.model.ComparisonLevel;
import org.threadline.linkage.model.LinkageModel;
import org.threadline.linkage.scoring.ModelParameters;

/** Converts between the model document's m/u per level and the scoring package's arrays. */
final class Parameters {
    private Parameters() {
    }

    /** The arrays of a trained model; the term-frequency level of each comparison as compiled. */
    static ModelParameters of(LinkageModel model, List<CompiledComparison> compiled) {
        List<Comparison> comparisons = model.comparisons();
        double[][] m = new double[comparisons.size()][];
        double[][] u = new double[comparisons.size()][];
        boolean[][] tf = new boolean[comparisons.size()][];
        for (int c = 0; c < m.length; c++) {
            List<ComparisonLevel> levels = comparisons.get(c).levels();
            m[c] = new double[levels.size()];
            u[c] = new double[levels.size()];
            tf[c] = new boolean[levels.size()];
            m[c][0] = 1;
            u[c][0] = 1;
            for (int l = 1; l < levels.size(); l++) {
                m[c][l] = levels.get(l).mProbability();
                u[c][l] = levels.get(l).uProbability();
                tf[c][l] = l == compiled.get(c).tfLevel();
            }
        }
        return new ModelParameters(m, u, tf, model.prior());
    }

    static String[] names(LinkageModel model) {
        return model.comparisons().stream().map(Comparison::name).toArray(String[]::new);
    }

    static String[][] labels(LinkageModel model) {
        return model.comparisons().stream()
                .map(c -> c.levels().stream().map(ComparisonLevel::label).toArray(String[]::new))
                .toArray(String[][]::new);
    }
}
