package org.threadline.app.governance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The readable page of a subject access export (Markdown), made from its JSON document. Its sections and their
 * columns are also what the web's page of the same export shows, so the two say the same.
 */
public final class SubjectAccessPage {
    private SubjectAccessPage() {
    }

    /** A section of the export: its key in the JSON document, its heading and the columns shown. */
    public record Section(String key, String title, List<String> columns) {
    }

    /** The sections after the person, in the order shown. */
    public static final List<Section> SECTIONS = List.of(
            new Section("records", "Records (how each agency's record was linked to this person)",
                    List.of("record_key", "agency", "definition_id", "link_confidence", "identity")),
            new Section("source_rows", "Source rows as received",
                    List.of("agency", "file_name", "row_number", "landed_at", "cells", "standardised")),
            new Section("events", "Chronology events",
                    List.of("event_date", "agency", "type", "role", "summary", "sources")),
            new Section("relationships", "Relationships",
                    List.of("from_person", "to_person", "type", "basis", "rule", "evidence")),
            new Section("residences", "Addresses",
                    List.of("address", "postcode", "from_date", "to_date", "sources")),
            new Section("indicator_results", "Indicator results",
                    List.of("rulebook_id", "indicator_id", "status", "reason", "as_of")),
            new Section("alerts", "Alerts",
                    List.of("raised_at", "indicator_id", "recipient_agency", "state", "statements", "steps",
                            "evidence_rectified")),
            new Section("review_decisions", "Review decisions about these records",
                    List.of("decided_at", "record_a", "record_b", "decision", "reason", "decided_by", "agency")),
            new Section("markers", "Restrictions placed on this record (markers), and why",
                    List.of("marker", "set_at", "set_by", "set_reason", "removed_at", "removed_by", "removed_reason")),
            new Section("accessed_by", "Who accessed this record, and why",
                    List.of("recorded_at", "actor", "agency", "action", "purpose", "caseRef", "dataItem", "fields",
                            "agreement", "details")));

    static String markdown(JsonNode doc) {
        StringBuilder b = new StringBuilder();
        b.append("# What is held about ").append(doc.path("subject").asText()).append("\n\n");
        b.append("Exported ").append(doc.path("exported_at").asText()).append(" by ")
                .append(cell(doc.path("requested_by").asText())).append(" (").append(cell(doc.path("agency").asText()))
                .append(") because: ").append(cell(doc.path("reason").asText())).append(". Disclosure rules ")
                .append(doc.path("disclosure_rules").asText()).append("; this export is audit entry ")
                .append(doc.path("audit_entry").asText()).append(".\n\n");
        JsonNode withheld = doc.path("withheld");
        b.append("## Withheld\n\n");
        if (withheld.isEmpty()) {
            b.append("Nothing was withheld.\n\n");
        } else {
            b.append("Some information was withheld. What it is is not shown; the rule and its reason are:\n\n");
            for (JsonNode w : withheld) {
                b.append("- **").append(w.path("rule").asText()).append("** (").append(w.path("items").asInt())
                        .append(" item(s)): ").append(cell(w.path("reason").asText())).append('\n');
            }
            b.append('\n');
        }
        JsonNode p = doc.path("person");
        b.append("## Person\n\n");
        if (p.isObject()) {
            b.append(cell(p.path("forename").asText())).append(' ').append(cell(p.path("surname").asText()))
                    .append(", born ").append(p.path("date_of_birth").asText("not known")).append(", sex ")
                    .append(p.path("sex").asText()).append(", state ").append(p.path("state").asText())
                    .append(".\n\n");
        } else {
            b.append("No person record is held (only audit entries).\n\n");
        }
        for (Section section : SECTIONS) {
            table(b, section.title(), doc.path(section.key()), section.columns());
        }
        return b.toString();
    }

    private static void table(StringBuilder b, String title, JsonNode rows, List<String> columns) {
        b.append("## ").append(title).append("\n\n");
        if (rows.isEmpty()) {
            b.append("None held.\n\n");
            return;
        }
        b.append('|').append(String.join("|", columns)).append("|\n|");
        b.append("---|".repeat(columns.size())).append('\n');
        for (JsonNode r : rows) {
            List<String> cells = new ArrayList<>();
            for (String c : columns) {
                cells.add(cell(text(r.path(c))));
            }
            b.append('|').append(String.join("|", cells)).append("|\n");
        }
        b.append('\n');
    }

    /** A value of the document as one line of plain text (objects as "key: value; ...", lists comma-separated). */
    public static String text(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return "";
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        if (v.isObject()) {
            List<String> parts = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode value = e.getValue().has("value") ? e.getValue().get("value") : e.getValue();
                parts.add(e.getKey() + ": " + text(value));
            }
            return String.join("; ", parts);
        }
        List<String> parts = new ArrayList<>();
        v.forEach(x -> parts.add(text(x)));
        return String.join(", ", parts);
    }

    /** Text in a table cell: pipes and line breaks would break the table; markup characters are escaped. */
    private static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
                .replace("<", "&lt;").replace(">", "&gt;").replace("*", "\\*").replace("_", "\\_")
                .replace("[", "\\[").replace("`", "\\`");
    }
}
