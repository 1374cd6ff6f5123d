package org.threadline.synth.extracts;

import java.util.ArrayList;
import java.util.List;

/** Collects the rows rendered for one agency and one lineage, table by table, in rendering order. */
public final class RowSink {
    private final List<List<Row>> tables = new ArrayList<>();
    private final int[] widths;

    public RowSink(int[] widths) {
        this.widths = widths.clone();
        for (int i = 0; i < widths.length; i++) {
            tables.add(new ArrayList<>());
        }
    }

    /** Starts a row of {@code table} about {@code person} (lineage index). */
    public Row row(int table, int person) {
        Row row = new Row(table, person, widths[table]);
        tables.get(table).add(row);
        return row;
    }

    public List<Row> rows(int table) {
        return tables.get(table);
    }
}
