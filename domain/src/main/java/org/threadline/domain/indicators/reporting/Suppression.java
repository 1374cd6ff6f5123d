package org.threadline.domain.indicators.reporting;

import java.util.List;

/**
 * Secondary suppression over a table's additive lines (each row with its total, each column with its total, and
 * the totals with the grand total). A line with exactly one hidden entry gives it away (the total minus the rest),
 * so another entry of that line is hidden too, until no line has exactly one. This stops recovery by any chain of
 * single-line subtractions; it does not claim to be the minimum suppression (that is an optimisation problem).
 */
final class Suppression {
    private Suppression() {
    }

    static void secondary(long[] values, boolean[] hidden, List<int[]> lines, int firstTotal) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] line : lines) {
                int hiddenCount = 0;
                for (int k : line) {
                    hiddenCount += hidden[k] ? 1 : 0;
                }
                if (hiddenCount != 1) {
                    continue;
                }
                int pick = -1;
                for (int k : line) {
                    if (!hidden[k] && (pick < 0 || better(k, pick, values, firstTotal))) {
                        pick = k;
                    }
                }
                if (pick >= 0) {
                    hidden[pick] = true;
                    changed = true;
                }
            }
        }
    }

    /** Prefer a cell to a total, a non-zero count to a zero, then the smaller count, then the earlier entry. */
    private static boolean better(int k, int than, long[] v, int firstTotal) {
        boolean kCell = k < firstTotal;
        boolean tCell = than < firstTotal;
        if (kCell != tCell) {
            return kCell;
        }
        boolean kZero = v[k] == 0;
        boolean tZero = v[than] == 0;
        if (kZero != tZero) {
            return !kZero;
        }
        if (v[k] != v[than]) {
            return v[k] < v[than];
        }
        return k < than;
    }
}
