package org.threadline.synth.output;

import java.io.IOException;
import java.util.List;

/** Writes every row to several writers, so the generator formats each row once whatever the number of formats. */
final class FanOutTableWriter implements TableWriter {

    private final List<TableWriter> writers;

    FanOutTableWriter(List<TableWriter> writers) {
        this.writers = List.copyOf(writers);
    }

    @Override
    public void row(String... cells) throws IOException {
        for (TableWriter writer : writers) {
            writer.row(cells);
        }
    }

    @Override
    public long rows() {
        return writers.get(0).rows();
    }

    /** Closes every writer, even when one fails; later failures are added to the first as suppressed. */
    @Override
    public void close() throws IOException {
        closeAll(writers);
    }

    static void closeAll(List<TableWriter> writers) throws IOException {
        IOException first = null;
        for (TableWriter writer : writers) {
            try {
                writer.close();
            } catch (IOException | RuntimeException e) {
                IOException wrapped = e instanceof IOException io ? io : new IOException(e);
                if (first == null) {
                    first = wrapped;
                } else {
                    first.addSuppressed(wrapped);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
