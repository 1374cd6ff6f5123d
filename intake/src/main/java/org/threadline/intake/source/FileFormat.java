package org.threadline.intake.source;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a feed's files are read. A definition may say ({@code format: {type: fhir}}); otherwise the file's extension
 * decides: {@code .xlsx} a workbook, {@code .jsonl} / {@code .ndjson} JSON lines, anything else CSV. FHIR Bundles are
 * only ever read when the definition says so, since {@code .json} alone says nothing of the content.
 */
public enum FileFormat {
    /** Delimited text with a header row. */
    CSV,
    /** An Excel workbook (one sheet). */
    XLSX,
    /** One JSON object per line; a definition's column sources are the objects' field names. */
    JSONL,
    /** A FHIR R4 Bundle (JSON) of Patient and Encounter resources; column sources are FHIR paths. */
    FHIR;

    /** The YAML spelling: {@code jsonl}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FileFormat> fromYaml(String name) {
        return Arrays.stream(values()).filter(f -> f.yamlName().equals(name)).findFirst();
    }

    public static List<String> yamlNames() {
        return Arrays.stream(values()).map(FileFormat::yamlName).toList();
    }

    /** The format a file's name implies when its definition does not say. */
    public static FileFormat byName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return XLSX;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSONL;
        }
        return CSV;
    }
}
