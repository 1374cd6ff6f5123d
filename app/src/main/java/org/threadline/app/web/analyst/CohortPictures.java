package org.threadline.app.web.analyst;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cohort page's pictures, as shapes with coordinates computed here so the template only places them (SVG with
 * CSS classes; no script, no inline style: the Content-Security-Policy forbids both). Each has a title and a
 * description, and the table on the page is their text equivalent.
 */
public final class CohortPictures {
    private CohortPictures() {
    }

    static final double LABEL = 140;
    static final double PLOT = 420;
    static final double ROW = 20;
    static final double TILE = 52;
    static final double GAP = 4;
    /** The shading bands of the map, lightest first. */
    static final int BANDS = 4;

    /** A bar: the area, its rate as text, and its rectangle; a suppressed area has no bar and says so. */
    public record Bar(String area, String value, double y, double width, boolean suppressed) {
        public double textY() {
            return y + ROW - 6;
        }

        public double valueX() {
            return LABEL + width + 6;
        }

        public double barHeight() {
            return ROW - 6;
        }
    }

    /** A horizontal bar chart of each area's rate per 1,000. */
    public record BarChart(String title, String description, List<Bar> bars, double width, double height,
                           double axisX) {
    }

    /** A tile: grid position in pixels, its area, its rate as text, its band's CSS class, and a tooltip. */
    public record MapTile(String area, String value, double x, double y, String css, String title) {
        public double size() {
            return TILE;
        }

        public double centreX() {
            return x + TILE / 2;
        }

        public double areaY() {
            return y + 21;
        }

        public double valueY() {
            return y + 40;
        }
    }

    /** A block caption. */
    public record MapCaption(String text, double x, double y) {
    }

    /** A legend entry: its swatch's class and what it stands for. */
    public record LegendEntry(String css, String text) {
    }

    /** The tile-grid map of one indicator's rates. */
    public record TileMap(String title, String description, List<MapTile> tiles, List<MapCaption> captions,
                          List<LegendEntry> legend, double width, double height) {
    }

    static BarChart barChart(AreaCohorts cohorts, int column, String indicatorName) {
        List<AreaCohorts.Row> rows = cohorts.placed();
        double max = maxRate(rows, column);
        List<Bar> bars = new ArrayList<>();
        double y = 4;
        for (AreaCohorts.Row r : rows) {
            AreaCohorts.Cell c = r.cells().get(column);
            if (c.suppressed()) {
                bars.add(new Bar(r.area(), "c (suppressed)", y, 0, true));
            } else {
                double rate = c.perThousand().orElse(0);
                bars.add(new Bar(r.area(), c.rateText(), y, max == 0 ? 0 : PLOT * rate / max, false));
            }
            y += ROW;
        }
        long suppressed = bars.stream().filter(Bar::suppressed).count();
        String title = indicatorName + ": people per 1,000 by " + cohorts.level().words();
        String description = "Horizontal bars, one per " + cohorts.level().words() + " (" + rows.size() + "), in"
                + " postcode order; the longest is " + String.format(Locale.UK, "%.1f", max) + " per 1,000. "
                + suppressed + " suppressed " + (suppressed == 1 ? "area has" : "areas have") + " no bar. The same"
                + " figures are in the table.";
        return new BarChart(title, description, bars, LABEL + PLOT + 110, y + 4, LABEL);
    }

    static TileMap tileMap(AreaCohorts cohorts, int column, String indicatorName, AreaTiles tiles) {
        Map<String, AreaCohorts.Row> byArea = cohorts.placed().stream()
                .collect(Collectors.toMap(AreaCohorts.Row::area, r -> r));
        AreaTiles.Layout layout = tiles.layout(cohorts.level(), List.copyOf(byArea.keySet()));
        double max = maxRate(cohorts.placed(), column);
        List<MapTile> out = new ArrayList<>();
        for (AreaTiles.Tile t : layout.tiles()) {
            AreaCohorts.Cell c = byArea.get(t.area()).cells().get(column);
            double x = GAP + t.column() * (TILE + GAP);
            double y = GAP + t.row() * (TILE + GAP);
            if (c.suppressed()) {
                out.add(new MapTile(t.area(), "c", x, y, "tl-tile tl-tile-suppressed", t.area()
                        + ": suppressed"));
            } else {
                int band = band(c.perThousand().orElse(0), max);
                out.add(new MapTile(t.area(), c.rateText(), x, y, "tl-tile tl-band-" + band, t.area() + ": "
                        + c.rateText() + " per 1,000 (" + c.countText() + " people)"));
            }
        }
        List<MapCaption> captions = layout.captions().stream().map(k -> new MapCaption(k.text(),
                GAP + k.column() * (TILE + GAP), GAP + k.row() * (TILE + GAP) + TILE - 10)).toList();
        long suppressed = out.stream().filter(t -> t.css().contains("suppressed")).count();
        String title = indicatorName + ": map of people per 1,000 by " + cohorts.level().words();
        String description = "A tile grid, not a true map: one square tile per " + cohorts.level().words()
                + (cohorts.level() == AreaLevel.DISTRICT ? ", grouped in a block per postcode area placed roughly"
                + " where the area lies (Wolverhampton and Walsall north, Dudley west, Birmingham centre, Coventry"
                + " east); inside a block, districts run in number order" : ", placed roughly where the area lies")
                + ". Darker tiles have higher rates; " + suppressed + " hatched " + (suppressed == 1 ? "tile is"
                : "tiles are") + " suppressed. The same figures are in the table.";
        return new TileMap(title, description, out, captions, legend(max),
                Math.max(GAP + layout.columns() * (TILE + GAP), 420), GAP + (layout.rows() + 1) * (TILE + GAP));
    }

    /** Equal-width bands from 0 to the highest rate shown. */
    static int band(double rate, double max) {
        if (max <= 0) {
            return 0;
        }
        return Math.min(BANDS - 1, (int) Math.floor(rate / max * BANDS));
    }

    static List<LegendEntry> legend(double max) {
        List<LegendEntry> out = new ArrayList<>();
        if (max <= 0) {
            out.add(new LegendEntry("tl-band-0", "0 per 1,000 (every shown area)"));
        } else {
            for (int b = 0; b < BANDS; b++) {
                double from = max * b / BANDS;
                double to = max * (b + 1) / BANDS;
                out.add(new LegendEntry("tl-band-" + b, String.format(Locale.UK, b < BANDS - 1
                        ? "%.1f to under %.1f per 1,000" : "%.1f to %.1f per 1,000", from, to)));
            }
        }
        out.add(new LegendEntry("tl-tile-suppressed", "Suppressed (hatched): a small number, or hidden to protect"
                + " one"));
        return out;
    }

    private static double maxRate(List<AreaCohorts.Row> rows, int column) {
        return rows.stream().map(r -> r.cells().get(column)).filter(c -> !c.suppressed())
                .mapToDouble(c -> c.perThousand().orElse(0)).max().orElse(0);
    }
}
