package org.threadline.intake.read;

import java.util.List;

/**
 * One row as received.
 *
 * @param sheet   the sheet name for spreadsheets, empty for text files
 * @param row     the 1-based row number in the file or sheet, counting the header (so it matches what a person sees
 *                in a spreadsheet or editor)
 * @param cells   the cells as text, exactly as read
 * @param problem empty, or why the row cannot be used as it stands (e.g. the wrong number of cells)
 */
public record RawRow(String sheet, long row, List<String> cells, String problem) {
    public RawRow {
        cells = List.copyOf(cells);
    }

    public boolean usable() {
        return problem.isEmpty();
    }
}
