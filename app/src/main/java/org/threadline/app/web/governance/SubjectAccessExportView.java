package org.threadline.app.web.governance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.threadline.app.governance.SubjectAccessPage;

/**
 * A subject access export as its web page shows it, made from the export's JSON document with the same sections and
 * columns as its Markdown page ({@link SubjectAccessPage#SECTIONS}). What a rule withheld appears only as the rule,
 * its reason and how many items: the document holds nothing more about them.
 */
public record SubjectAccessExportView(String subject, String exportedAt, String exportedBy, String agency,
                                      String reason, String disclosureRules, long auditEntry, List<Withheld> withheld,
                                      String person, List<Section> sections) {

    public record Withheld(String rule, String reason, int items) {
    }

    /** A section: its id on the page, heading, columns and rows of plain text. */
    public record Section(String id, String title, List<String> columns, List<List<String>> rows) {
    }

    public static SubjectAccessExportView of(JsonNode doc) {
        List<Withheld> withheld = new ArrayList<>();
        doc.path("withheld").forEach(w -> withheld.add(new Withheld(w.path("rule").asText(),
                w.path("reason").asText(), w.path("items").asInt())));
        JsonNode p = doc.path("person");
        String person = p.isObject() ? p.path("forename").asText() + " " + p.path("surname").asText() + ", born "
                + p.path("date_of_birth").asText("not known") + ", sex " + p.path("sex").asText() + ", state "
                + p.path("state").asText() : "No person record is held (only audit entries).";
        List<Section> sections = new ArrayList<>();
        for (SubjectAccessPage.Section s : SubjectAccessPage.SECTIONS) {
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode r : doc.path(s.key())) {
                List<String> cells = new ArrayList<>();
                s.columns().forEach(c -> cells.add(SubjectAccessPage.text(r.path(c))));
                rows.add(cells);
            }
            sections.add(new Section("section-" + s.key().replace('_', '-'), s.title(), s.columns(), rows));
        }
        return new SubjectAccessExportView(doc.path("subject").asText(), doc.path("exported_at").asText(),
                doc.path("requested_by").asText(), doc.path("agency").asText(), doc.path("reason").asText(),
                doc.path("disclosure_rules").asText(), doc.path("audit_entry").asLong(), withheld, person, sections);
    }

    /** The section keys, for the audit entry of a view. */
    public static List<String> keys() {
        return SubjectAccessPage.SECTIONS.stream().map(SubjectAccessPage.Section::key).toList();
    }
}
