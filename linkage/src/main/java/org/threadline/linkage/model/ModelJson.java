package org.threadline.linkage.model;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes model documents (format in {@code docs/linkage-model.md}).
 *
 * <p>Writing gives the canonical form: keys in a fixed order, snake_case, two-space indentation, short objects and
 * arrays of scalars on one line, optional fields left out when absent, doubles as the shortest decimal that reads
 * back to the same value, and a final newline. Hence write → read → write gives the same bytes, and
 * {@link LinkageModel#contentHash()} is a hash of exactly these bytes.
 *
 * <p>Reading validates: it reports every problem of shape and every broken model rule together, in one
 * {@link InvalidModelException}. A problem of shape at some path hides rule errors at the same path, above it or
 * below it, which would only repeat it (an unknown level kind does not also report "must end with else").
 */
public final class ModelJson {
    /** The document format this code reads and writes, recorded as {@code format_version}. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private ModelJson() {}

    /**
     * The canonical document of {@code model}. The model need not be valid (nulls it holds are written as null), but
     * its numbers must be finite.
     *
     * @throws IllegalArgumentException on NaN or an infinite number
     */
    public static String write(LinkageModel model) {
        return ModelWriter.write(model);
    }

    /** Writes the canonical document as UTF-8. */
    public static void write(LinkageModel model, Path file) {
        try {
            Files.writeString(file, write(model), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model to " + file, e);
        }
    }

    /**
     * Reads and validates a document.
     *
     * @throws InvalidModelException listing every problem
     */
    public static LinkageModel read(String json) {
        return read(json, "document");
    }

    /**
     * Reads and validates a UTF-8 file.
     *
     * @throws InvalidModelException listing every problem, naming the file
     * @throws UncheckedIOException  when the file cannot be read
     */
    public static LinkageModel read(Path file) {
        try {
            return read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + file, e);
        }
    }

    private static LinkageModel read(String json, String source) {
        JsonNode root;
        try (JsonParser parser = MAPPER.createParser(json)) {
            root = MAPPER.readTree(parser);
            if (root == null) {
                throw new InvalidModelException(source, List.of(new ModelError("$", "the document is empty")));
            }
            if (parser.nextToken() != null) {
                throw new InvalidModelException(source,
                        List.of(new ModelError("$", "text follows the end of the document")));
            }
        } catch (JacksonException e) {
            JsonLocation where = e.getLocation();
            String position = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new InvalidModelException(source,
                    List.of(new ModelError("$", "is not well-formed JSON" + position + ": " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ModelReader reader = new ModelReader();
        LinkageModel model = reader.model(root);
        List<ModelError> errors = new ArrayList<>(reader.errors());
        if (model != null) {
            for (ModelError rule : ModelValidator.validate(model)) {
                if (reader.errors().stream().noneMatch(shape -> related(shape.path(), rule.path()))) {
                    errors.add(rule);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidModelException(source, errors);
        }
        return model;
    }

    /** Whether one path is the other, or inside it. */
    private static boolean related(String a, String b) {
        return a.equals(b) || inside(a, b) || inside(b, a);
    }

    private static boolean inside(String inner, String outer) {
        return inner.startsWith(outer) && (inner.charAt(outer.length()) == '.' || inner.charAt(outer.length()) == '[');
    }
}
