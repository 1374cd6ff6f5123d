package org.threadline.domain.indicators.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.threadline.domain.indicators.FactTest;

/** One fact condition: a value (equals), or {in|has_any|contains|starts_with: [...]}, {present: true}, {at_least: n}. */
final class FactTestParser {
    private static final Set<String> OPS = Set.of("in", "has_any", "contains", "starts_with", "present", "at_least");
    private final Yaml yaml;
    private final References refs;

    FactTestParser(Yaml yaml, References refs) {
        this.yaml = yaml;
        this.refs = refs;
    }

    Optional<FactTest> parse(String fact, JsonNode n, String path) {
        if (n.isValueNode()) {
            return yaml.text(n, path).map(v -> new FactTest(fact, FactTest.Op.IN, List.of(v), Optional.empty()));
        }
        if (!n.isObject() || n.size() != 1) {
            refs.problems().add(path, "a fact condition is a value or one of " + OPS.stream().sorted().toList());
            return Optional.empty();
        }
        String op = n.fieldNames().next();
        JsonNode arg = n.get(op);
        String at = path + "." + op;
        return switch (op) {
            case "in" -> Optional.of(new FactTest(fact, FactTest.Op.IN, yaml.texts(arg, at), Optional.empty()));
            case "has_any" -> Optional.of(new FactTest(fact, FactTest.Op.HAS_ANY, yaml.texts(arg, at),
                    Optional.empty()));
            case "contains" -> Optional.of(new FactTest(fact, FactTest.Op.CONTAINS, yaml.texts(arg, at),
                    Optional.empty()));
            case "starts_with" -> Optional.of(new FactTest(fact, FactTest.Op.STARTS_WITH, yaml.texts(arg, at),
                    Optional.empty()));
            case "present" -> {
                if (!arg.isBoolean() || !arg.booleanValue()) {
                    refs.problems().add(at, "must be true");
                    yield Optional.empty();
                }
                yield Optional.of(new FactTest(fact, FactTest.Op.PRESENT, List.of(), Optional.empty()));
            }
            case "at_least" -> refs.amount(arg, at, 0).map(a -> new FactTest(fact, FactTest.Op.AT_LEAST, List.of(),
                    Optional.of(a)));
            default -> {
                refs.problems().add(at, "unknown fact condition '" + op + "'; use one of "
                        + OPS.stream().sorted().toList());
                yield Optional.empty();
            }
        };
    }
}
