package org.threadline.linkage.engine;

import java.util.HashMap;
import java.util.Map;
import org.threadline.linkage.data.Column;
import org.threadline.linkage.data.RecordTable;
import org.threadline.linkage.model.Comparison;
import org.threadline.linkage.model.LinkageModel;

/**
 * How common the values of each term-frequency-adjusted column were among the records batch linkage ran on: kept
 * with a build, so that resolving one new record later adjusts an exact agreement (SMITH, MUHAMMAD) exactly as batch
 * did, without holding the population in memory.
 *
 * <p>Only values held by at least {@code minCount} records are listed. A value that is not listed counts as held by
 * one record: incremental resolution only asks about a value some indexed record holds (the adjustment applies to an
 * exact agreement), so an unlisted value is one of the rare ones left out. Leaving them out keeps the rarest, most
 * identifying names out of the stored table.
 *
 * @param present per column, how many records hold a value
 * @param counts  per column, each listed value and how many records hold it
 */
public record TermFrequencies(Map<String, Integer> present, Map<String, Map<String, Integer>> counts) {
    public TermFrequencies {
        present = Map.copyOf(present);
        Map<String, Map<String, Integer>> copy = new HashMap<>();
        counts.forEach((column, values) -> copy.put(column, Map.copyOf(values)));
        counts = Map.copyOf(copy);
    }

    /** The frequencies of {@code records} for every column the model adjusts, listing values held at least minCount times. */
    public static TermFrequencies of(LinkageModel model, RecordTable records, int minCount) {
        Map<String, Integer> present = new HashMap<>();
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (Comparison c : model.comparisons()) {
            if (!c.termFrequencyAdjustments() || present.containsKey(c.columns().get(0))) {
                continue;
            }
            Column column = records.column(c.columns().get(0));
            present.put(column.name(), column.present());
            Map<String, Integer> listed = new HashMap<>();
            for (int code = 0; code < column.distinct(); code++) {
                int n = (int) Math.round(column.frequency(code) * column.present());
                if (n >= minCount) {
                    listed.put(column.valueOfCode(code), n);
                }
            }
            counts.put(column.name(), listed);
        }
        return new TermFrequencies(present, counts);
    }

    /** The share of records holding {@code value} in {@code column}; NaN when the column was not counted or is empty. */
    public double frequency(String column, String value) {
        Integer n = present.get(column);
        if (n == null || n == 0 || value == null) {
            return Double.NaN;
        }
        return counts.getOrDefault(column, Map.of()).getOrDefault(value, 1) / (double) n;
    }
}
