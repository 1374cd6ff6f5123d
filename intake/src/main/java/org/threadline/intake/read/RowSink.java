package org.threadline.intake.read;

import java.util.List;

/**
 * Receives a file as it is read: its header first, then each row, so that a load can standardise and write rows as
 * they stream past and a file of any size is read in bounded memory.
 */
public interface RowSink {

    /** The header, once, before any row. */
    void header(List<String> header);

    /** One data row. */
    void row(RawRow row);

    /** A sink that ignores the header and passes rows on. */
    static RowSink rows(java.util.function.Consumer<RawRow> rows) {
        return new RowSink() {
            @Override
            public void header(List<String> header) {
            }

            @Override
            public void row(RawRow row) {
                rows.accept(row);
            }
        };
    }
}
