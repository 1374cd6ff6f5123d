package org.threadline.synth.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a table as CSV in the agency's {@link CsvDialect}, quoting as RFC 4180 says: a quoted field is wrapped in
 * double quotes and its own double quotes are doubled.
 *
 * <p>Fields are copied into one reusable char buffer and encoded in large chunks, because the generator writes tens
 * of millions of rows and per-field writes to a {@link Writer} cost several times more.
 */
final class CsvTableWriter implements TableWriter {

    private static final int BUFFER_CHARS = 1 << 16;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final TableSpec spec;
    private final char delimiter;
    private final boolean quoteAll;
    private final char[] lineEnding;
    private final Transliterator transliterator;
    private final Writer out;
    private char[] buffer = new char[BUFFER_CHARS];
    private int position;
    private long rows;
    private boolean closed;

    CsvTableWriter(Path file, TableSpec spec) throws IOException {
        this.spec = spec;
        CsvDialect dialect = spec.csv();
        this.delimiter = dialect.delimiter();
        this.quoteAll = dialect.quoting() == CsvQuoting.ALL;
        this.lineEnding = dialect.lineEnding().characters().toCharArray();
        this.transliterator = Transliterator.forCharset(dialect.charset());
        OutputStream bytes = new BufferedOutputStream(Files.newOutputStream(file), BUFFER_CHARS);
        try {
            if (dialect.bom()) {
                bytes.write(UTF8_BOM);
            }
            // OutputStreamWriter replaces what the charset cannot encode with '?' (only lone surrogates get there).
            this.out = new OutputStreamWriter(bytes, dialect.charset());
            record(spec.headers());
        } catch (IOException | RuntimeException e) {
            bytes.close();
            throw e;
        }
    }

    @Override
    public void row(String... cells) throws IOException {
        spec.checkWidth(cells);
        record(cells);
        rows++;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (out) {
            flushBuffer();
        }
    }

    private void record(String[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                ensure(1);
                buffer[position++] = delimiter;
            }
            field(cells[i]);
        }
        ensure(lineEnding.length);
        for (char c : lineEnding) {
            buffer[position++] = c;
        }
    }

    private void field(String value) throws IOException {
        if (value == null || value.isEmpty()) {
            if (quoteAll) {
                ensure(2);
                buffer[position++] = '"';
                buffer[position++] = '"';
            }
            return;
        }
        String text = transliterator == null ? value : transliterator.fit(value);
        int length = text.length();
        if (!quoteAll && !needsQuotes(text)) {
            ensure(length);
            text.getChars(0, length, buffer, position);
            position += length;
            return;
        }
        ensure(2 * length + 2);
        buffer[position++] = '"';
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                buffer[position++] = '"';
            }
            buffer[position++] = c;
        }
        buffer[position++] = '"';
    }

    private boolean needsQuotes(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private void ensure(int chars) throws IOException {
        if (position + chars > buffer.length) {
            flushBuffer();
            if (chars > buffer.length) {
                buffer = new char[Math.max(chars, 2 * buffer.length)];
            }
        }
    }

    private void flushBuffer() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
    }
}
