package org.threadline.app.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.threadline.linkage.data.RecordTable;
import org.threadline.linkage.model.LinkageModel;

/**
 * Reads the CSV files to link into a record table with the model's columns, and the truth column if asked for.
 * Any file works whose headers include the model's id column and columns; a missing one is a usage error naming the
 * file and the column.
 */
final class LinkInputs {
    private LinkInputs() {
    }

    /** Records, and each record's truth id when a truth column was named (else null). */
    record Loaded(RecordTable records, int[] truth) {
    }

    static Loaded read(LinkageModel model, List<Path> inputs, String truthColumn) throws IOException {
        List<String> columns = model.columns();
        RecordTable.Builder builder = RecordTable.builder(columns);
        List<Integer> truth = new ArrayList<>();
        Map<String, Integer> truthIds = new HashMap<>();
        for (int source = 0; source < inputs.size(); source++) {
            Path file = inputs.get(source);
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 CSVParser parser = CSVParser.parse(reader, CSVFormat.RFC4180.builder().setHeader()
                         .setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).get())) {
                List<String> headers = parser.getHeaderNames();
                require(file, headers, model.uniqueIdColumn());
                for (String column : columns) {
                    require(file, headers, column);
                }
                if (truthColumn != null) {
                    require(file, headers, truthColumn);
                }
                for (CSVRecord r : parser) {
                    String[] cells = new String[columns.size()];
                    for (int i = 0; i < cells.length; i++) {
                        cells[i] = r.get(columns.get(i));
                    }
                    builder.add(r.get(model.uniqueIdColumn()), source, cells);
                    if (truthColumn != null) {
                        truth.add(truthIds.computeIfAbsent(r.get(truthColumn), k -> truthIds.size()));
                    }
                }
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
        return new Loaded(builder.build(), truthColumn == null ? null
                : truth.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void require(Path file, List<String> headers, String column) {
        if (!headers.contains(column)) {
            throw new UsageException(file + " has no column '" + column + "' (the model needs it); its columns are "
                    + headers);
        }
    }
}
