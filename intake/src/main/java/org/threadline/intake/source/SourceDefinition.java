package org.threadline.intake.source;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A partner feed described as data: which files it reads, how, and what each column means. Built only by
 * {@link SourceDefinitions}, which validates it first, so every instance is valid.
 *
 * @param id          stable name, lower-case words joined by hyphens ({@code police-incident-persons})
 * @param version     1, 2, …: raised whenever the meaning of the definition changes
 * @param agency      the agency that sends the feed ({@code police}, {@code social-care})
 * @param description what the feed is; may be empty
 * @param recordType  what one row describes
 * @param files       glob patterns of file paths, relative to the extracts folder, that this definition reads
 * @param format      reading hints
 * @param columns     the columns in the order given
 * @param sha256      hex SHA-256 of the YAML text the definition was read from, to record with every load
 */
public record SourceDefinition(String id, int version, String agency, String description, RecordType recordType,
                               List<String> files, FormatHints format, List<ColumnMapping> columns, String sha256) {

    public SourceDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(sha256, "sha256");
        files = List.copyOf(files);
        columns = List.copyOf(columns);
    }

    /** The column read from this header, if the definition maps it. */
    public Optional<ColumnMapping> column(String source) {
        return columns.stream().filter(c -> c.source().equals(source)).findFirst();
    }

    /** The columns mapped to a field, in order. */
    public List<ColumnMapping> columns(CanonicalField field) {
        return columns.stream().filter(c -> c.field() == field).toList();
    }

    /** The columns that together key a row: {@code record_key} columns and those marked {@code key: true}. */
    public List<ColumnMapping> keyColumns() {
        return columns.stream().filter(c -> c.key() || c.field() == CanonicalField.RECORD_KEY).toList();
    }

    /** Whether a file path, relative to the extracts folder ({@code police/custody.csv}), is one of this feed's. */
    public boolean matches(Path relativeFile) {
        Path normalised = relativeFile.normalize();
        return files.stream().map(SourceDefinition::matcher).anyMatch(m -> m.matches(normalised));
    }

    /** {@code id v3}: how loads and logs name the definition. */
    public String reference() {
        return id + " v" + version;
    }

    static PathMatcher matcher(String glob) {
        return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    }

    Stream<String> sources() {
        return columns.stream().map(ColumnMapping::source);
    }
}
