package org.threadline.domain.indicators.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.threadline.domain.indicators.EventVocabulary;
import org.threadline.domain.indicators.InvalidRulebookException;

/**
 * Reads the parts of {@code events.yaml} a rulebook is checked against: the declared types, and for each type the
 * facts of every source that can produce it (its default type and each rule's type).
 */
public final class VocabularyParser {
    private VocabularyParser() {
    }

    public static EventVocabulary parse(String text, String origin) {
        Problems problems = new Problems(origin);
        Yaml yaml = new Yaml(problems);
        JsonNode root = Yaml.tree(text, problems).orElse(null);
        if (root == null) {
            throw new InvalidRulebookException(problems.errors());
        }
        String id = yaml.requiredText(root, "", "id").orElse("");
        int version = yaml.requiredPositiveInt(root, "", "version").orElse(0);
        Map<String, Set<String>> facts = new LinkedHashMap<>();
        yaml.requiredMapping(root, "", "types").ifPresent(types -> types.fieldNames()
                .forEachRemaining(t -> facts.put(t, new LinkedHashSet<>())));
        yaml.requiredMapping(root, "", "sources").ifPresent(sources -> {
            for (Iterator<Map.Entry<String, JsonNode>> it = sources.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> source = it.next();
                String path = "sources." + source.getKey();
                Set<String> names = new LinkedHashSet<>();
                JsonNode f = source.getValue().path("facts");
                f.fieldNames().forEachRemaining(names::add);
                JsonNode type = source.getValue().path("type");
                Set<String> produced = new LinkedHashSet<>();
                if (type.hasNonNull("default")) {
                    produced.add(type.get("default").asText());
                }
                type.path("rules").forEach(r -> produced.add(r.path("type").asText()));
                for (String t : produced) {
                    if (!facts.containsKey(t)) {
                        problems.add(path + ".type", "type " + t + " is not declared under types");
                    } else {
                        facts.get(t).addAll(names);
                    }
                }
            }
        });
        if (problems.any()) {
            throw new InvalidRulebookException(problems.errors());
        }
        Map<String, Set<String>> frozen = new LinkedHashMap<>();
        facts.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
        return new EventVocabulary(id, version, frozen);
    }
}
