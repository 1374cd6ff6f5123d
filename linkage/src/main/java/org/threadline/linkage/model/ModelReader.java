package org.threadline.linkage.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Turns a parsed document into a {@link LinkageModel}, noting every problem of shape (missing or unknown keys, wrong
 * types, unknown names) with its path. Where a value is unusable it puts null or an empty list in its place and goes
 * on, so that {@link ModelValidator} can still check the rest.
 */
final class ModelReader {
    private final List<ModelError> errors = new ArrayList<>();

    List<ModelError> errors() {
        return errors;
    }

    LinkageModel model(JsonNode root) {
        if (!object(root, "$")) {
            return null;
        }
        keys(root, "", Set.of("format_version", "id", "version", "description", "link_type", "unique_id_column",
                "source_column", "columns", "blocking_rules", "comparisons", "prior", "thresholds", "training"));
        Long format = whole(root, "", "format_version", true);
        if (format != null && format != ModelJson.FORMAT_VERSION) {
            error("format_version", "is " + format + "; this reader knows format " + ModelJson.FORMAT_VERSION);
        }
        Long version = whole(root, "", "version", true);
        return new LinkageModel(
                text(root, "", "id", true),
                version == null ? 0 : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, version)),
                text(root, "", "description", false),
                choice(root, "", "link_type", LinkType.class),
                text(root, "", "unique_id_column", true),
                text(root, "", "source_column", false),
                list(root, "", "columns", (node, path) -> text(node, path)),
                list(root, "", "blocking_rules", this::rule),
                list(root, "", "comparisons", this::comparison),
                decimal(root, "", "prior", false),
                thresholds(root.get("thresholds")),
                training(root.get("training")));
    }

    private BlockingRule rule(JsonNode node, String path) {
        if (!object(node, path)) {
            return new BlockingRule(null, null);
        }
        keys(node, path, Set.of("name", "keys", "train"));
        JsonNode train = node.get("train");
        if (train != null && !train.isBoolean()) {
            error(at(path, "train"), "must be true or false");
        }
        return new BlockingRule(text(node, path, "name", true), list(node, path, "keys", (key, at) -> {
            if (!object(key, at)) {
                return new BlockingKey(null, null);
            }
            keys(key, at, Set.of("column", "transform"));
            return new BlockingKey(text(key, at, "column", true), choice(key, at, "transform", BlockingTransform.class));
        }), train == null || train.asBoolean(true));
    }

    private Comparison comparison(JsonNode node, String path) {
        if (!object(node, path)) {
            return new Comparison(null, null, false, null);
        }
        keys(node, path, Set.of("name", "columns", "term_frequency_adjustments", "levels"));
        JsonNode tf = node.get("term_frequency_adjustments");
        if (tf == null) {
            error(at(path, "term_frequency_adjustments"), "is missing (true or false)");
        } else if (!tf.isBoolean()) {
            error(at(path, "term_frequency_adjustments"), "must be true or false");
        }
        return new Comparison(text(node, path, "name", true), list(node, path, "columns", this::text),
                tf != null && tf.asBoolean(false), list(node, path, "levels", this::level));
    }

    private ComparisonLevel level(JsonNode node, String path) {
        if (!object(node, path)) {
            return new ComparisonLevel(null, null, null, null, null);
        }
        keys(node, path, Set.of("label", "kind", "parameters", "m_probability", "u_probability"));
        LevelKind kind = choice(node, path, "kind", LevelKind.class);
        Map<String, Object> parameters = new LinkedHashMap<>();
        JsonNode params = node.get("parameters");
        if (params != null && object(params, at(path, "parameters"))) {
            for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                JsonNode v = p.getValue();
                if (v.isIntegralNumber() && v.canConvertToLong()) {
                    parameters.put(p.getKey(), v.longValue());
                } else if (v.isNumber()) {
                    parameters.put(p.getKey(), v.doubleValue());
                } else if (v.isTextual()) {
                    parameters.put(p.getKey(), v.textValue());
                } else {
                    error(at(path, "parameters") + "." + p.getKey(), "must be a number or a string");
                }
            }
        }
        return new ComparisonLevel(text(node, path, "label", true), kind, parameters,
                decimal(node, path, "m_probability", false), decimal(node, path, "u_probability", false));
    }

    private Thresholds thresholds(JsonNode node) {
        if (node == null) {
            error("thresholds", "is missing");
            return null;
        }
        if (!object(node, "thresholds")) {
            return null;
        }
        keys(node, "thresholds", Set.of("join", "review_low", "fracture", "join_rule"));
        Double join = decimal(node, "thresholds", "join", true);
        Double reviewLow = decimal(node, "thresholds", "review_low", true);
        Double fracture = decimal(node, "thresholds", "fracture", true);
        JoinRule rule = node.has("join_rule") ? choice(node, "thresholds", "join_rule", JoinRule.class)
                : JoinRule.FIXED;
        return join == null || reviewLow == null || fracture == null ? null
                : new Thresholds(join, reviewLow, fracture, rule);
    }

    private TrainingMetadata training(JsonNode node) {
        if (node == null || !object(node, "training")) {
            return null;
        }
        keys(node, "training", Set.of("trained_at", "records", "pairs", "passes"));
        Long records = whole(node, "training", "records", true);
        Long pairs = whole(node, "training", "pairs", true);
        return new TrainingMetadata(text(node, "training", "trained_at", true), records == null ? 0 : records,
                pairs == null ? 0 : pairs, list(node, "training", "passes", (pass, at) -> {
                    if (!object(pass, at)) {
                        return new TrainingPass(null, 0, false);
                    }
                    keys(pass, at, Set.of("name", "iterations", "converged"));
                    Long iterations = whole(pass, at, "iterations", true);
                    JsonNode converged = pass.get("converged");
                    if (converged == null || !converged.isBoolean()) {
                        error(at(at, "converged"), "must be true or false");
                    }
                    return new TrainingPass(text(pass, at, "name", true),
                            iterations == null ? 0 : (int) Math.min(Integer.MAX_VALUE, iterations),
                            converged != null && converged.asBoolean(false));
                }));
    }

    private <T> List<T> list(JsonNode parent, String path, String key, BiFunction<JsonNode, String, T> element) {
        JsonNode node = parent.get(key);
        String at = at(path, key);
        List<T> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            error(at, "is missing");
        } else if (!node.isArray()) {
            error(at, "must be an array");
        } else {
            for (int i = 0; i < node.size(); i++) {
                // Unusable elements come back as placeholders, so later elements keep their index in paths.
                out.add(element.apply(node.get(i), at + "[" + i + "]"));
            }
        }
        return out;
    }

    private String text(JsonNode node, String path) {
        if (!node.isTextual()) {
            error(path, "must be a string");
            return "";
        }
        return node.textValue();
    }

    private String text(JsonNode parent, String path, String key, boolean required) {
        JsonNode node = present(parent, path, key, required);
        if (node == null) {
            return null;
        }
        String text = text(node, at(path, key));
        return text.isEmpty() && !node.isTextual() ? null : text;
    }

    private Double decimal(JsonNode parent, String path, String key, boolean required) {
        JsonNode node = present(parent, path, key, required);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            error(at(path, key), "must be a number");
            return null;
        }
        return node.doubleValue();
    }

    private Long whole(JsonNode parent, String path, String key, boolean required) {
        JsonNode node = present(parent, path, key, required);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            error(at(path, key), "must be a whole number");
            return null;
        }
        return node.longValue();
    }

    private <E extends Enum<E>> E choice(JsonNode parent, String path, String key, Class<E> type) {
        String value = text(parent, path, key, true);
        if (value == null) {
            return null;
        }
        E parsed = JsonNames.parse(type, value).orElse(null);
        if (parsed == null) {
            error(at(path, key), "unknown " + key.replace('_', ' ') + " '" + value + "'; expected one of "
                    + JsonNames.choices(type));
        }
        return parsed;
    }

    private JsonNode present(JsonNode parent, String path, String key, boolean required) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            if (required) {
                error(at(path, key), "is missing");
            }
            return null;
        }
        return node;
    }

    private boolean object(JsonNode node, String path) {
        if (!node.isObject()) {
            error(path, "must be an object");
            return false;
        }
        return true;
    }

    private void keys(JsonNode node, String path, Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                error(at(path, name), "is not a field of this object");
            }
        }
    }

    private static String at(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private void error(String path, String message) {
        errors.add(new ModelError(path, message));
    }
}
