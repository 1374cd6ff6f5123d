package org.threadline.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.threadline.intake.read.CsvFileReader;
import org.threadline.intake.read.RawRow;
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
            int src = source;
            // The intake reader copes with what partners send: any delimiter, a BOM or Windows-1252 text.
            List<RawRow> rows = new ArrayList<>();
            CsvFileReader.Layout layout = new CsvFileReader().read(file, rows::add);
            List<String> headers = layout.header().stream().map(String::strip).toList();
            int id = require(file, headers, model.uniqueIdColumn());
            int[] at = new int[columns.size()];
            for (int i = 0; i < at.length; i++) {
                at[i] = require(file, headers, columns.get(i));
            }
            int truthAt = truthColumn == null ? -1 : require(file, headers, truthColumn);
            for (RawRow row : rows) {
                if (!row.usable()) {
                    throw new UsageException(file + " row " + row.row() + " " + row.problem());
                }
                String[] cells = new String[at.length];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = row.cells().get(at[i]).strip();
                }
                builder.add(row.cells().get(id).strip(), src, cells);
                if (truthAt >= 0) {
                    truth.add(truthIds.computeIfAbsent(row.cells().get(truthAt).strip(), k -> truthIds.size()));
                }
            }
        }
        return new Loaded(builder.build(), truthColumn == null ? null
                : truth.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int require(Path file, List<String> headers, String column) {
        int at = headers.indexOf(column);
        if (at < 0) {
            throw new UsageException(file + " has no column '" + column + "' (the model needs it); its columns are "
                    + headers);
        }
        return at;
    }
}
