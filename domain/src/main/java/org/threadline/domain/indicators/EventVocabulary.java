package org.threadline.domain.indicators;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.threadline.domain.indicators.internal.VocabularyParser;

/**
 * The event types and, per type, the fact names the chronology produces ({@code config/chronology/events.yaml}).
 * Rulebooks are checked against it, so a rule cannot ask for a type or fact no feed will ever give.
 */
public record EventVocabulary(String id, int version, Map<String, Set<String>> factsByType) {
    public EventVocabulary {
        Objects.requireNonNull(id, "id");
        factsByType = Map.copyOf(factsByType);
    }

    public Set<String> types() {
        return factsByType.keySet();
    }

    public boolean hasType(String type) {
        return factsByType.containsKey(type);
    }

    /** Whether events of {@code type} carry fact {@code fact}. */
    public boolean hasFact(String type, String fact) {
        return factsByType.getOrDefault(type, Set.of()).contains(fact);
    }

    /** The same view of the chronology's own reading of {@code events.yaml}, so the file is read once. */
    public static EventVocabulary of(org.threadline.domain.chronology.EventVocabulary chronology) {
        Map<String, Set<String>> facts = new java.util.LinkedHashMap<>();
        chronology.types().keySet().stream().sorted().forEach(t -> facts.put(t, chronology.factsOf(t)));
        return new EventVocabulary(chronology.id(), chronology.version(), facts);
    }

    public static EventVocabulary read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new IndicatorException("cannot read the event vocabulary " + file + ": " + e.getMessage(), e);
        }
    }

    public static EventVocabulary parse(String yaml, String origin) {
        return VocabularyParser.parse(yaml, origin);
    }
}
