package org.threadline.linkage.model;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Prints a tree of values in the one layout a model document has, so that equal models give equal bytes.
 *
 * <p>Objects are {@code Map}s in the order they should appear; {@link Inline} marks an object written on one line.
 * Arrays are {@code List}s, written on one line when every element is a scalar. Scalars are {@code String},
 * {@code Long}/{@code Integer}, {@code Double} and {@code Boolean}. Indentation is two spaces, {@code ": "} separates a
 * key from its value, and the text ends with a newline. Doubles are written in {@link #number(double) one form}.
 */
final class CanonicalJson {
    /** An object written on one line: {@code {"threshold": 0.92}}. */
    record Inline(Map<String, Object> members) {}

    private final StringBuilder out = new StringBuilder();

    private CanonicalJson() {}

    static String print(Map<String, Object> document) {
        CanonicalJson json = new CanonicalJson();
        json.value(document, 0);
        return json.out.append('\n').toString();
    }

    /**
     * The shortest decimal that reads back as {@code d} (Schubfach, via Jackson), written plainly ({@code 0.0001},
     * {@code 12.5}, always with a fraction) when {@code 1e-7 <= |d| < 1e16}, and as {@code 1.5e-12} outside that.
     */
    static String number(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("a model holds finite numbers only, got " + d);
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        String shortest = NumberOutput.toString(d, true);
        double abs = Math.abs(d);
        if (abs >= 1e-7 && abs < 1e16) {
            String plain = new BigDecimal(shortest).stripTrailingZeros().toPlainString();
            return plain.indexOf('.') < 0 ? plain + ".0" : plain;
        }
        return shortest.replace('E', 'e');
    }

    private void value(Object value, int depth) {
        if (value instanceof Map<?, ?> map) {
            object(map, depth);
        } else if (value instanceof Inline inline) {
            inlineObject(inline.members());
        } else if (value instanceof List<?> list) {
            array(list, depth);
        } else {
            scalar(value);
        }
    }

    private void object(Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        String separator = "\n";
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.append(separator);
            indent(depth + 1);
            string((String) e.getKey());
            out.append(": ");
            value(e.getValue(), depth + 1);
            separator = ",\n";
        }
        out.append('\n');
        indent(depth);
        out.append('}');
    }

    private void inlineObject(Map<String, Object> members) {
        out.append('{');
        String separator = "";
        for (Map.Entry<String, Object> e : members.entrySet()) {
            out.append(separator);
            string(e.getKey());
            out.append(": ");
            scalar(e.getValue());
            separator = ", ";
        }
        out.append('}');
    }

    private void array(List<?> list, int depth) {
        if (list.stream().noneMatch(v -> v instanceof Map || v instanceof Inline || v instanceof List)) {
            out.append('[');
            String separator = "";
            for (Object v : list) {
                out.append(separator);
                scalar(v);
                separator = ", ";
            }
            out.append(']');
            return;
        }
        out.append('[');
        String separator = "\n";
        for (Object v : list) {
            out.append(separator);
            indent(depth + 1);
            value(v, depth + 1);
            separator = ",\n";
        }
        out.append('\n');
        indent(depth);
        out.append(']');
    }

    private void scalar(Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s);
        } else if (value instanceof Double d) {
            out.append(number(d));
        } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            out.append(value);
        } else {
            throw new IllegalArgumentException("not a JSON scalar: " + value);
        }
    }

    private void string(String s) {
        out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(s)).append('"');
    }

    private void indent(int depth) {
        out.append("  ".repeat(depth));
    }
}
