package org.threadline.store.copy;

import java.util.List;
import java.util.Map;
import org.threadline.intake.load.FieldValue;

/**
 * Rows of one table in PostgreSQL's COPY CSV form, built up in memory until they are sent ({@link CopySender}).
 * Every text field is quoted, so commas, quotes and line breaks in partners' cells need no other treatment; only the
 * {@code nullable} forms write NULL (an unquoted empty field), so an empty text stays empty text. JSON columns are
 * written straight into the CSV text (each quote the JSON needs written doubled, as CSV quoting requires) without an
 * object mapper or an intermediate copy, because this runs for every row of every file and was most of a load's time
 * in Java.
 */
public final class CopyBuffer {
    /** A JSON quote inside a quoted CSV field. */
    private static final String Q = "\"\"";

    private final StringBuilder text = new StringBuilder(1 << 16);
    private int rows;
    private boolean rowStarted;

    /** Appends a text field to the current row. */
    public CopyBuffer field(String value) {
        separator();
        text.append('"');
        if (value.indexOf('"') < 0) {
            text.append(value);
        } else {
            int from = 0;
            for (int q; (q = value.indexOf('"', from)) >= 0; from = q + 1) {
                text.append(value, from, q + 1).append('"');
            }
            text.append(value, from, value.length());
        }
        text.append('"');
        return this;
    }

    /** Appends a number field to the current row. */
    public CopyBuffer field(long value) {
        separator();
        text.append(value);
        return this;
    }

    /** Appends a JSON array of strings. */
    public CopyBuffer jsonArray(List<String> values) {
        separator();
        text.append("\"[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            jsonString(values.get(i));
        }
        text.append("]\"");
        return this;
    }

    /** Appends a JSON object of strings. */
    public CopyBuffer jsonObject(Map<String, String> values) {
        separator();
        text.append("\"{");
        boolean first = true;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!first) {
                text.append(',');
            }
            first = false;
            jsonString(e.getKey());
            text.append(':');
            jsonString(e.getValue());
        }
        text.append("}\"");
        return this;
    }

    /** Appends a row's standardised fields: {@code {field: {"value": …, "outcome": …, "reason": …}}}. */
    public CopyBuffer jsonFields(Map<String, FieldValue> fields) {
        separator();
        text.append("\"{");
        boolean first = true;
        for (Map.Entry<String, FieldValue> e : fields.entrySet()) {
            if (!first) {
                text.append(',');
            }
            first = false;
            FieldValue v = e.getValue();
            jsonString(e.getKey());
            text.append(":{").append(Q).append("value").append(Q).append(':');
            jsonString(v.value());
            text.append(',').append(Q).append("outcome").append(Q).append(':').append(Q).append(v.outcome().name())
                    .append(Q).append(',').append(Q).append("reason").append(Q).append(':');
            jsonString(v.reason());
            text.append('}');
        }
        text.append("}\"");
        return this;
    }

    /** Appends a text field, or NULL when there is none. */
    public CopyBuffer nullableField(String value) {
        if (value == null) {
            separator();
            return this;
        }
        return field(value);
    }

    /** Appends a floating-point number field (Java's form, which PostgreSQL reads, NaN and infinities included). */
    public CopyBuffer field(double value) {
        separator();
        text.append(value);
        return this;
    }

    /** Appends a boolean field. */
    public CopyBuffer field(boolean value) {
        separator();
        text.append(value ? 't' : 'f');
        return this;
    }

    /** Appends a date, time or other value in its ISO text form (what PostgreSQL reads), or NULL. */
    public CopyBuffer nullableIso(Object value) {
        separator();
        if (value != null) {
            text.append(value);
        }
        return this;
    }

    /** Appends an {@code integer[]} field ({@code {1,2,3}}), or NULL. */
    public CopyBuffer nullableIntArray(int[] values) {
        separator();
        if (values != null) {
            text.append("\"{");
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append(',');
                }
                text.append(values[i]);
            }
            text.append("}\"");
        }
        return this;
    }

    /** Ends the current row. */
    public void endRow() {
        text.append('\n');
        rows++;
        rowStarted = false;
    }

    public int rows() {
        return rows;
    }

    public int chars() {
        return text.length();
    }

    /** The rows gathered, as text to send; the buffer is empty afterwards. */
    public String drain() {
        String out = text.toString();
        text.setLength(0);
        if (text.capacity() > (1 << 24)) {
            text.trimToSize();  // one huge batch must not keep its memory for the rest of the load
        }
        rows = 0;
        rowStarted = false;
        return out;
    }

    private void separator() {
        if (rowStarted) {
            text.append(',');
        }
        rowStarted = true;
    }

    /** A JSON string literal (RFC 8259 escapes) inside a quoted CSV field, so every quote is doubled. */
    private void jsonString(String s) {
        text.append(Q);
        int n = s.length();
        int special = firstSpecial(s);
        if (special == n) {
            text.append(s);
        } else {
            int from = 0;
            for (int i = special; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x20 && c != '"' && c != '\\') {
                    continue;
                }
                text.append(s, from, i);
                from = i + 1;
                switch (c) {
                    case '"' -> text.append('\\').append(Q);
                    case '\\' -> text.append("\\\\");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    case '\t' -> text.append("\\t");
                    default -> text.append(String.format("\\u%04x", (int) c));
                }
            }
            text.append(s, from, n);
        }
        text.append(Q);
    }

    private static int firstSpecial(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return i;
            }
        }
        return s.length();
    }
}
