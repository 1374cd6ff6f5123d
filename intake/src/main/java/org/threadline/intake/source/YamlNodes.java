package org.threadline.intake.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Typed reads from a YAML tree that report a wrong or missing value at its path instead of throwing. */
final class YamlNodes {
    private final Problems problems;

    YamlNodes(Problems problems) {
        this.problems = problems;
    }

    /** Reports every key of a mapping that is not one of {@code known}, suggesting the nearest known key. */
    void onlyKnownKeys(JsonNode mapping, String path, Set<String> known) {
        for (Iterator<String> names = mapping.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                String hint = nearest(name, known).map(k -> " (did you mean '" + k + "'?)").orElse("");
                problems.add(join(path, name), "unknown key '" + name + "'" + hint);
            }
        }
    }

    Optional<String> requiredText(JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            problems.add(join(path, key), "missing: " + key + " is required");
            return Optional.empty();
        }
        return text(node, join(path, key));
    }

    Optional<String> optionalText(JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        return node == null || node.isNull() ? Optional.empty() : text(node, join(path, key));
    }

    /** A scalar as text: headers and codes may be numbers in YAML ({@code 1: M}). */
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
            problems.add(join(path, key), "must be true or false, was '" + node.asText() + "'");
            return false;
        }
        return node.booleanValue();
    }

    Optional<Integer> requiredInt(JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            problems.add(join(path, key), "missing: " + key + " is required");
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            problems.add(join(path, key), "must be a whole number, was '" + node.asText() + "'");
            return Optional.empty();
        }
        return Optional.of(node.intValue());
    }

    /** A list of texts; absent gives an empty list, and each bad item is reported at {@code path[i]}. */
    List<String> texts(JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            problems.add(join(path, key), "must be a list");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            text(node.get(i), join(path, key) + "[" + i + "]").ifPresent(out::add);
        }
        return out;
    }

    /** A mapping of texts to texts; absent gives an empty map. */
    Map<String, String> textMap(JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            problems.add(join(path, key), "must be a mapping of source value to our value");
            return out;
        }
        node.fields().forEachRemaining(e -> text(e.getValue(), join(join(path, key), e.getKey()))
                .ifPresent(v -> out.put(e.getKey(), v)));
        return out;
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The known name within two edits of a typo, if there is one. */
    static Optional<String> nearest(String name, Iterable<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = distance(name.toLowerCase(java.util.Locale.ROOT), k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
