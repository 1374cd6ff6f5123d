package org.threadline.app.web.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which source column each standardised field of a feed came from ({@code config/sources}): agreements grant
 * source columns (SURNAME, Patient_Surname ...), while records hold standardised fields (surname), so a question to
 * the policy decision point is asked in the provider's own column names.
 */
public final class SourceFields {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** definition id -> "part|field" -> source column. */
    private final Map<String, Map<String, String>> columns;
    /** definition id -> the columns that describe what happened (event type and attributes). */
    private final Map<String, List<String>> details;

    private SourceFields(Map<String, Map<String, String>> columns, Map<String, List<String>> details) {
        this.columns = columns;
        this.details = details;
    }

    /** The columns an event's summary is written from: shown only when all of them are released. */
    public List<String> detailColumns(String definitionId) {
        return details.getOrDefault(definitionId, List.of());
    }

    public static SourceFields read(Path folder) {
        Map<String, Map<String, String>> out = new HashMap<>();
        Map<String, List<String>> details = new HashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode root = YAML.readTree(f.toFile());
                Map<String, String> of = out.computeIfAbsent(root.path("id").asText(), k -> new HashMap<>());
                for (JsonNode c : root.path("columns")) {
                    String part = c.path("person").asText("");
                    if (List.of("event_type", "attribute").contains(c.path("field").asText())) {
                        details.computeIfAbsent(root.path("id").asText(), k -> new java.util.ArrayList<>())
                                .add(c.path("source").asText());
                    }
                    String field = c.path("field").asText();
                    // Police name "forenames"; the records hold "forename".
                    String standard = field.equals("forenames") ? "forename" : field;
                    of.putIfAbsent(part + "|" + standard, c.path("source").asText());
                    if (field.equals("event_date") || field.equals("event_datetime")) {
                        of.putIfAbsent(part + "|event_date", c.path("source").asText());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the source definitions in " + folder, e);
        }
        return new SourceFields(out, details);
    }

    /** The source column of a standardised field for a record's part ("" for the row's subject, "mother" ...). */
    public Optional<String> column(String definitionId, String part, String field) {
        Map<String, String> of = columns.getOrDefault(definitionId, Map.of());
        return Optional.ofNullable(of.get((part == null ? "" : part) + "|" + field));
    }

    /** The column holding the date of a feed's events, if it has one. */
    public Optional<String> eventDate(String definitionId) {
        return column(definitionId, "", "event_date");
    }

    public List<String> definitions() {
        return List.copyOf(columns.keySet());
    }
}
