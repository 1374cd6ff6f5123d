package org.threadline.intake.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Streams a JSON-lines file (one JSON object per line, also called NDJSON) as {@link RawRow}s. The "header" is the
 * list of field names the definition asks for; each row's cells are those fields' values by name (a name with dots,
 * {@code address.postcode}, reaches into nested objects when there is no field of that exact name). A scalar becomes
 * its text, an object or array its JSON text, a missing field or null an empty cell. Blank lines are skipped. A line
 * that is not a JSON object is kept as read (one cell) with the problem and its line number, so the load quarantines
 * it. The row number is the line number.
 */
public final class JsonLinesReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RowLimits limits;

    public JsonLinesReader() {
        this(RowLimits.DEFAULT);
    }

    public JsonLinesReader(RowLimits limits) {
        this.limits = limits;
    }

    /** Reads {@code file}, passing the field names as the header, then every line as a row. */
    public void read(Path file, List<String> fields, RowSink sink) throws IOException {
        List<String> header = List.copyOf(new LinkedHashSet<>(fields));
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64 * 1024);
        }
        TextEncoding.Detected enc = TextEncoding.detect(head);
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(enc.skip());
            BoundedReader bounded = new BoundedReader(new InputStreamReader(in, enc.charset()),
                    CsvFileReader.MAX_ROW_CHARS_READ);
            BufferedReader lines = new BufferedReader(bounded);
            sink.header(header);
            long number = 0;
            for (String line; (line = lines.readLine()) != null; ) {
                number++;
                bounded.rowEnded();
                if (!line.isBlank()) {
                    sink.row(row(number, line, header));
                }
            }
        }
    }

    private RawRow row(long number, String line, List<String> header) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return new RawRow("", number, List.of(line), "line " + number + " is not JSON: "
                    + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return new RawRow("", number, List.of(line), "line " + number + " is not a JSON object");
        }
        List<String> cells = new ArrayList<>(header.size());
        for (String field : header) {
            cells.add(text(field(node, field)));
        }
        return new RawRow("", number, cells, limits.problem(header, cells));
    }

    private static JsonNode field(JsonNode object, String name) {
        JsonNode direct = object.get(name);
        if (direct != null || !name.contains(".")) {
            return direct;
        }
        JsonNode nested = object.at("/" + name.replace("~", "~0").replace("/", "~1").replace('.', '/'));
        return nested.isMissingNode() ? null : nested;
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
