package org.threadline.domain.indicators.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.threadline.domain.indicators.Amount;
import org.threadline.domain.indicators.Condition;
import org.threadline.domain.indicators.Window;

/** An indicator's condition tree: any_of, all_of, {at_least: n, of: [...]}, {signal: ...}, {indicator: ...}. */
final class ConditionParser {
    private static final Set<String> SIGNAL_KEYS = Set.of("signal", "window", "at_least");
    private final Yaml yaml;
    private final References refs;

    ConditionParser(Yaml yaml, References refs) {
        this.yaml = yaml;
        this.refs = refs;
    }

    Optional<Condition> parse(JsonNode n, String path, String indicatorId) {
        Problems problems = refs.problems();
        if (!n.isObject()) {
            problems.add(path, "a condition is a mapping: any_of, all_of, {at_least, of}, {signal} or {indicator}");
            return Optional.empty();
        }
        if (n.has("any_of") || n.has("all_of")) {
            String key = n.has("any_of") ? "any_of" : "all_of";
            yaml.onlyKnownKeys(n, path, Set.of(key));
            return children(n.get(key), path + "." + key, indicatorId)
                    .map(c -> key.equals("any_of") ? new Condition.AnyOf(c) : new Condition.AllOf(c));
        }
        if (n.has("of")) {
            yaml.onlyKnownKeys(n, path, Set.of("at_least", "of"));
            Optional<Amount> k = refs.amount(n.get("at_least"), path + ".at_least", 1);
            Optional<List<Condition>> c = children(n.get("of"), path + ".of", indicatorId);
            if (k.isPresent() && c.isPresent() && k.get().literal().isPresent()
                    && k.get().literal().get() > c.get().size()) {
                problems.add(path + ".at_least", "asks for " + k.get() + " of only " + c.get().size()
                        + " conditions, so it can never hold");
                return Optional.empty();
            }
            return k.isPresent() && c.isPresent() ? Optional.of(new Condition.AtLeastOf(k.get(), c.get()))
                    : Optional.empty();
        }
        if (n.has("signal")) {
            yaml.onlyKnownKeys(n, path, SIGNAL_KEYS);
            Optional<String> signal = yaml.requiredText(n, path, "signal");
            signal.ifPresent(s -> refs.requireSignal(s, path + ".signal"));
            Optional<Window> window = n.has("window") ? refs.window(n.get("window"), path + ".window")
                    : Optional.empty();
            Optional<Amount> atLeast = n.has("at_least") ? refs.amount(n.get("at_least"), path + ".at_least", 1)
                    : Optional.empty();
            return signal.map(s -> new Condition.UseSignal(s, window, atLeast));
        }
        if (n.has("indicator")) {
            yaml.onlyKnownKeys(n, path, Set.of("indicator"));
            Optional<String> ind = yaml.requiredText(n, path, "indicator");
            if (ind.isPresent() && ind.get().equals(indicatorId)) {
                problems.add(path + ".indicator", "an indicator cannot use itself");
                return Optional.empty();
            }
            return ind.map(Condition.UseIndicator::new);
        }
        problems.add(path, "a condition is any_of, all_of, {at_least, of}, {signal} or {indicator}");
        return Optional.empty();
    }

    private Optional<List<Condition>> children(JsonNode list, String path, String indicatorId) {
        if (list == null || !list.isArray() || list.isEmpty()) {
            refs.problems().add(path, "must be a non-empty list of conditions");
            return Optional.empty();
        }
        List<Condition> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            Optional<Condition> c = parse(list.get(i), path + "[" + i + "]", indicatorId);
            ok &= c.isPresent();
            c.ifPresent(out::add);
        }
        return ok ? Optional.of(out) : Optional.empty();
    }
}
