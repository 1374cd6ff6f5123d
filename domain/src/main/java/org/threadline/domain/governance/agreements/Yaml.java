package org.threadline.domain.governance.agreements;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Typed reads from a YAML tree that report a wrong or missing value at its path instead of throwing. */
final class Yaml {
    private final Problems problems;

    Yaml(Problems problems) {
        this.problems = problems;
    }

    static String at(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String at(String path, int index) {
        return path + "[" + index + "]";
    }

    /** True when {@code node} is a mapping; otherwise reports it. */
    boolean mapping(JsonNode node, String path, String what) {
        if (node == null || !node.isObject()) {
            problems.add(path, what + " is a mapping");
            return false;
        }
        return true;
    }

    void onlyKnownKeys(JsonNode mapping, String path, Set<String> known) {
        for (Iterator<String> names = mapping.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(at(path, name), "unknown key '" + name + "' (known: " + String.join(", ",
                        known.stream().sorted().toList()) + ")");
            }
        }
    }

    Optional<String> requiredText(JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            problems.add(at(path, key), "missing: " + key + " is required");
            return Optional.empty();
        }
        return text(node, at(path, key));
    }

    Optional<String> optionalText(JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        return node == null || node.isNull() ? Optional.empty() : text(node, at(path, key));
    }

    Optional<String> text(JsonNode node, String path) {
        if (!node.isValueNode()) {
            problems.add(path, "must be a single value, not a " + (node.isArray() ? "list" : "mapping"));
            return Optional.empty();
        }
        String text = node.asText();
        if (text.isBlank()) {
            problems.add(path, "must not be blank");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    boolean flag(JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            problems.add(at(path, key), "must be true or false, was '" + node.asText() + "'");
            return false;
        }
        return node.booleanValue();
    }

    Optional<Integer> requiredInt(JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            problems.add(at(path, key), "missing: " + key + " is required");
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            problems.add(at(path, key), "must be a whole number, was '" + node.asText() + "'");
            return Optional.empty();
        }
        return Optional.of(node.intValue());
    }

    Optional<LocalDate> requiredDate(JsonNode parent, String path, String key) {
        return requiredText(parent, path, key).flatMap(text -> {
            try {
                return Optional.of(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                problems.add(at(path, key), "a date is written yyyy-mm-dd, was '" + text + "'");
                return Optional.empty();
            }
        });
    }

    Optional<Duration> requiredDuration(JsonNode parent, String path, String key) {
        return requiredText(parent, path, key).flatMap(text -> {
            try {
                Duration d = Duration.parse(text);
                if (d.isNegative() || d.isZero()) {
                    problems.add(at(path, key), "must be longer than zero, was '" + text + "'");
                    return Optional.empty();
                }
                return Optional.of(d);
            } catch (DateTimeParseException e) {
                problems.add(at(path, key), "an ISO-8601 duration such as PT4H or P3D, was '" + text + "'");
                return Optional.empty();
            }
        });
    }

    Optional<Period> requiredPeriod(JsonNode parent, String path, String key) {
        return requiredText(parent, path, key).flatMap(text -> {
            try {
                Period p = Period.parse(text);
                if (p.isNegative() || p.isZero()) {
                    problems.add(at(path, key), "must be longer than zero, was '" + text + "'");
                    return Optional.empty();
                }
                return Optional.of(p);
            } catch (DateTimeParseException e) {
                problems.add(at(path, key), "an ISO-8601 period such as P6Y or P18M, was '" + text + "'");
                return Optional.empty();
            }
        });
    }

    /** A list of texts; absent gives an empty list; each bad item is reported at {@code path[i]}. */
    List<String> texts(JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            problems.add(at(path, key), "must be a list");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            text(node.get(i), at(at(path, key), i)).ifPresent(out::add);
        }
        return out;
    }

    /** The elements of a list, absent giving none. */
    List<JsonNode> list(JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            problems.add(at(path, key), "must be a list");
            return out;
        }
        node.forEach(out::add);
        return out;
    }
}
