package org.threadline.domain.indicators.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.threadline.domain.indicators.AlertTrigger;
import org.threadline.domain.indicators.Condition;
import org.threadline.domain.indicators.EventVocabulary;
import org.threadline.domain.indicators.Indicator;
import org.threadline.domain.indicators.InvalidRulebookException;
import org.threadline.domain.indicators.Parameter;
import org.threadline.domain.indicators.Rulebook;
import org.threadline.domain.indicators.Signal;
import org.threadline.domain.indicators.Subject;

/**
 * Reads one rulebook and checks it whole: structure, then the references between its parts (signals, indicators,
 * parameters, alert triggers) and against the event vocabulary. Throws with every error, or returns the rulebook.
 */
public final class RulebookParser {
    private static final Set<String> TOP = Set.of("id", "version", "title", "description", "review_date",
            "vocabulary", "parameters", "signals", "indicators", "alerts");
    private static final Set<String> PARAMETER = Set.of("value", "description", "status", "source");
    private static final Set<String> INDICATOR = Set.of("id", "name", "description", "framework", "source",
            "subject", "evidence_level", "review_date", "enabled", "not_derivable", "requires", "condition");
    private static final Set<String> STATUSES = Set.of("CONFIRMED", "PARTIAL", "UNCONFIRMED");
    private static final Set<String> EVIDENCE_LEVELS = Set.of("direct", "proxy");

    private final EventVocabulary vocabulary;
    private final Problems problems;
    private final Yaml yaml;

    public RulebookParser(EventVocabulary vocabulary, String origin) {
        this.vocabulary = vocabulary;
        this.problems = new Problems(origin);
        this.yaml = new Yaml(problems);
    }

    public Rulebook parse(String text) {
        JsonNode root = Yaml.tree(text, problems).orElse(null);
        if (root == null) {
            throw new InvalidRulebookException(problems.errors());
        }
        yaml.onlyKnownKeys(root, "", TOP);
        String id = yaml.requiredText(root, "", "id").orElse("");
        int version = yaml.requiredPositiveInt(root, "", "version").orElse(0);
        String title = yaml.requiredText(root, "", "title").orElse("");
        String description = yaml.requiredText(root, "", "description").orElse("");
        LocalDate review = yaml.requiredDate(root, "", "review_date").orElse(LocalDate.MIN);
        String vocab = yaml.requiredText(root, "", "vocabulary").orElse("");
        if (!vocab.isEmpty() && !vocab.equals(vocabulary.id())) {
            problems.add("vocabulary", "names vocabulary '" + vocab + "' but it is checked against '"
                    + vocabulary.id() + "'");
        }
        Map<String, Parameter> parameters = parameters(root);
        References refs = new References(problems, vocabulary, parameters.keySet());
        Map<String, Signal> signals = new LinkedHashMap<>();
        JsonNode sigs = root.get("signals");
        if (sigs == null || !sigs.isObject() || sigs.isEmpty()) {
            problems.add("signals", "missing: signals is a required, non-empty mapping");
        } else {
            SignalParser sp = new SignalParser(yaml, refs);
            for (Iterator<Map.Entry<String, JsonNode>> it = sigs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sp.parse(e.getKey(), e.getValue(), "signals." + e.getKey()).ifPresent(s -> signals.put(s.id(), s));
            }
        }
        refs.signals(sigs == null ? Set.of() : fieldNames(sigs));
        List<Indicator> indicators = indicators(root, refs);
        refs.checkIndicatorReferences(indicators);
        List<AlertTrigger> alerts = new AlertParser(yaml, refs).parse(root.get("alerts"), indicators);
        if (problems.any()) {
            throw new InvalidRulebookException(problems.errors());
        }
        return new Rulebook(id, version, title, description, review, vocab, parameters, signals, indicators, alerts,
                sha256(text));
    }

    private Map<String, Parameter> parameters(JsonNode root) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        JsonNode node = root.get("parameters");
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            problems.add("parameters", "must be a mapping of name to {value, description, status, source}");
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "parameters." + e.getKey();
            JsonNode p = e.getValue();
            if (!p.isObject()) {
                problems.add(path, "must be a mapping {value, description, status, source}");
                continue;
            }
            yaml.onlyKnownKeys(p, path, PARAMETER);
            JsonNode value = p.get("value");
            if (value == null || !value.isNumber()) {
                problems.add(path + ".value", "must be a number");
            }
            String description = yaml.requiredText(p, path, "description").orElse("");
            String status = yaml.requiredText(p, path, "status").orElse("");
            if (!status.isEmpty() && !STATUSES.contains(status)) {
                problems.add(path + ".status", "must be one of " + STATUSES.stream().sorted().toList());
            }
            String source = yaml.requiredText(p, path, "source").orElse("");
            if (value != null && value.isNumber()) {
                out.put(e.getKey(), new Parameter(e.getKey(), value.doubleValue(), description, status, source));
            }
        }
        return out;
    }

    private List<Indicator> indicators(JsonNode root, References refs) {
        List<Indicator> out = new ArrayList<>();
        JsonNode node = root.get("indicators");
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add("indicators", "missing: indicators is a required, non-empty list");
            return out;
        }
        ConditionParser conditions = new ConditionParser(yaml, refs);
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "indicators[" + i + "]";
            JsonNode n = node.get(i);
            if (!n.isObject()) {
                problems.add(path, "must be a mapping");
                continue;
            }
            yaml.onlyKnownKeys(n, path, INDICATOR);
            String id = yaml.requiredText(n, path, "id").orElse("");
            if (!id.isEmpty() && !seen.add(id)) {
                problems.add(path + ".id", "duplicate indicator id " + id);
            }
            String name = yaml.requiredText(n, path, "name").orElse("");
            String description = yaml.requiredText(n, path, "description").orElse("");
            String framework = yaml.requiredText(n, path, "framework").orElse("");
            String source = yaml.requiredText(n, path, "source").orElse("");
            Subject subject = yaml.requiredText(n, path, "subject").flatMap(s -> Enums.of(Subject.class, s,
                    path + ".subject", problems)).orElse(null);
            String level = yaml.requiredText(n, path, "evidence_level").orElse("");
            if (!level.isEmpty() && !EVIDENCE_LEVELS.contains(level)) {
                problems.add(path + ".evidence_level", "must be one of " + EVIDENCE_LEVELS.stream().sorted().toList());
            }
            LocalDate review = yaml.requiredDate(n, path, "review_date").orElse(null);
            boolean enabled = yaml.flag(n, path, "enabled", true);
            Optional<String> notDerivable = yaml.optionalText(n, path, "not_derivable");
            Optional<String> requires = yaml.optionalText(n, path, "requires");
            requires.ifPresent(r -> refs.requireSignal(r, path + ".requires"));
            Optional<Condition> condition = Optional.empty();
            JsonNode c = n.get("condition");
            if (c != null && notDerivable.isPresent()) {
                problems.add(path, "has both a condition and not_derivable: give one");
            } else if (c == null && notDerivable.isEmpty()) {
                problems.add(path + ".condition", "missing: an indicator needs a condition, or not_derivable saying "
                        + "why no feed can support it");
            } else if (c != null) {
                condition = conditions.parse(c, path + ".condition", id);
            }
            if (subject != null && review != null && (condition.isPresent() || notDerivable.isPresent())
                    && !id.isEmpty()) {
                out.add(new Indicator(id, name, description, framework, source, subject, level, review, enabled,
                        notDerivable, requires, condition));
            }
        }
        return out;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
