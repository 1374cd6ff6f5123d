package org.threadline.domain.indicators.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Typed reads from a YAML tree that report a wrong or missing value at its path instead of throwing. */
final class Yaml {
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
    private final Problems problems;

    Yaml(Problems problems) {
        this.problems = problems;
    }

    static Optional<JsonNode> tree(String text, Problems problems) {
        try {
            JsonNode root = MAPPER.readTree(text);
            if (root == null || !root.isObject()) {
                problems.add("", "the document must be a mapping");
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (IOException e) {
            problems.add("", "not valid YAML: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
            return Optional.empty();
        }
    }

    void onlyKnownKeys(JsonNode mapping, String path, Set<String> known) {
        for (Iterator<String> names = mapping.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(Problems.join(path, name), "unknown key '" + name + "'; expected one of "
                        + known.stream().sorted().toList());
            }
        }
    }

    Optional<String> requiredText(JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            problems.add(Problems.join(path, key), "missing: " + key + " is required");
            return Optional.empty();
        }
        return text(node, Problems.join(path, key));
    }

    Optional<String> optionalText(JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        return node == null || node.isNull() ? Optional.empty() : text(node, Problems.join(path, key));
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

    /** A scalar or a list of scalars, as a list. */
    List<String> texts(JsonNode node, String path) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                text(node.get(i), path + "[" + i + "]").ifPresent(out::add);
            }
            if (node.isEmpty()) {
                problems.add(path, "must not be an empty list");
            }
        } else {
            text(node, path).ifPresent(out::add);
        }
        return out;
    }

    boolean flag(JsonNode parent, String path, String key, boolean otherwise) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return otherwise;
        }
        if (!node.isBoolean()) {
            problems.add(Problems.join(path, key), "must be true or false, was '" + node.asText() + "'");
            return otherwise;
        }
        return node.booleanValue();
    }

    Optional<LocalDate> requiredDate(JsonNode parent, String path, String key) {
        return requiredText(parent, path, key).flatMap(t -> {
            try {
                return Optional.of(LocalDate.parse(t));
            } catch (DateTimeParseException e) {
                problems.add(Problems.join(path, key), "must be a date like 2027-03-31, was '" + t + "'");
                return Optional.empty();
            }
        });
    }

    Optional<Integer> requiredPositiveInt(JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            problems.add(Problems.join(path, key), "missing: " + key + " is required");
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1) {
            problems.add(Problems.join(path, key), "must be a whole number of at least 1, was '" + node.asText() + "'");
            return Optional.empty();
        }
        return Optional.of(node.intValue());
    }

    Optional<JsonNode> requiredMapping(JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            problems.add(Problems.join(path, key), "missing: " + key + " is required");
            return Optional.empty();
        }
        if (!node.isObject()) {
            problems.add(Problems.join(path, key), "must be a mapping");
            return Optional.empty();
        }
        return Optional.of(node);
    }

    void add(String path, String message) {
        problems.add(path, message);
    }
}
