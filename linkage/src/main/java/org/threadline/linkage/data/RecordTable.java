package org.threadline.linkage.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The records to link: an id per record, the source each came from (for linking two files), and named columns.
 */
public final class RecordTable {
    private final String[] ids;
    private final int[] sources;
    private final Map<String, Column> columns;

    private RecordTable(String[] ids, int[] sources, Map<String, Column> columns) {
        this.ids = ids;
        this.sources = sources;
        this.columns = columns;
    }

    public int size() {
        return ids.length;
    }

    public String id(int row) {
        return ids[row];
    }

    /** The source (0 for the first file, 1 for the second) a record came from. */
    public int source(int row) {
        return sources[row];
    }

    public Column column(String name) {
        Column c = columns.get(name);
        if (c == null) {
            throw new NoSuchElementException("no column '" + name + "'; the records have " + columns.keySet());
        }
        return c;
    }

    public boolean hasColumn(String name) {
        return columns.containsKey(name);
    }

    public Set<String> columnNames() {
        return columns.keySet();
    }

    public static Builder builder(List<String> columnNames) {
        return new Builder(columnNames);
    }

    /** Collects rows, then encodes each column once. */
    public static final class Builder {
        private final List<String> names;
        private final List<String> ids = new ArrayList<>();
        private final List<Integer> sources = new ArrayList<>();
        private final List<List<String>> values = new ArrayList<>();

        private Builder(List<String> names) {
            this.names = List.copyOf(names);
            for (int i = 0; i < names.size(); i++) {
                values.add(new ArrayList<>());
            }
        }

        /** Adds a record; {@code cells} are in the order of the column names given to the builder. */
        public Builder add(String id, int source, String... cells) {
            if (cells.length != names.size()) {
                throw new IllegalArgumentException("record " + id + " has " + cells.length + " values for "
                        + names.size() + " columns");
            }
            ids.add(id);
            sources.add(source);
            for (int i = 0; i < cells.length; i++) {
                values.get(i).add(cells[i]);
            }
            return this;
        }

        public RecordTable build() {
            Map<String, Column> columns = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                columns.put(names.get(i), Column.of(names.get(i), values.get(i)));
            }
            int[] src = new int[sources.size()];
            for (int i = 0; i < src.length; i++) {
                src[i] = sources.get(i);
            }
            return new RecordTable(ids.toArray(new String[0]), src, columns);
        }
    }
}
