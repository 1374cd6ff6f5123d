package org.threadline.intake.read;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Refuses a text file when too many characters pass without the caller marking a row boundary: a multi-gigabyte
 * "cell" (or a quote never closed) would otherwise be gathered into memory by the CSV parser before any row limit
 * could look at it. The count is of characters handed to the parser, which reads ahead by a few kilobytes, so the
 * limit is approximate by that much.
 */
final class BoundedReader extends FilterReader {
    private final long limit;
    private long sinceRow;
    private long rowsSeen;

    BoundedReader(Reader in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** A row ended: its characters no longer count. */
    void rowEnded() {
        sinceRow = 0;
        rowsSeen++;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        count(c < 0 ? 0 : 1);
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(Math.max(n, 0));
        return n;
    }

    private void count(int n) throws IOException {
        sinceRow += n;
        if (sinceRow > limit) {
            throw new IOException(String.format("the row after row %,d is longer than %,d characters; the file is"
                    + " refused (a hostile file, or a quote that is never closed)", rowsSeen, limit));
        }
    }
}
