package org.threadline.domain.indicators.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.threadline.domain.indicators.Amount;
import org.threadline.domain.indicators.Condition;
import org.threadline.domain.indicators.EventVocabulary;
import org.threadline.domain.indicators.Indicator;
import org.threadline.domain.indicators.Window;

/**
 * What the parts of a rulebook may refer to (parameters, signals, indicators, the vocabulary's types and facts), and
 * the shared readers of amounts and windows that check those references as they go.
 */
final class References {
    private final Problems problems;
    private final EventVocabulary vocabulary;
    private final Set<String> parameters;
    private Set<String> signals = Set.of();

    References(Problems problems, EventVocabulary vocabulary, Set<String> parameters) {
        this.problems = problems;
        this.vocabulary = vocabulary;
        this.parameters = Set.copyOf(parameters);
    }

    Problems problems() {
        return problems;
    }

    EventVocabulary vocabulary() {
        return vocabulary;
    }

    void signals(Set<String> names) {
        this.signals = Set.copyOf(names);
    }

    void requireSignal(String name, String path) {
        if (!signals.contains(name)) {
            problems.add(path, "unknown signal '" + name + "'");
        }
    }

    /** A number, or {@code $parameter}. */
    Optional<Amount> amount(JsonNode node, String path, double atLeast) {
        if (node == null || node.isNull()) {
            problems.add(path, "missing: a number or $parameter is required");
            return Optional.empty();
        }
        if (node.isNumber()) {
            if (node.doubleValue() < atLeast) {
                problems.add(path, "must be at least " + atLeast + ", was " + node.asText());
                return Optional.empty();
            }
            return Optional.of(Amount.of(node.doubleValue()));
        }
        String text = node.asText("");
        if (text.startsWith("$")) {
            String name = text.substring(1);
            if (!parameters.contains(name)) {
                problems.add(path, "unknown parameter '" + name + "'");
                return Optional.empty();
            }
            return Optional.of(Amount.parameter(name));
        }
        problems.add(path, "must be a number or $parameter, was '" + text + "'");
        return Optional.empty();
    }

    /** {@code childhood}, {@code ever}, {@code {days|months|years: n}} or {@code {before_age: n}}. */
    Optional<Window> window(JsonNode node, String path) {
        if (node.isTextual()) {
            return switch (node.asText()) {
                case "childhood" -> Optional.of(new Window.Childhood());
                case "ever" -> Optional.of(new Window.Ever());
                default -> {
                    problems.add(path, "'" + node.asText() + "' is not a window: use childhood, ever, {days: n}, "
                            + "{months: n}, {years: n} or {before_age: n}");
                    yield Optional.empty();
                }
            };
        }
        if (!node.isObject() || node.size() != 1) {
            problems.add(path, "a window is childhood, ever, or one of {days: n}, {months: n}, {years: n}, "
                    + "{before_age: n}");
            return Optional.empty();
        }
        String key = node.fieldNames().next();
        String at = path + "." + key;
        return switch (key) {
            case "days" -> amount(node.get(key), at, 1).map(a -> new Window.Last(a, ChronoUnit.DAYS));
            case "months" -> amount(node.get(key), at, 1).map(a -> new Window.Last(a, ChronoUnit.MONTHS));
            case "years" -> amount(node.get(key), at, 1).map(a -> new Window.Last(a, ChronoUnit.YEARS));
            case "before_age" -> amount(node.get(key), at, 1).map(Window.BeforeAge::new);
            default -> {
                problems.add(at, "unknown window '" + key + "': use days, months, years or before_age");
                yield Optional.empty();
            }
        };
    }

    /** Every indicator an indicator refers to must exist, be declared, and not lead back to itself. */
    void checkIndicatorReferences(List<Indicator> indicators) {
        Map<String, List<String>> uses = new HashMap<>();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator ind = indicators.get(i);
            position.put(ind.id(), i);
            List<String> used = new ArrayList<>();
            ind.condition().ifPresent(c -> collect(c, used));
            uses.put(ind.id(), used);
        }
        for (Indicator ind : indicators) {
            String path = "indicators[" + position.get(ind.id()) + "].condition";
            for (String used : uses.get(ind.id())) {
                if (!uses.containsKey(used)) {
                    problems.add(path, "unknown indicator '" + used + "'");
                }
            }
            if (reaches(ind.id(), ind.id(), uses, new HashSet<>())) {
                problems.add(path, "indicator " + ind.id() + " depends on itself through its indicator references");
            }
        }
    }

    private static boolean reaches(String from, String target, Map<String, List<String>> uses, Set<String> seen) {
        for (String next : uses.getOrDefault(from, List.of())) {
            if (next.equals(target)) {
                return true;
            }
            if (seen.add(next) && reaches(next, target, uses, seen)) {
                return true;
            }
        }
        return false;
    }

    static void collect(Condition c, List<String> out) {
        if (c instanceof Condition.UseIndicator u) {
            out.add(u.indicator());
        } else {
            Conditions.children(c).forEach(x -> collect(x, out));
        }
    }
}
