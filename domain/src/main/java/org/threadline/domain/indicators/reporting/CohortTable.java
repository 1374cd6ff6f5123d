package org.threadline.domain.indicators.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Counts of people flagged, by area (rows) and indicator (columns), with row, column and grand totals, after
 * suppression. A suppressed cell or total reads empty. Build with {@link #suppress}.
 *
 * <p>Row totals add up the row's cells, so they count flags, not people (a person can have several); column totals
 * count the people with the indicator, since each person has one area.
 */
public record CohortTable(List<String> areas, List<String> indicators, List<List<OptionalLong>> cells,
                          List<OptionalLong> rowTotals, List<OptionalLong> columnTotals, OptionalLong grandTotal,
                          int minimumCell) {
    public CohortTable {
        areas = List.copyOf(areas);
        indicators = List.copyOf(indicators);
        cells = cells.stream().map(List::copyOf).toList();
        rowTotals = List.copyOf(rowTotals);
        columnTotals = List.copyOf(columnTotals);
        Objects.requireNonNull(grandTotal, "grandTotal");
    }

    /** One flagged person: the area they are counted in and an indicator they met. */
    public record Flag(String area, String indicator) {
        public Flag {
            Objects.requireNonNull(area, "area");
            Objects.requireNonNull(indicator, "indicator");
        }
    }

    /**
     * Counts the flags and suppresses: every count from 1 to {@code minimumCell - 1} (primary), then, while any
     * row, column or the totals line has exactly one hidden entry (which its total would give away), the smallest
     * other entry of that line too (secondary; cells before totals, non-zero before zero).
     *
     * @param indicators the columns, in order (an indicator nobody met still gets a column of zeros)
     */
    public static CohortTable suppress(Iterable<Flag> flags, List<String> indicators, int minimumCell) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (Flag f : flags) {
            counts.computeIfAbsent(f.area(), a -> new TreeMap<>()).merge(f.indicator(), 1L, Long::sum);
        }
        return suppressCounts(counts, indicators, minimumCell);
    }

    /**
     * As {@link #suppress}, from counts already made: per area, the people meeting each indicator. An area appears
     * as a row only with some count above zero, as it would from flags. Counts kept between views (ADR 0034) are
     * suppressed by this, so a kept count reads as the flags it was made of would.
     */
    public static CohortTable suppressCounts(Map<String, ? extends Map<String, Long>> counted, List<String> indicators,
                                             int minimumCell) {
        if (minimumCell < 1) {
            throw new IllegalArgumentException("the minimum cell size must be at least 1");
        }
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (Map.Entry<String, ? extends Map<String, Long>> area : counted.entrySet()) {
            for (Map.Entry<String, Long> n : area.getValue().entrySet()) {
                if (!indicators.contains(n.getKey())) {
                    throw new IllegalArgumentException("a count for an indicator not in the table: " + n.getKey());
                }
                if (n.getValue() < 0) {
                    throw new IllegalArgumentException("a negative count: " + n.getValue());
                }
                if (n.getValue() > 0) {
                    counts.computeIfAbsent(area.getKey(), a -> new TreeMap<>()).put(n.getKey(), n.getValue());
                }
            }
        }
        List<String> areas = new ArrayList<>(counts.keySet());
        int r = areas.size();
        int c = indicators.size();
        // entries: cells r*c, then row totals r, then column totals c, then the grand total
        long[] v = new long[r * c + r + c + 1];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                long n = counts.getOrDefault(areas.get(i), Map.of()).getOrDefault(indicators.get(j), 0L);
                v[i * c + j] = n;
                v[r * c + i] += n;
                v[r * c + r + j] += n;
                v[v.length - 1] += n;
            }
        }
        boolean[] hidden = new boolean[v.length];
        for (int k = 0; k < v.length; k++) {
            hidden[k] = v[k] > 0 && v[k] < minimumCell;
        }
        Suppression.secondary(v, hidden, lines(r, c), r * c);
        List<List<OptionalLong>> cells = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            List<OptionalLong> row = new ArrayList<>();
            for (int j = 0; j < c; j++) {
                row.add(shown(v, hidden, i * c + j));
            }
            cells.add(row);
        }
        List<OptionalLong> rowTotals = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            rowTotals.add(shown(v, hidden, r * c + i));
        }
        List<OptionalLong> columnTotals = new ArrayList<>();
        for (int j = 0; j < c; j++) {
            columnTotals.add(shown(v, hidden, r * c + r + j));
        }
        return new CohortTable(areas, indicators, cells, rowTotals, columnTotals, shown(v, hidden, v.length - 1),
                minimumCell);
    }

    /** Each line is a set of entries whose last member is the sum of the others. */
    static List<int[]> lines(int r, int c) {
        List<int[]> lines = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            int[] line = new int[c + 1];
            for (int j = 0; j < c; j++) {
                line[j] = i * c + j;
            }
            line[c] = r * c + i;
            lines.add(line);
        }
        for (int j = 0; j < c; j++) {
            int[] line = new int[r + 1];
            for (int i = 0; i < r; i++) {
                line[i] = i * c + j;
            }
            line[r] = r * c + r + j;
            lines.add(line);
        }
        int grand = r * c + r + c;
        int[] byRows = new int[r + 1];
        for (int i = 0; i < r; i++) {
            byRows[i] = r * c + i;
        }
        byRows[r] = grand;
        lines.add(byRows);
        int[] byColumns = new int[c + 1];
        for (int j = 0; j < c; j++) {
            byColumns[j] = r * c + r + j;
        }
        byColumns[c] = grand;
        lines.add(byColumns);
        return lines;
    }

    private static OptionalLong shown(long[] v, boolean[] hidden, int k) {
        return hidden[k] ? OptionalLong.empty() : OptionalLong.of(v[k]);
    }

    /** As a Markdown table: "c" marks a suppressed count (the ONS convention for confidential). */
    public String toMarkdown() {
        StringBuilder b = new StringBuilder("| area | ");
        b.append(String.join(" | ", indicators)).append(" | total |\n|---|");
        b.append("---:|".repeat(indicators.size() + 1)).append('\n');
        for (int i = 0; i < areas.size(); i++) {
            b.append("| ").append(areas.get(i)).append(" | ");
            for (OptionalLong x : cells.get(i)) {
                b.append(text(x)).append(" | ");
            }
            b.append(text(rowTotals.get(i))).append(" |\n");
        }
        b.append("| total | ");
        for (OptionalLong x : columnTotals) {
            b.append(text(x)).append(" | ");
        }
        b.append(text(grandTotal)).append(" |\n");
        b.append("\nCounts from 1 to ").append(minimumCell - 1).append(" are shown as c, and so are the further "
                + "counts that would let a hidden one be worked out from a total.\n");
        return b.toString();
    }

    private static String text(OptionalLong x) {
        return x.isPresent() ? Long.toString(x.getAsLong()) : "c";
    }

    /** The hidden entries' count, for reporting how much was suppressed. */
    public int suppressedCells() {
        int n = 0;
        for (List<OptionalLong> row : cells) {
            for (OptionalLong x : row) {
                n += x.isPresent() ? 0 : 1;
            }
        }
        return n;
    }
}
