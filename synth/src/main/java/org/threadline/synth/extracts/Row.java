package org.threadline.synth.extracts;

import java.util.ArrayList;
import java.util.List;
import org.threadline.synth.errors.InjectedError;

/**
 * One rendered extract row, with the lineage index of the person it is about (for the truth, never written into
 * the row) and the errors injected into it.
 */
public final class Row {
    private final int table;
    private final int person;
    private final String[] cells;
    private final List<InjectedError> errors = new ArrayList<>(0);

    Row(int table, int person, int width) {
        this.table = table;
        this.person = person;
        this.cells = new String[width];
    }

    public int table() {
        return table;
    }

    public int person() {
        return person;
    }

    public String[] cells() {
        return cells;
    }

    public List<InjectedError> errors() {
        return errors;
    }

    public void set(int column, String value) {
        cells[column] = value;
    }

    public String get(int column) {
        return cells[column];
    }

    public void logError(InjectedError error) {
        errors.add(error);
    }
}
