package org.threadline.intake.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a delimited text file as {@link RawRow}s: any delimiter (detected from the first lines when not given),
 * quoted fields with embedded newlines, UTF-8 with or without a byte-order mark, or Windows-1252. The header is
 * row 1; a data row whose cell count differs from the header's, or past the {@link RowLimits}, is returned with the
 * problem named. A row longer than {@value #MAX_ROW_CHARS_READ} characters refuses the whole file.
 */
public final class CsvFileReader {
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};
    private static final int SNIFF_BYTES = 64 * 1024;
    /** Characters a single row may take before the whole file is refused: bounds the memory a row can cost. */
    public static final long MAX_ROW_CHARS_READ = 16L << 20;

    private final RowLimits limits;

    public CsvFileReader() {
        this(RowLimits.DEFAULT);
    }

    /** A reader quarantining rows past {@code limits}. */
    public CsvFileReader(RowLimits limits) {
        this.limits = limits;
    }

    /** What was read: the header, the encoding and delimiter used. */
    public record Layout(List<String> header, Charset charset, char delimiter) {
    }

    /** Reads {@code file}, detecting the delimiter, and passes every data row to {@code rows}. */
    public Layout read(Path file, Consumer<RawRow> rows) throws IOException {
        return read(file, null, rows);
    }

    /** The same, with the delimiter given by the source definition (null to detect). */
    public Layout read(Path file, Character delimiter, Consumer<RawRow> rows) throws IOException {
        return read(file, delimiter, RowSink.rows(rows));
    }

    /** The same, telling {@code sink} the header before the first row: the streaming form loads use. */
    public Layout read(Path file, Character delimiter, RowSink sink) throws IOException {
        byte[] head = readHead(file);
        TextEncoding.Detected enc = TextEncoding.detect(head);
        char sep = delimiter != null ? delimiter : sniff(new String(head, enc.skip(), head.length - enc.skip(),
                enc.charset()));
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(sep).setIgnoreEmptyLines(true).get();
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(enc.skip());
            BoundedReader reader = new BoundedReader(new InputStreamReader(in, enc.charset()), MAX_ROW_CHARS_READ);
            try (CSVParser parser = CSVParser.parse(reader, format)) {
                Iterator<CSVRecord> it = parser.iterator();
                if (!it.hasNext()) {
                    throw new IOException(file + " is empty: no header row");
                }
                List<String> header = cells(it.next());
                reader.rowEnded();
                sink.header(header);
                while (hasNext(it, file)) {
                    CSVRecord r = it.next();
                    reader.rowEnded();
                    List<String> cells = cells(r);
                    String problem = cells.size() == header.size() ? ""
                            : "has " + cells.size() + " cells where the header has " + header.size();
                    if (problem.isEmpty()) {
                        problem = limits.problem(header, cells);
                    }
                    sink.row(new RawRow("", lineOf(r), cells, problem));
                }
                return new Layout(header, enc.charset(), sep);
            }
        }
    }

    private static boolean hasNext(Iterator<CSVRecord> it, Path file) throws IOException {
        try {
            return it.hasNext();
        } catch (UncheckedIOException e) {
            throw new IOException(file + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** The record's number counting the header as 1: the row a person sees when the file is opened in a spreadsheet. */
    private static long lineOf(CSVRecord r) {
        return r.getRecordNumber();
    }

    private static List<String> cells(CSVRecord r) {
        List<String> out = new ArrayList<>(r.size());
        for (String c : r) {
            out.add(c);
        }
        return out;
    }

    private static byte[] readHead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SNIFF_BYTES);
        }
    }

    /** The candidate that splits the first lines into the same, largest number of fields. */
    static char sniff(String sample) {
        String[] lines = sample.split("\r?\n", 22);
        // The last piece may be cut off by the end of the sample, so it is not counted when there are others.
        int n = Math.min(lines.length == 1 ? 1 : lines.length - 1, 20);
        char best = ',';
        int bestFields = 1;
        for (char c : CANDIDATES) {
            int fields = -1;
            boolean consistent = true;
            for (int i = 0; i < n; i++) {
                if (lines[i].isEmpty()) {
                    continue;
                }
                int f = countOutsideQuotes(lines[i], c) + 1;
                if (fields < 0) {
                    fields = f;
                } else if (f != fields) {
                    consistent = false;
                }
            }
            if (consistent && fields > bestFields) {
                best = c;
                bestFields = fields;
            }
        }
        return best;
    }

    private static int countOutsideQuotes(String line, char c) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                count++;
            }
        }
        return count;
    }
}
