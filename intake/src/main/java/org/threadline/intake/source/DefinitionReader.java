package org.threadline.intake.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Turns a parsed YAML document into a {@link SourceDefinition}, reporting every problem before giving up. */
final class DefinitionReader {
    static final Set<String> KEYS = Set.of("id", "version", "agency", "description", "record_type", "files",
            "format", "columns");
    private static final Set<String> FORMAT_KEYS = Set.of("type", "delimiter", "encoding", "sheet");
    /** A FHIR column: a resource type, then elements, each with an optional [filter] (identifier[nhs]). */
    private static final Pattern FHIR_PATH =
            Pattern.compile("(Patient|Encounter)(\\.[a-zA-Z][a-zA-Z0-9]*(\\[[^\\[\\]]+\\])?)+");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_SHEET_NAME = 31;

    private final Problems problems;
    private final YamlNodes yaml;

    DefinitionReader(Problems problems) {
        this.problems = problems;
        this.yaml = new YamlNodes(problems);
    }

    /** The definition, or empty when anything is wrong (and then every problem is in {@code problems}). */
    Optional<SourceDefinition> read(JsonNode root, String sha256) {
        if (root == null || !root.isObject()) {
            problems.add("", "a source definition is a YAML mapping with id, version, agency, record_type, files "
                    + "and columns");
            return Optional.empty();
        }
        yaml.onlyKnownKeys(root, "", KEYS);
        Optional<String> id = yaml.requiredText(root, "", "id").filter(v -> slug(v, "id"));
        Optional<Integer> version = yaml.requiredInt(root, "", "version").filter(this::positive);
        Optional<String> agency = yaml.requiredText(root, "", "agency").filter(v -> slug(v, "agency"));
        String description = yaml.optionalText(root, "", "description").orElse("");
        Optional<RecordType> recordType = yaml.requiredText(root, "", "record_type").flatMap(this::recordType);
        List<String> files = files(root);
        FormatHints format = format(root.get("format"));
        List<ColumnMapping> columns = columns(root.get("columns"), recordType);
        if (format.type().filter(t -> t == FileFormat.FHIR).isPresent()) {
            fhirPaths(root.get("columns"));
        }
        if (problems.any()) {
            return Optional.empty();
        }
        return Optional.of(new SourceDefinition(id.orElseThrow(), version.orElseThrow(), agency.orElseThrow(),
                description, recordType.orElseThrow(), files, format, columns, sha256));
    }

    private boolean slug(String value, String key) {
        if (!SLUG.matcher(value).matches()) {
            problems.add(key, key + " is lower-case letters and digits joined by hyphens, was '" + value + "'");
            return false;
        }
        return true;
    }

    private boolean positive(int version) {
        if (version < 1) {
            problems.add("version", "version counts from 1, was " + version);
            return false;
        }
        return true;
    }

    private Optional<RecordType> recordType(String name) {
        try {
            return Optional.of(RecordType.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            problems.add("record_type", "unknown record type '" + name + "' (PERSON, EVENT, RELATIONSHIP, ADDRESS)");
            return Optional.empty();
        }
    }

    private List<String> files(JsonNode root) {
        if (root.get("files") == null || root.get("files").isNull()) {
            problems.add("files", "missing: files is required (globs relative to the extracts folder)");
            return List.of();
        }
        List<String> globs = yaml.texts(root, "", "files");
        if (globs.isEmpty() && root.get("files").isArray()) {
            problems.add("files", "list at least one file pattern");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < globs.size(); i++) {
            String glob = globs.get(i);
            String path = "files[" + i + "]";
            if (!seen.add(glob)) {
                problems.add(path, "pattern '" + glob + "' is listed twice");
            } else if (glob.startsWith("/") || glob.contains("\\") || List.of(glob.split("/")).contains("..")) {
                problems.add(path, "a pattern is relative to the extracts folder, with / between folders: '"
                        + glob + "'");
            } else {
                try {
                    SourceDefinition.matcher(glob).matches(Path.of("x"));
                } catch (PatternSyntaxException | InvalidPathException e) {
                    problems.add(path, "not a glob pattern: " + e.getMessage());
                }
            }
        }
        return globs;
    }

    private FormatHints format(JsonNode node) {
        if (node == null || node.isNull()) {
            return FormatHints.NONE;
        }
        if (!node.isObject()) {
            problems.add("format", "format is a mapping of type, delimiter, encoding and sheet");
            return FormatHints.NONE;
        }
        yaml.onlyKnownKeys(node, "format", FORMAT_KEYS);
        Optional<FileFormat> type = yaml.optionalText(node, "format", "type").flatMap(this::type);
        Optional<Character> delimiter = yaml.optionalText(node, "format", "delimiter").flatMap(this::delimiter);
        Optional<Charset> encoding = yaml.optionalText(node, "format", "encoding").flatMap(this::encoding);
        Optional<String> sheet = yaml.optionalText(node, "format", "sheet").filter(this::sheet);
        return new FormatHints(type, delimiter, encoding, sheet);
    }

    private Optional<FileFormat> type(String name) {
        Optional<FileFormat> type = FileFormat.fromYaml(name);
        if (type.isEmpty()) {
            problems.add("format.type", "unknown file format '" + name + "' (" + String.join(", ",
                    FileFormat.yamlNames()) + ")");
        }
        return type;
    }

    /** In a FHIR definition every column's source is a path into a Patient or an Encounter. */
    private void fhirPaths(JsonNode columns) {
        if (columns == null || !columns.isArray()) {
            return;
        }
        for (int i = 0; i < columns.size(); i++) {
            JsonNode node = columns.get(i).get("source");
            String source = node == null || !node.isTextual() ? null : node.asText();
            if (source != null && !FHIR_PATH.matcher(source).matches()) {
                problems.add("columns[" + i + "].source", "a FHIR column is a path such as Patient.name.family,"
                        + " Patient.identifier[nhs] or Encounter.period.start, was '" + source + "'");
            }
        }
    }

    private Optional<Character> delimiter(String text) {
        if (text.length() != 1 || "\"\r\n".contains(text)) {
            problems.add("format.delimiter", "a delimiter is one character other than a quote or line break, was '"
                    + text + "'");
            return Optional.empty();
        }
        return Optional.of(text.charAt(0));
    }

    private Optional<Charset> encoding(String name) {
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException e) {
            problems.add("format.encoding", "unknown encoding '" + name + "' (e.g. UTF-8, windows-1252)");
            return Optional.empty();
        }
    }

    private boolean sheet(String name) {
        if (name.length() > MAX_SHEET_NAME) {
            problems.add("format.sheet", "an Excel sheet name has at most 31 characters: '" + name + "'");
            return false;
        }
        return true;
    }

    private List<ColumnMapping> columns(JsonNode node, Optional<RecordType> recordType) {
        if (node == null || node.isNull()) {
            problems.add("columns", "missing: columns is required");
            return List.of();
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add("columns", "columns is a non-empty list");
            return List.of();
        }
        ColumnReader reader = new ColumnReader(problems);
        List<IndexedColumn> read = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            int index = i;
            reader.read(node.get(i), "columns[" + i + "]").ifPresent(c -> read.add(new IndexedColumn(index, c)));
        }
        new CrossColumnRules(problems).check(read, recordType);
        return read.stream().map(IndexedColumn::column).toList();
    }
}
