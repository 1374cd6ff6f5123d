package org.threadline.app.web.analyst;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.threadline.domain.indicators.reporting.CohortTable;

/**
 * People meeting each chosen indicator per area, as an analyst may see them: counts with small numbers suppressed
 * and every shown count rounded, and rates per 1,000 people held in the area.
 *
 * <p>The rule (ADR 0019): each indicator's column is suppressed on its own by {@link CohortTable#suppress} (counts
 * from 1 to {@code minimumCell - 1} hidden, then further cells hidden until no hidden count can be worked out from
 * the column's total); so a cell reads the same whatever other indicators are chosen. Then every count shown,
 * totals and people held included, is rounded to the nearest {@code roundTo}: differences between views the page
 * offers (a district against its area, a nested indicator against its parent) then cannot recover a small number
 * exactly. A rate is worked out from the rounded count, so it tells nothing the count does not.
 *
 * @param level the areas' level
 * @param indicators the chosen indicators' ids, in order (one column each)
 * @param rows one per area with anyone held, in postcode order; people without a postcode last
 * @param total every area together
 * @param minimumCell counts below this (and above zero) are suppressed
 * @param roundTo shown counts are rounded to a multiple of this
 */
public record AreaCohorts(AreaLevel level, List<String> indicators, List<Row> rows, Row total, int minimumCell,
                          int roundTo) {
    public AreaCohorts {
        indicators = List.copyOf(indicators);
        rows = List.copyOf(rows);
    }

    /** One count: shown (rounded) with its rate, or suppressed. */
    public record Cell(OptionalLong count, OptionalDouble perThousand) {
        static final Cell SUPPRESSED = new Cell(OptionalLong.empty(), OptionalDouble.empty());

        public boolean suppressed() {
            return count.isEmpty();
        }

        public String countText() {
            return count.isPresent() ? String.format(Locale.UK, "%,d", count.getAsLong()) : "c";
        }

        public String rateText() {
            return perThousand.isPresent() ? String.format(Locale.UK, "%.1f", perThousand.getAsDouble()) : "c";
        }
    }

    /**
     * An area's line.
     *
     * @param area the area's code ({@code B11}, {@code WV}) or {@link AreaLevel#UNKNOWN}
     * @param people people held whose latest known address is in the area, rounded
     * @param cells one per indicator, in the table's order
     */
    public record Row(String area, long people, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        public String peopleText() {
            return String.format(Locale.UK, "%,d", people);
        }

        public boolean unknown() {
            return area.equals(AreaLevel.UNKNOWN);
        }
    }

    /**
     * Counts, suppresses and rounds.
     *
     * @param areaOfPerson every person held, with the area they are counted in (at {@code level})
     * @param metBy per indicator, the people who meet it (anyone not in {@code areaOfPerson} is not held: ignored)
     */
    public static AreaCohorts count(AreaLevel level, Map<String, String> areaOfPerson,
                                    Map<String, ? extends Collection<String>> metBy, List<String> indicators,
                                    int minimumCell, int roundTo) {
        Map<String, Long> people = new HashMap<>();
        areaOfPerson.values().forEach(a -> people.merge(a, 1L, Long::sum));
        Map<String, Map<String, Long>> met = new HashMap<>();
        for (String indicator : indicators) {
            Map<String, Long> perArea = new HashMap<>();
            Collection<String> who = metBy.get(indicator);
            for (String person : who == null ? List.<String>of() : who) {
                String area = areaOfPerson.get(person);
                if (area != null) {
                    perArea.merge(area, 1L, Long::sum);
                }
            }
            met.put(indicator, perArea);
        }
        return fromCounts(level, people, met, indicators, minimumCell, roundTo);
    }

    /**
     * Suppresses and rounds counts already made (kept between views: ADR 0034).
     *
     * @param peoplePerArea the people held per area (at {@code level})
     * @param metPerArea per indicator, the people held who meet it per area (an indicator missing: nobody)
     */
    public static AreaCohorts fromCounts(AreaLevel level, Map<String, Long> peoplePerArea,
                                         Map<String, ? extends Map<String, Long>> metPerArea,
                                         List<String> indicators, int minimumCell, int roundTo) {
        if (roundTo < 1) {
            throw new IllegalArgumentException("counts must be rounded to a multiple of at least 1");
        }
        Map<String, Long> people = new TreeMap<>(AreaLevel.POSTCODE_ORDER);
        people.putAll(peoplePerArea);
        long held = people.values().stream().mapToLong(Long::longValue).sum();
        List<String> areas = new ArrayList<>(people.keySet());
        // per indicator: the area -> cell column, and the column's total
        List<Map<String, Cell>> columns = new ArrayList<>();
        List<Cell> totals = new ArrayList<>();
        for (String indicator : indicators) {
            Map<String, Map<String, Long>> counted = new HashMap<>();
            Map<String, Long> met = metPerArea.get(indicator);
            (met == null ? Map.<String, Long>of() : met).forEach((area, n) -> {
                if (people.containsKey(area)) {
                    counted.put(area, Map.of(indicator, n));
                }
            });
            CohortTable t = CohortTable.suppressCounts(counted, List.of(indicator), minimumCell);
            Map<String, Cell> column = new TreeMap<>();
            for (int i = 0; i < t.areas().size(); i++) {
                String area = t.areas().get(i);
                column.put(area, cell(t.cells().get(i).get(0), people.get(area), roundTo));
            }
            columns.add(column);
            totals.add(t.areas().isEmpty() ? cell(OptionalLong.of(0), held, roundTo)
                    : cell(t.columnTotals().get(0), held, roundTo));
        }
        List<Row> rows = new ArrayList<>();
        for (String area : areas) {
            List<Cell> cells = new ArrayList<>();
            for (Map<String, Cell> column : columns) {
                cells.add(column.getOrDefault(area, cell(OptionalLong.of(0), people.get(area), roundTo)));
            }
            rows.add(new Row(area, rounded(people.get(area), roundTo), cells));
        }
        return new AreaCohorts(level, indicators, rows, new Row("All areas", rounded(held, roundTo), totals),
                minimumCell, roundTo);
    }

    private static Cell cell(OptionalLong count, long people, int roundTo) {
        if (count.isEmpty()) {
            return Cell.SUPPRESSED;
        }
        long shown = rounded(count.getAsLong(), roundTo);
        return new Cell(OptionalLong.of(shown), people == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(Math.round(shown * 10_000.0 / people) / 10.0));
    }

    static long rounded(long n, int roundTo) {
        return Math.round(n / (double) roundTo) * roundTo;
    }

    /** The rows drawn on the chart and the map: areas with a postcode. */
    public List<Row> placed() {
        return rows.stream().filter(r -> !r.unknown()).toList();
    }

    /** How many cells are suppressed, totals included. */
    public int suppressedCells() {
        int n = 0;
        for (Row r : rows) {
            n += (int) r.cells().stream().filter(Cell::suppressed).count();
        }
        return n + (int) total.cells().stream().filter(Cell::suppressed).count();
    }
}
