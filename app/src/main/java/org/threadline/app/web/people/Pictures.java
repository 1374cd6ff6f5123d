package org.threadline.app.web.people;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.threadline.app.people.MatchExplanations;
import org.threadline.domain.chronology.Timeline;

/**
 * The pictures the pages draw, as shapes with coordinates computed here so the templates only place them: SVG
 * with presentation attributes and CSS classes, no script and no inline style (the Content-Security-Policy forbids
 * both). Each picture has a text equivalent on its page (a table), and a title for assistive technology.
 */
public final class Pictures {
    private Pictures() {
    }

    /** A rectangle with a label and the value written beside it. */
    public record Bar(String label, String value, double x, double y, double width, double height, String css) {
        public double textY() {
            return y + height - 5;
        }

        public double valueX() {
            return x + width + 4;
        }
    }

    /** A waterfall: the prior, one bar per comparison from where the last one ended, and the total. */
    public record Waterfall(List<Bar> bars, double zeroX, double width, double height) {
    }

    static final double LABEL = 230;
    static final double PLOT = 360;

    static Waterfall waterfall(double prior, List<MatchExplanations.Bar> steps, double total) {
        List<double[]> spans = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> css = new ArrayList<>();
        spans.add(new double[] {0, prior});
        labels.add("Prior (before any evidence)");
        css.add("tl-bar-prior");
        double at = prior;
        for (MatchExplanations.Bar b : steps) {
            spans.add(new double[] {at, at + b.weight()});
            labels.add(b.comparison().replace('_', ' ') + ": " + b.level());
            css.add(b.weight() >= 0 ? "tl-bar-for" : "tl-bar-against");
            at += b.weight();
        }
        spans.add(new double[] {0, total});
        labels.add("Total");
        css.add("tl-bar-total");
        double min = 0;
        double max = 0;
        for (double[] s : spans) {
            min = Math.min(min, Math.min(s[0], s[1]));
            max = Math.max(max, Math.max(s[0], s[1]));
        }
        double scale = PLOT / Math.max(1e-9, max - min);
        List<Bar> bars = new ArrayList<>();
        double row = 20;
        for (int i = 0; i < spans.size(); i++) {
            double[] s = spans.get(i);
            double x0 = LABEL + (Math.min(s[0], s[1]) - min) * scale;
            double w = Math.max(1, Math.abs(s[1] - s[0]) * scale);
            double value = i == 0 ? prior : i == spans.size() - 1 ? total : s[1] - s[0];
            bars.add(new Bar(labels.get(i), String.format(Locale.UK, "%+.1f", value), x0, 6 + i * row, w, row - 4,
                    css.get(i)));
        }
        return new Waterfall(bars, LABEL - min * scale, LABEL + PLOT + 60, 12 + spans.size() * row);
    }

    /** A dot on the timeline. */
    public record Dot(double x, double y, String css, String title) {
    }

    /** A lane (one agency), a year tick, a gap. */
    public record Lane(String label, double y) {
    }

    public record Tick(String label, double x) {
    }

    public record Span(double x, double width, String title) {
    }

    public record TimelinePicture(List<Lane> lanes, List<Tick> ticks, List<Span> gaps, List<Dot> dots, double width,
                           double height, double axisY) {
    }

    static TimelinePicture timeline(Timeline t) {
        double left = 150;
        double plot = 560;
        Map<String, Double> laneY = new LinkedHashMap<>();
        t.entries().stream().map(Timeline.Entry::agency).sorted().distinct()
                .forEach(a -> laneY.put(a, 20.0 + laneY.size() * 24));
        double height = 20 + laneY.size() * 24 + 30;
        if (t.entries().isEmpty()) {
            return new TimelinePicture(List.of(), List.of(), List.of(), List.of(), left + plot + 40, 60, 40);
        }
        LocalDate from = t.entries().get(0).date().date().withDayOfYear(1);
        LocalDate to = t.entries().stream().map(e -> e.until().orElse(e.date()).latest()).max(LocalDate::compareTo)
                .orElseThrow().plusYears(1).withDayOfYear(1);
        double days = Math.max(1, ChronoUnit.DAYS.between(from, to));
        java.util.function.Function<LocalDate, Double> x = d -> left + ChronoUnit.DAYS.between(from, d) / days * plot;
        List<Lane> lanes = laneY.entrySet().stream().map(e -> new Lane(e.getKey(), e.getValue())).toList();
        List<Tick> ticks = new ArrayList<>();
        int step = Math.max(1, (int) Math.ceil((to.getYear() - from.getYear()) / 10.0));
        for (int y = from.getYear(); y <= to.getYear(); y += step) {
            ticks.add(new Tick(Integer.toString(y), x.apply(LocalDate.of(y, 1, 1))));
        }
        List<Span> gaps = t.gaps().stream().map(g -> new Span(x.apply(g.from()),
                Math.max(2, x.apply(g.to()) - x.apply(g.from())), "No agency contact from " + g.from() + " to "
                + g.to() + " (" + g.days() + " days)")).toList();
        List<Dot> dots = t.entries().stream().map(e -> new Dot(x.apply(e.date().date()), laneY.get(e.agency()),
                e.significant() ? "tl-dot-significant" : "tl-dot", e.date().date() + " " + e.agency() + ": "
                + e.type().toLowerCase(Locale.ROOT).replace('_', ' ') + (e.count() > 1 ? " (" + e.count()
                + " events)" : ""))).toList();
        return new TimelinePicture(lanes, ticks, gaps, dots, left + plot + 40, height, height - 22);
    }

    /** A person in the family picture, and a tie between two. */
    public record Node(String personId, String label, double x, double y, boolean anchor) {
        public double labelY() {
            return y + 30;
        }
    }

    public record Edge(double x1, double y1, double x2, double y2, String css, String title) {
    }

    public record FamilyPicture(List<Node> nodes, List<Edge> edges, double width, double height) {
    }

    /** The anchor in the middle, everyone else on a circle around them. */
    static FamilyPicture family(String anchor, Map<String, String> labels, List<String[]> ties) {
        double w = 720;
        double h = 480;
        double cx = w / 2;
        double cy = h / 2;
        double r = Math.min(w, h) / 2 - 60;
        Map<String, double[]> at = new LinkedHashMap<>();
        at.put(anchor, new double[] {cx, cy});
        List<String> others = labels.keySet().stream().filter(p -> !p.equals(anchor)).sorted().toList();
        for (int i = 0; i < others.size(); i++) {
            double a = -Math.PI / 2 + 2 * Math.PI * i / Math.max(1, others.size());
            at.put(others.get(i), new double[] {cx + r * Math.cos(a), cy + r * Math.sin(a)});
        }
        List<Node> nodes = new ArrayList<>();
        at.forEach((p, xy) -> nodes.add(new Node(p, labels.getOrDefault(p, p), xy[0], xy[1], p.equals(anchor))));
        // One line per pair of people, whatever the number of ties between them: asserted if any tie is.
        Map<String, String[]> byPair = new LinkedHashMap<>();
        for (String[] t : ties) { // {from, to, css, title}
            String pair = t[0].compareTo(t[1]) < 0 ? t[0] + "|" + t[1] : t[1] + "|" + t[0];
            String[] held = byPair.get(pair);
            if (held == null) {
                byPair.put(pair, t.clone());
            } else {
                held[2] = held[2].endsWith("asserted") || t[2].endsWith("asserted") ? "tl-tie-asserted" : held[2];
                held[3] = held[3] + "; " + t[3];
            }
        }
        List<Edge> edges = new ArrayList<>();
        for (String[] t : byPair.values()) {
            double[] a = at.get(t[0]);
            double[] b = at.get(t[1]);
            if (a != null && b != null) {
                edges.add(new Edge(a[0], a[1], b[0], b[1], t[2], t[3]));
            }
        }
        return new FamilyPicture(nodes, edges, w, h);
    }
}
