package org.threadline.linkage.comparison;

import java.util.HashMap;
import java.util.Map;

/**
 * How common each value of one column is, for term-frequency adjustment of exact-match levels.
 *
 * <p>Two records agreeing on SMITH is weaker evidence than two agreeing on ZBIGNIEW: under the Fellegi-Sunter
 * model the chance that two non-matching records agree on value v is about the share of records holding v.
 * Following Splink, the u probability of an exact match on v is replaced by {@link #frequency}(v), so rare
 * values earn larger weights. The table is built once per column and is immutable, so any number of scoring
 * threads may read it.
 */
public final class TermFrequencies {

    /** Counts only; the share is computed on read so the table holds one small array per distinct value. */
    private final Map<String, int[]> counts;
    private final long total;

    private TermFrequencies(Map<String, int[]> counts, long total) {
        this.counts = counts;
        this.total = total;
    }

    /**
     * Counts a column's values. Null and empty values are not records holding a value, so they count towards
     * neither a value nor the total. Handles millions of values: one mutable counter per distinct value.
     */
    public static TermFrequencies of(Iterable<String> values) {
        Map<String, int[]> counts = new HashMap<>();
        long total = 0;
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                counts.computeIfAbsent(value, v -> new int[1])[0]++;
                total++;
            }
        }
        return new TermFrequencies(counts, total);
    }

    /**
     * Returns the share of non-null records holding {@code value}, in [0, 1]; 0 for a value never seen (or
     * null). Callers apply their floor (Splink's {@code tf_minimum_u_value}) before using it as a u probability.
     */
    public double frequency(String value) {
        if (value == null || total == 0) {
            return 0.0;
        }
        int[] count = counts.get(value);
        return count == null ? 0.0 : (double) count[0] / total;
    }

    /** Returns how many records held {@code value}. */
    public int count(String value) {
        int[] count = value == null ? null : counts.get(value);
        return count == null ? 0 : count[0];
    }

    /** Returns the number of non-null, non-empty values counted. */
    public long total() {
        return total;
    }

    /** Returns the number of distinct values counted. */
    public int distinct() {
        return counts.size();
    }
}
