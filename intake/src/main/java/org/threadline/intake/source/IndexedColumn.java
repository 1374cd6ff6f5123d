package org.threadline.intake.source;

/** A column with its position in the YAML list, so that rules across columns can report {@code columns[i]}. */
record IndexedColumn(int index, ColumnMapping column) {
    String path() {
        return "columns[" + index + "]";
    }
}
