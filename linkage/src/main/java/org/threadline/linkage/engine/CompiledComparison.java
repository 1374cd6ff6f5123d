package org.threadline.linkage.engine;

import org.threadline.linkage.data.Column;

/**
 * One comparison ready to run: the first level whose test a pair passes is the pair's level (level 0 is the null
 * level). When the comparison is term-frequency adjusted, an exact-match level also yields the value's frequency.
 */
final class CompiledComparison {
    private final String name;
    private final LevelTest[] tests;
    private final int tfLevel;
    private final Column tfColumn;

    CompiledComparison(String name, LevelTest[] tests, int tfLevel, Column tfColumn) {
        this.name = name;
        this.tests = tests;
        this.tfLevel = tfLevel;
        this.tfColumn = tfColumn;
    }

    String name() {
        return name;
    }

    int levels() {
        return tests.length;
    }

    int levelOf(int a, int b) {
        for (int l = 0; l < tests.length; l++) {
            if (tests[l].test(a, b)) {
                return l;
            }
        }
        return tests.length - 1;
    }

    /** The term frequency for a pair at {@code level}, or NaN when no adjustment applies. */
    double termFrequency(int level, int a) {
        if (level != tfLevel || tfColumn == null) {
            return Double.NaN;
        }
        int code = tfColumn.code(a);
        return code == Column.NULL ? Double.NaN : Math.max(tfColumn.frequency(code), 1e-9);
    }

    boolean termFrequencyAdjusted() {
        return tfColumn != null;
    }

    int tfLevel() {
        return tfLevel;
    }
}
