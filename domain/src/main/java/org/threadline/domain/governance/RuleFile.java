package org.threadline.domain.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reading the small governance rule files ({@code config/governance/*.yaml}: what subject access withholds, how
 * levels of need are read) with every problem collected, each as "path: problem", so that a file is refused with
 * all its defects at once, as an agreement is.
 */
public final class RuleFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RuleFile() {
    }

    /** A rule file refused, with every problem found. */
    public static class InvalidRuleFileException extends RuntimeException {
        private final List<String> problems;

        public InvalidRuleFileException(String origin, List<String> problems) {
            super(origin + ": " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** The file's text, or a refusal naming it. */
    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new InvalidRuleFileException(file.toString(), List.of("cannot read: " + e.getMessage()));
        }
    }

    /** The YAML's top-level mapping, or a refusal: not YAML, or not a mapping. */
    public static JsonNode mapping(String yaml, String origin) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new InvalidRuleFileException(origin, List.of("not YAML: " + e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRuleFileException(origin, List.of("$: must be a mapping"));
        }
        return root;
    }

    /** {@code version}: a whole number of at least 1, else -1 with a problem. */
    public static int version(JsonNode root, List<String> problems) {
        int version = root.path("version").isIntegralNumber() ? root.get("version").asInt() : -1;
        if (version < 1) {
            problems.add("$.version: must be a whole number of at least 1");
        }
        return version;
    }

    /** Required non-blank text, stripped; "" with a problem when missing. */
    public static String text(JsonNode n, String key, String path, List<String> problems) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            problems.add(path + "." + key + ": required text");
            return "";
        }
        return v.asText().strip();
    }

    /** A required non-empty list of text; the items that are text, with a problem for each that is not. */
    public static List<String> texts(JsonNode n, String key, String path, List<String> problems) {
        JsonNode v = n.get(key);
        List<String> out = new ArrayList<>();
        if (v == null || !v.isArray() || v.isEmpty()) {
            problems.add(path + "." + key + ": required, a non-empty list");
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                problems.add(path + "." + key + "[" + i + "]: must be text");
            } else {
                out.add(v.get(i).asText());
            }
        }
        return out;
    }

    /** A problem for each key of the mapping {@code n} not in {@code known}; one if {@code n} is not a mapping. */
    public static void unknownKeys(JsonNode n, String path, Set<String> known, List<String> problems) {
        if (!n.isObject()) {
            problems.add(path + ": must be a mapping");
            return;
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                problems.add(path + "." + k + ": unknown key (known: " + String.join(", ", known.stream().sorted()
                        .toList()) + ")");
            }
        }
    }
}
