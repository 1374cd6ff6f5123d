package org.threadline.synth.output;

import java.util.List;
import java.util.Objects;

/**
 * The shape of one agency table and the conventions it is written in.
 *
 * @param name    the table's name, used in messages (the file name comes from the base path)
 * @param columns the columns, in order; at least one
 * @param csv     the agency's CSV dialect
 * @param xlsx    the agency's XLSX layout
 */
public record TableSpec(String name, List<ColumnSpec> columns, CsvDialect csv, XlsxOptions xlsx) {

    /** Copies the column list and checks it is not empty. */
    public TableSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(xlsx, "xlsx");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table '" + name + "' has no columns");
        }
    }

    /** The header cells, in column order. */
    public String[] headers() {
        return columns.stream().map(ColumnSpec::header).toArray(String[]::new);
    }

    /** Checks that a row has one cell per column. */
    void checkWidth(String[] cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("table '" + name + "' has " + columns.size() + " columns but a row has "
                    + cells.length + " cells");
        }
    }
}
