package org.threadline.intake.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one entry of {@code columns}, reporting every structural problem, then checks it with {@link ColumnRules}. */
final class ColumnReader {
    static final Set<String> KEYS = Set.of("source", "field", "person", "key", "dates", "codes", "free_text",
            "special_category", "required", "description");
    private static final Pattern PERSON_LABEL = Pattern.compile("[a-z][a-z0-9_]*");

    private final Problems problems;
    private final YamlNodes yaml;
    private final ColumnRules rules;

    ColumnReader(Problems problems) {
        this.problems = problems;
        this.yaml = new YamlNodes(problems);
        this.rules = new ColumnRules(problems);
    }

    /** The column, or empty when its source or field could not be read (the reason is already reported). */
    Optional<ColumnMapping> read(JsonNode node, String path) {
        if (!node.isObject()) {
            problems.add(path, "a column is a mapping with at least source and field");
            return Optional.empty();
        }
        yaml.onlyKnownKeys(node, path, KEYS);
        Optional<String> source = yaml.requiredText(node, path, "source");
        Optional<CanonicalField> field = yaml.requiredText(node, path, "field").flatMap(f -> field(f, path));
        String person = yaml.optionalText(node, path, "person").orElse(ColumnMapping.SUBJECT);
        if (!PERSON_LABEL.matcher(person).matches()) {
            problems.add(path + ".person", "a person label is lower-case letters, digits and _, was '" + person + "'");
        }
        boolean key = yaml.flag(node, path, "key");
        List<String> dates = yaml.texts(node, path, "dates");
        Map<String, String> codes = yaml.textMap(node, path, "codes");
        boolean freeText = yaml.flag(node, path, "free_text");
        boolean special = yaml.flag(node, path, "special_category");
        boolean required = yaml.flag(node, path, "required");
        String description = yaml.optionalText(node, path, "description").orElse("");
        if (source.isEmpty() || field.isEmpty()) {
            return Optional.empty();
        }
        ColumnMapping column = new ColumnMapping(source.get(), field.get(), person, key, dates, codes, freeText,
                special, required, description);
        rules.check(column, node, path);
        return Optional.of(column);
    }

    private Optional<CanonicalField> field(String name, String path) {
        Optional<CanonicalField> field = CanonicalField.fromYaml(name);
        if (field.isEmpty()) {
            String hint = YamlNodes.nearest(name, CanonicalField.yamlNames()).map(k -> "; did you mean '" + k + "'?")
                    .orElse("; known fields: " + String.join(", ", CanonicalField.yamlNames()));
            problems.add(path + ".field", "unknown canonical field '" + name + "'" + hint);
        }
        return field;
    }
}
