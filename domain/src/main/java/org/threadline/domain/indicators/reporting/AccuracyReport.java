package org.threadline.domain.indicators.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.threadline.domain.indicators.Status;

/**
 * Precision and recall of each indicator against truth, overall and per subgroup, and a flag where the largest
 * difference between subgroups of one attribute exceeds the tolerance. Subgroups with fewer than
 * {@code minimumSupport} true cases (for recall) or flagged cases (for precision) are shown but not compared:
 * their rates are noise.
 */
public record AccuracyReport(double tolerance, int minimumSupport, List<IndicatorAccuracy> indicators) {
    public AccuracyReport {
        indicators = List.copyOf(indicators);
    }

    /** One subgroup's counts: attribute, value, and the confusion counts in it. */
    public record Subgroup(String attribute, String value, Confusion counts) {
    }

    /** The largest difference in one measure between compared subgroups of an attribute. */
    public record Gap(String measure, String attribute, String lowest, String highest, double difference) {
    }

    public record IndicatorAccuracy(String indicator, Confusion overall, List<Subgroup> subgroups,
                                    List<Gap> gaps, boolean flagged) {
        public IndicatorAccuracy {
            Objects.requireNonNull(indicator, "indicator");
            subgroups = List.copyOf(subgroups);
            gaps = List.copyOf(gaps);
        }

        public Optional<Gap> largestGap() {
            return gaps.stream().max(java.util.Comparator.comparingDouble(Gap::difference));
        }
    }

    /**
     * @param indicators the indicators to report, in order; a person is in an indicator's population when the
     *                   indicator was evaluated for them
     * @param attributes the subgroup attributes to compare, in order
     */
    public static AccuracyReport measure(Iterable<Labelled> people, List<String> indicators, List<String> attributes,
                                         double tolerance, int minimumSupport) {
        Map<String, Confusion> overall = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, Confusion>>> groups = new LinkedHashMap<>();
        for (String i : indicators) {
            overall.put(i, Confusion.ZERO);
            Map<String, Map<String, Confusion>> byAttribute = new LinkedHashMap<>();
            attributes.forEach(a -> byAttribute.put(a, new TreeMap<>()));
            groups.put(i, byAttribute);
        }
        for (Labelled p : people) {
            for (String i : indicators) {
                Status s = p.predicted().get(i);
                if (s == null) {
                    continue;
                }
                boolean predicted = s == Status.MET;
                boolean actual = p.truth().contains(i);
                boolean unknown = s == Status.INSUFFICIENT_DATA;
                overall.merge(i, Confusion.ZERO, (a, z) -> a.plus(predicted, actual, unknown));
                for (String a : attributes) {
                    String value = p.attributes().getOrDefault(a, "unknown");
                    groups.get(i).get(a).merge(value, Confusion.ZERO.plus(predicted, actual, unknown),
                            (x, y) -> x.plus(predicted, actual, unknown));
                }
            }
        }
        List<IndicatorAccuracy> out = new ArrayList<>();
        for (String i : indicators) {
            List<Subgroup> subgroups = new ArrayList<>();
            List<Gap> gaps = new ArrayList<>();
            for (String a : attributes) {
                Map<String, Confusion> byValue = groups.get(i).get(a);
                byValue.forEach((v, c) -> subgroups.add(new Subgroup(a, v, c)));
                gap("recall", a, byValue, minimumSupport, true).ifPresent(gaps::add);
                gap("precision", a, byValue, minimumSupport, false).ifPresent(gaps::add);
            }
            boolean flagged = gaps.stream().anyMatch(g -> g.difference() > tolerance);
            out.add(new IndicatorAccuracy(i, overall.get(i), subgroups, gaps, flagged));
        }
        return new AccuracyReport(tolerance, minimumSupport, out);
    }

    private static Optional<Gap> gap(String measure, String attribute, Map<String, Confusion> byValue,
                                     int minimumSupport, boolean recall) {
        String low = null;
        String high = null;
        double lo = Double.MAX_VALUE;
        double hi = -1;
        for (Map.Entry<String, Confusion> e : byValue.entrySet()) {
            Confusion c = e.getValue();
            long support = recall ? c.actualPositives() : c.predictedPositives();
            OptionalDouble rate = recall ? c.recall() : c.precision();
            if (support < minimumSupport || rate.isEmpty()) {
                continue;
            }
            if (rate.getAsDouble() < lo) {
                lo = rate.getAsDouble();
                low = e.getKey();
            }
            if (rate.getAsDouble() > hi) {
                hi = rate.getAsDouble();
                high = e.getKey();
            }
        }
        if (low == null || low.equals(high)) {
            return Optional.empty();
        }
        return Optional.of(new Gap(measure, attribute, low, high, hi - lo));
    }

    /** The published tables: one line per indicator, then the subgroups of each. */
    public String toMarkdown() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Subgroup gaps over %.0f percentage points are flagged; subgroups with "
                + "fewer than %d cases are not compared. INSUFFICIENT_DATA counts as not flagged.%n%n",
                tolerance * 100, minimumSupport));
        b.append("| indicator | people | truly present | flagged | correct flags | precision | recall | "
                + "insufficient data | largest subgroup gap | flag |\n|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (IndicatorAccuracy a : indicators) {
            Confusion c = a.overall();
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %s | %s | %d | %s | %s |%n",
                    a.indicator(), c.population(), c.actualPositives(), c.predictedPositives(), c.truePositives(),
                    pct(c.precision()), pct(c.recall()), c.insufficient(), a.largestGap().map(g -> String.format(
                            Locale.ROOT, "%s by %s: %.1f pts (%s vs %s)", g.measure(), g.attribute(),
                            g.difference() * 100, g.lowest(), g.highest())).orElse("–"),
                    a.flagged() ? "**GAP**" : ""));
        }
        b.append("\n| indicator | attribute | group | people | truly present | flagged | precision | recall |\n"
                + "|---|---|---|---:|---:|---:|---:|---:|\n");
        for (IndicatorAccuracy a : indicators) {
            for (Subgroup s : a.subgroups()) {
                Confusion c = s.counts();
                b.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %d | %s | %s |%n", a.indicator(),
                        s.attribute(), s.value(), c.population(), c.actualPositives(), c.predictedPositives(),
                        pct(c.precision()), pct(c.recall())));
            }
        }
        return b.toString();
    }

    private static String pct(OptionalDouble d) {
        return d.isPresent() ? String.format(Locale.ROOT, "%.1f%%", d.getAsDouble() * 100) : "–";
    }
}
