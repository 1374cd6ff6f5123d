package org.threadline.intake.read;

import java.util.List;

/**
 * How much one cell and one row may hold before the row is quarantined rather than standardised. The defaults are
 * Excel's own limit for a cell (32,767 characters), so no genuine spreadsheet export trips them, and 1 MiB characters
 * for a row. A row past a limit is still kept as read (the readers' hard limits bound what that can cost); it is only
 * refused standardisation, with the reason naming the cell.
 *
 * @param maxCellChars characters one cell may hold
 * @param maxRowChars  characters all cells of one row may hold together
 */
public record RowLimits(int maxCellChars, int maxRowChars) {
    public static final RowLimits DEFAULT = new RowLimits(32_767, 1 << 20);

    public RowLimits {
        if (maxCellChars < 1 || maxRowChars < maxCellChars) {
            throw new IllegalArgumentException("limits must be positive, the row's at least the cell's: "
                    + maxCellChars + ", " + maxRowChars);
        }
    }

    /** Why the row is too big, or empty when it is not. */
    public String problem(List<String> header, List<String> cells) {
        long total = 0;
        for (int i = 0; i < cells.size(); i++) {
            int length = cells.get(i).length();
            if (length > maxCellChars) {
                String name = i < header.size() ? " (" + header.get(i) + ")" : "";
                return String.format("cell %d%s holds %,d characters, more than the %,d a cell may hold", i + 1,
                        name, length, maxCellChars);
            }
            total += length;
        }
        return total > maxRowChars ? String.format("the row holds %,d characters, more than the %,d a row may hold",
                total, maxRowChars) : "";
    }
}
