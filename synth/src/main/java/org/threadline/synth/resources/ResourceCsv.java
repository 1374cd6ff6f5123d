package org.threadline.synth.resources;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the small comma-separated tables shipped with the generator (names, places). Names never contain commas or quotes, so a plain
 * split is enough; lines starting with '#' are provenance comments and the first other line is the header.
 *
 * @param header the column names
 * @param rows   the data rows, each with exactly as many cells as the header
 */
public record ResourceCsv(List<String> header, List<List<String>> rows) {

    /** Loads a table by its absolute classpath name, e.g. {@code /org/threadline/synth/names/forenames.csv}. */
    public static ResourceCsv load(String resourceName) {
        try (InputStream in = ResourceCsv.class.getResourceAsStream(resourceName)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resourceName);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = null;
            List<List<String>> rows = new ArrayList<>();
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = Arrays.stream(line.split(",", -1)).map(String::strip).toList();
                if (header == null) {
                    header = cells;
                } else if (cells.size() != header.size()) {
                    throw new IllegalStateException(resourceName + " line " + lineNumber + " has " + cells.size()
                            + " cells, header has " + header.size());
                } else {
                    rows.add(cells);
                }
            }
            if (header == null) {
                throw new IllegalStateException(resourceName + " has no header");
            }
            return new ResourceCsv(header, List.copyOf(rows));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resourceName, e);
        }
    }
}
