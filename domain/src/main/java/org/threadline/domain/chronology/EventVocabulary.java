package org.threadline.domain.chronology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The event vocabulary ({@code config/chronology/events.yaml}): the event types with their labels and
 * significance, and per source definition how its rows become events. Read once, validated with every error
 * reported at once with its YAML path.
 */
public record EventVocabulary(String id, int version, Map<String, EventType> types,
                              Map<String, EventSource> sources) {

    /** An event type: its code, how a person reads it, and whether a practitioner filtering for significant
     * events should see it. */
    public record EventType(String code, String label, boolean significant) {
    }

    public EventVocabulary {
        types = Map.copyOf(types);
        sources = Map.copyOf(sources);
    }

    public Optional<EventSource> source(String definitionId) {
        return Optional.ofNullable(sources.get(definitionId));
    }

    public EventType type(String code) {
        EventType t = types.get(code);
        if (t == null) {
            throw new IllegalArgumentException("unknown event type " + code);
        }
        return t;
    }

    /** Every fact name any source can give events of this type (what a rulebook may test). */
    public Set<String> factsOf(String typeCode) {
        Set<String> facts = new java.util.TreeSet<>();
        for (EventSource s : sources.values()) {
            if (s.type().possibleTypes().contains(typeCode)) {
                facts.addAll(s.facts().keySet());
            }
        }
        return facts;
    }

    public static EventVocabulary read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new EventVocabularyException(file + ": cannot be read: " + e.getMessage(), List.of());
        }
    }

    public static EventVocabulary parse(String yaml, String origin) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new EventVocabularyException(origin + ": not valid YAML: " + e.getMessage(), List.of());
        }
        List<String> errors = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new EventVocabularyException(origin + ": expected a mapping at the top", List.of());
        }
        VocabularyReader reader = new VocabularyReader(errors);
        EventVocabulary vocabulary = reader.read(root);
        if (!errors.isEmpty()) {
            throw new EventVocabularyException(origin + ": " + errors.size() + " error(s) in the event vocabulary",
                    errors);
        }
        return vocabulary;
    }

    /** Reads the document, collecting problems instead of stopping at the first. */
    private static final class VocabularyReader {
        private final List<String> errors;

        VocabularyReader(List<String> errors) {
            this.errors = errors;
        }

        EventVocabulary read(JsonNode root) {
            known(root, "", Set.of("id", "version", "description", "types", "sources"));
            String id = text(root, "", "id").orElse("");
            int version = root.path("version").asInt(0);
            if (version < 1) {
                errors.add("version: must be a whole number from 1");
            }
            Map<String, EventType> types = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("types").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = "types." + e.getKey();
                known(e.getValue(), path, Set.of("label", "significant"));
                types.put(e.getKey(), new EventType(e.getKey(), text(e.getValue(), path, "label").orElse(""),
                        e.getValue().path("significant").asBoolean(false)));
            }
            if (types.isEmpty()) {
                errors.add("types: at least one event type is needed");
            }
            Map<String, EventSource> sources = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("sources").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                EventSource s = source(e.getKey(), e.getValue(), "sources." + e.getKey(), types.keySet());
                if (s != null) {
                    sources.put(e.getKey(), s);
                }
            }
            return new EventVocabulary(id, version, types, sources);
        }

        private EventSource source(String definition, JsonNode node, String path, Set<String> typeCodes) {
            known(node, path, Set.of("attach", "date", "end", "type", "role", "facts", "summary", "before_birth"));
            EventSource.Attach attach = attach(node.path("attach"), path + ".attach");
            EventSource.DateSpec date = date(node.path("date"), path + ".date");
            Optional<String> end = node.hasNonNull("end") ? text(node, path, "end") : Optional.empty();
            EventSource.TypeSpec type = type(node.path("type"), path + ".type", typeCodes);
            EventSource.RoleSpec role = role(node.path("role"), path + ".role");
            Map<String, String> facts = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.path("facts").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!f.getKey().matches("[a-z][a-z0-9_]*")) {
                    errors.add(path + ".facts." + f.getKey() + ": fact names are lower_snake_case");
                }
                facts.put(f.getKey(), f.getValue().asText());
            }
            String summary = text(node, path, "summary").orElse("");
            for (String placeholder : EventSource.placeholders(summary)) {
                if (!placeholder.equals("role") && !facts.containsKey(placeholder)) {
                    errors.add(path + ".summary: {" + placeholder + "} is not one of the source's facts");
                }
            }
            if (type != null) {
                for (EventSource.TypeRule rule : type.rules()) {
                    for (String fact : rule.when().keySet()) {
                        if (!facts.containsKey(fact)) {
                            errors.add(path + ".type.rules: condition on '" + fact
                                    + "', which is not one of the source's facts");
                        }
                    }
                }
            }
            Optional<EventSource.BeforeBirth> beforeBirth = node.has("before_birth")
                    ? beforeBirth(node.path("before_birth"), path + ".before_birth", facts.keySet(), role)
                    : Optional.empty();
            if (attach == null || date == null || type == null || role == null) {
                return null;
            }
            return new EventSource(definition, attach, date, end, type, role, facts, summary, beforeBirth);
        }

        private Optional<EventSource.BeforeBirth> beforeBirth(JsonNode node, String path, Set<String> facts,
                                                              EventSource.RoleSpec role) {
            known(node, path, Set.of("when", "parent", "born_within_days"));
            Map<String, EventSource.Condition> when = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.path("when").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> c = it.next();
                if (!facts.contains(c.getKey())) {
                    errors.add(path + ".when: condition on '" + c.getKey() + "', which is not one of the source's facts");
                }
                EventSource.Condition condition = condition(c.getValue(), path + ".when." + c.getKey());
                if (condition != null) {
                    when.put(c.getKey(), condition);
                }
            }
            if (when.isEmpty()) {
                errors.add(path + ".when: at least one condition marks a row as before birth");
            }
            Optional<String> parent = text(node, path, "parent");
            parent.filter(p -> role != null && !role.others().containsKey(p)).ifPresent(p -> errors.add(path
                    + ".parent: '" + p + "' is not a person the row names (role.others)"));
            int days = node.path("born_within_days").asInt(0);
            if (days < 1 || days > 366) {
                errors.add(path + ".born_within_days: a whole number of days from 1 to 366");
            }
            if (when.isEmpty() || parent.isEmpty() || days < 1 || days > 366) {
                return Optional.empty();
            }
            return Optional.of(new EventSource.BeforeBirth(when, parent.get(), days));
        }

        private EventSource.Attach attach(JsonNode node, String path) {
            if (node.isTextual() && node.asText().equals("self")) {
                return new EventSource.Attach.Self();
            }
            if (node.isObject()) {
                known(node, path, Set.of("definition", "on"));
                Optional<String> d = text(node, path, "definition");
                Optional<String> on = text(node, path, "on");
                if (d.isPresent() && on.isPresent()) {
                    return new EventSource.Attach.ToRecordsOf(d.get(), on.get());
                }
                return null;
            }
            errors.add(path + ": must be 'self' or {definition, on}");
            return null;
        }

        private EventSource.DateSpec date(JsonNode node, String path) {
            if (node.isTextual()) {
                return new EventSource.DateSpec.FromField(node.asText());
            }
            if (node.isObject() && node.has("academic_year")) {
                known(node, path, Set.of("academic_year", "term"));
                return new EventSource.DateSpec.AcademicYear(node.path("academic_year").asText(),
                        node.hasNonNull("term") ? Optional.of(node.path("term").asText()) : Optional.empty());
            }
            errors.add(path + ": must name a field, or be {academic_year, term}");
            return null;
        }

        private EventSource.TypeSpec type(JsonNode node, String path, Set<String> typeCodes) {
            known(node, path, Set.of("default", "rules"));
            Optional<String> fallback = text(node, path, "default");
            fallback.filter(t -> !typeCodes.contains(t))
                    .ifPresent(t -> errors.add(path + ".default: unknown event type " + t));
            List<EventSource.TypeRule> rules = new ArrayList<>();
            int i = 0;
            for (JsonNode r : node.path("rules")) {
                String rp = path + ".rules[" + i++ + "]";
                known(r, rp, Set.of("when", "type"));
                Optional<String> t = text(r, rp, "type");
                t.filter(x -> !typeCodes.contains(x)).ifPresent(x -> errors.add(rp + ".type: unknown event type " + x));
                Map<String, EventSource.Condition> when = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = r.path("when").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> c = it.next();
                    EventSource.Condition condition = condition(c.getValue(), rp + ".when." + c.getKey());
                    if (condition != null) {
                        when.put(c.getKey(), condition);
                    }
                }
                if (when.isEmpty()) {
                    errors.add(rp + ".when: a rule needs at least one condition");
                }
                t.ifPresent(x -> rules.add(new EventSource.TypeRule(when, x)));
            }
            return fallback.map(f -> new EventSource.TypeSpec(f, rules)).orElse(null);
        }

        private EventSource.Condition condition(JsonNode node, String path) {
            if (node.isValueNode()) {
                return new EventSource.Condition.Equals(node.asText());
            }
            known(node, path, Set.of("in", "starts_with", "contains", "present"));
            if (node.has("in")) {
                List<String> values = new ArrayList<>();
                node.path("in").forEach(v -> values.add(v.asText()));
                return new EventSource.Condition.In(Set.copyOf(values));
            }
            if (node.has("starts_with")) {
                return new EventSource.Condition.StartsWith(node.path("starts_with").asText());
            }
            if (node.has("contains")) {
                return new EventSource.Condition.Contains(node.path("contains").asText());
            }
            if (node.has("present")) {
                return new EventSource.Condition.Present(node.path("present").asBoolean());
            }
            errors.add(path + ": a condition is a value, or one of in, starts_with, contains, present");
            return null;
        }

        private EventSource.RoleSpec role(JsonNode node, String path) {
            known(node, path, Set.of("fixed", "field", "map", "others"));
            Map<String, EventRole> others = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.path("others").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> o = it.next();
                role(o.getValue().asText(), path + ".others." + o.getKey()).ifPresent(r -> others.put(o.getKey(), r));
            }
            if (node.has("fixed")) {
                return role(node.path("fixed").asText(), path + ".fixed")
                        .map(r -> (EventSource.RoleSpec) new EventSource.RoleSpec(Optional.of(r), "", Map.of(),
                                others)).orElse(null);
            }
            Optional<String> field = text(node, path, "field");
            Map<String, EventRole> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.path("map").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> m = it.next();
                role(m.getValue().asText(), path + ".map." + m.getKey()).ifPresent(r -> map.put(m.getKey(), r));
            }
            return field.map(f -> new EventSource.RoleSpec(Optional.empty(), f, map, others)).orElse(null);
        }

        private Optional<EventRole> role(String name, String path) {
            try {
                return Optional.of(EventRole.valueOf(name));
            } catch (IllegalArgumentException e) {
                errors.add(path + ": unknown role " + name + " (one of " + List.of(EventRole.values()) + ")");
                return Optional.empty();
            }
        }

        private Optional<String> text(JsonNode parent, String path, String key) {
            JsonNode n = parent.get(key);
            String p = path.isEmpty() ? key : path + "." + key;
            if (n == null || n.isNull() || !n.isValueNode() || n.asText().isBlank()) {
                errors.add(p + ": missing: " + key + " is required");
                return Optional.empty();
            }
            return Optional.of(n.asText());
        }

        private void known(JsonNode node, String path, Set<String> keys) {
            if (!node.isObject()) {
                if (!node.isMissingNode()) {
                    errors.add((path.isEmpty() ? "(top)" : path) + ": expected a mapping");
                }
                return;
            }
            node.fieldNames().forEachRemaining(k -> {
                if (!keys.contains(k)) {
                    errors.add((path.isEmpty() ? k : path + "." + k) + ": unknown key '" + k + "'");
                }
            });
        }
    }
}
