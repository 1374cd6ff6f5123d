package org.threadline.synth.output;

import java.io.Closeable;
import java.io.IOException;

/**
 * Writes the rows of one agency table, streaming, to one or more files. Open one with
 * {@link TableOutput#open(java.nio.file.Path, TableSpec)}; the header row is written for you.
 *
 * <p>Not thread-safe: one generator thread writes one table.
 */
public interface TableWriter extends Closeable {

    /**
     * Writes one data row.
     *
     * @param cells one value per column, in the agency's own textual format; {@code null} or empty is a missing value
     * @throws IllegalArgumentException when the number of cells differs from the number of columns
     */
    void row(String... cells) throws IOException;

    /** The number of data rows written so far (the header and title lines are not counted). */
    long rows();

    /** Finishes the files. For XLSX this is where the workbook is assembled, so it can take a while. */
    @Override
    void close() throws IOException;
}
