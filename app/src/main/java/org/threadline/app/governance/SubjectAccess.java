package org.threadline.app.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.threadline.domain.chronology.EventRole;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.domain.governance.audit.AuditEvent;
import org.threadline.store.StoreException;
import org.threadline.store.audit.AuditStore;
import org.threadline.store.governance.HeldData;
import org.threadline.store.governance.RowKey;
import org.threadline.store.governance.SubjectStore;

/**
 * A subject access export: everything held about one person with its sources, and who accessed their record and
 * why, less what the disclosure rules withhold (listed by rule, never shown). The read, the EXPORT audit entry and
 * the files are one unit: the entry is appended in the reading transaction, the files written before it commits, and
 * removed again if it does not.
 */
public final class SubjectAccess {
    /** The purpose code recorded on the export's audit entry. */
    public static final String PURPOSE = "SUBJECT_RIGHTS.ACCESS";
    /**
     * What an alert's "evidence rectified" mark means (V24, ADR 0032), given with each mark's time: that an event the
     * alert cites was corrected after it was raised, and no more (which row, which field, or any value: the event may
     * be about other people too).
     */
    public static final String RECTIFIED_NOTICE = "An event this alert cites was corrected after the alert was raised;"
            + " the alert is kept as it was raised.";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final DataSource dataSource;
    private final AuditStore audit;
    private final DisclosureRules rules;
    private final Clock clock;

    public SubjectAccess(DataSource dataSource, AuditStore audit, DisclosureRules rules, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Who asked for the export, for whom (requestedBy), and why. */
    public record Request(String personId, String requestedBy, String agency, String reason) {
        public Request {
            Objects.requireNonNull(personId, "personId");
            Objects.requireNonNull(requestedBy, "requestedBy");
            Objects.requireNonNull(agency, "agency");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** That a rule withheld something, and how many items: what they were is not said. */
    public record Withheld(String rule, String reason, int items) {
    }

    /** The export: its document, the files written and the audit entry that records it. */
    public record Export(ObjectNode document, List<Withheld> withheld, long auditSequence, Path json, Path page) {
    }

    /**
     * Something the caller records in the export's own transaction, after its audit entry is appended and the files
     * are written (the web's subject access request notes the export): if it fails, nothing is exported or audited.
     */
    public interface AlsoRecord {
        void record(Connection c, long auditSequence, List<Withheld> withheld) throws SQLException;
    }

    public Export export(Request request, Path folder) throws IOException {
        return export(request, folder, (c, seq, withheld) -> { });
    }

    /** The export, with {@code also} recorded in the same transaction (see {@link AlsoRecord}). */
    public Export export(Request request, Path folder, AlsoRecord also) throws IOException {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<Path> written = new ArrayList<>();
            try {
                HeldData held = SubjectStore.read(c, request.personId());
                if (held.person().isEmpty() && held.records().isEmpty() && held.events().isEmpty()
                        && held.auditEntries().isEmpty()) {
                    throw new IllegalArgumentException("nothing is held about " + request.personId());
                }
                Filtered f = filter(c, held, now);
                ObjectNode doc = document(request, held, f, now);
                List<String> sections = List.of("person", "records", "source_rows", "events", "relationships",
                        "residences", "indicator_results", "alerts", "review_decisions", "markers", "accessed_by");
                List<String> reasons = new ArrayList<>(List.of("SUBJECT_ACCESS_REQUEST", "REASON=" + request.reason()));
                f.withheld().forEach(w -> reasons.add("WITHHELD:" + w.rule() + "=" + w.items()));
                long seq = audit.append(c, new AuditEvent(UUID.randomUUID().toString(), now, request.requestedBy(),
                        request.agency(), List.of(), PURPOSE, "", AuditAction.EXPORT, request.personId(),
                        "subject-access", sections, reasons, "")).sequence();
                doc.put("audit_entry", seq);
                Files.createDirectories(folder);
                Path json = folder.resolve("subject-access-" + safe(request.personId()) + ".json");
                Path page = folder.resolve("subject-access-" + safe(request.personId()) + ".md");
                written.add(json);
                Files.writeString(json, JSON.writeValueAsString(doc));
                written.add(page);
                Files.writeString(page, SubjectAccessPage.markdown(doc));
                also.record(c, seq, f.withheld());
                c.commit();
                return new Export(doc, f.withheld(), seq, json, page);
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                for (Path p : written) {
                    Files.deleteIfExists(p);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Subject access export of " + request.personId() + " failed (nothing"
                    + " was exported or audited): " + StoreException.reason(e), StoreException.withoutValues(e));
        }
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** What is disclosed, and per rule how much was withheld. */
    record Filtered(HeldData shown, List<JsonNode> accessed, List<Withheld> withheld) {
    }

    Filtered filter(Connection c, HeldData held, Instant now) {
        Map<String, String> eventRule = new LinkedHashMap<>();   // withheld event id -> rule id
        for (DisclosureRules.Rule r : rules.rules()) {
            if (r instanceof DisclosureRules.EventRule er) {
                withheldEvents(c, held, er).forEach(id -> eventRule.putIfAbsent(id, er.id()));
            }
        }
        Map<RowKey, String> rowRule = new HashMap<>();
        for (JsonNode e : held.events()) {
            String rule = eventRule.get(e.path("event_id").asText());
            if (rule != null) {
                for (JsonNode s : e.path("sources")) {
                    rowRule.putIfAbsent(new RowKey(s.path("fileId").asLong(), s.path("rowNumber").asLong()), rule);
                }
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String> withheldRecords = new HashMap<>();   // record key -> rule
        List<JsonNode> records = keep(held.records(), n -> {
            String rule = rowRule.get(new RowKey(n.path("file_id").asLong(), n.path("row_number").asLong()));
            if (rule != null) {
                withheldRecords.put(n.path("record_key").asText(), rule);
            }
            return rule;
        }, counts);
        List<JsonNode> rows = keep(held.sourceRows(), n -> rowRule.get(new RowKey(n.path("file_id").asLong(),
                n.path("row_number").asLong())), counts);
        List<JsonNode> events = keep(held.events(), n -> eventRule.get(n.path("event_id").asText()), counts);
        List<JsonNode> relationships = keep(held.relationships(), n -> first(n.path("evidence"), s -> rowRule.get(
                new RowKey(s.path("fileId").asLong(), s.path("rowNumber").asLong()))), counts);
        List<JsonNode> residences = keep(held.residences(), n -> first(n.path("sources"), s -> rowRule.entrySet()
                .stream().filter(e -> s.asText().endsWith(" " + e.getKey())).map(Map.Entry::getValue).findFirst()
                .orElse(null)), counts);
        List<JsonNode> results = keep(held.indicatorResults(), n -> first(n.path("evidence"), ev -> {
            String r = first(ev.path("events"), x -> {
                String byEvent = eventRule.get(x.path("event_id").asText());
                return byEvent != null ? byEvent : first(x.path("sources"), s -> rowRule.get(new RowKey(
                        s.path("file_id").asLong(), s.path("row_number").asLong())));
            });
            return r != null ? r : first(ev.path("relationship_sources"), s -> rowRule.get(new RowKey(
                    s.path("file_id").asLong(), s.path("row_number").asLong())));
        }), counts);
        List<JsonNode> alerts = keep(held.alerts(), n -> first(n.path("evidence"), x -> eventRule.get(x.asText())),
                counts);
        List<JsonNode> decisions = keep(held.reviewDecisions(), n -> withheldRecords.getOrDefault(
                n.path("record_a").asText(), withheldRecords.get(n.path("record_b").asText())), counts);
        List<JsonNode> markers = keep(held.markers(), n -> markerRule(n.path("marker").asText()), counts);
        List<JsonNode> accessed = keep(held.auditEntries(), n -> auditRule(n, now), counts);
        HeldData shown = new HeldData(held.personId(), held.person(), records, rows, events, relationships,
                residences, results, alerts, decisions, markers, accessed);
        List<Withheld> withheld = new ArrayList<>();
        for (DisclosureRules.Rule r : rules.rules()) {
            if (counts.containsKey(r.id())) {
                withheld.add(new Withheld(r.id(), r.reason(), counts.get(r.id())));
            }
        }
        return new Filtered(shown, accessed, withheld);
    }

    private Set<String> withheldEvents(Connection c, HeldData held, DisclosureRules.EventRule rule) {
        Map<String, String> candidates = new LinkedHashMap<>();   // event id -> fact value
        for (JsonNode e : held.events()) {
            JsonNode value = e.path("facts").path(rule.sameFact());
            if (rule.types().contains(e.path("type").asText()) && value.isTextual() && !value.asText().isEmpty()
                    && rule.subjectRoles().contains(EventRole.valueOf(e.path("role").asText()))) {
                candidates.put(e.path("event_id").asText(), value.asText());
            }
        }
        Map<String, Set<String>> others = SubjectStore.otherRoles(c, held.personId(), rule.sameFact(),
                new HashSet<>(candidates.values()));
        Set<String> out = new HashSet<>();
        candidates.forEach((id, value) -> {
            if (others.getOrDefault(value, Set.of()).stream().anyMatch(r -> rule.otherPersonRoles().contains(
                    EventRole.valueOf(r)))) {
                out.add(id);
            }
        });
        return out;
    }

    /** How a marker change's audit entry names the marker (SubjectMarkers, CaseLinkSuccession). */
    private static final String MARKER_FIELD = "marker=";

    private String markerRule(String marker) {
        for (DisclosureRules.Rule r : rules.rules()) {
            if (r instanceof DisclosureRules.MarkerRule mr && mr.markers().contains(marker)) {
                return mr.id();
            }
        }
        return null;
    }

    private String auditRule(JsonNode entry, Instant now) {
        JsonNode event = entry.path("event");
        if (!event.isObject()) {
            return null;   // payload removed at the end of its retention: nothing left to withhold
        }
        // the setting or removal of a withheld marker would name it (fields "marker=…")
        for (JsonNode f : event.path("fields")) {
            String rule = f.asText().startsWith(MARKER_FIELD) ? markerRule(f.asText().substring(MARKER_FIELD.length()))
                    : null;
            if (rule != null) {
                return rule;
            }
        }
        Instant at = Instant.parse(event.path("time").asText());
        for (DisclosureRules.Rule r : rules.rules()) {
            if (r instanceof DisclosureRules.AuditRule ar && ar.covers(event.path("purpose").asText())
                    && at.isAfter(now.atZone(ZoneOffset.UTC).minus(ar.newerThan()).toInstant())) {
                return ar.id();
            }
        }
        return null;
    }

    private interface RuleOf {
        String rule(JsonNode n);
    }

    private static List<JsonNode> keep(List<JsonNode> items, RuleOf withheldBy, Map<String, Integer> counts) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : items) {
            String rule = withheldBy.rule(n);
            if (rule == null) {
                out.add(n);
            } else {
                counts.merge(rule, 1, Integer::sum);
            }
        }
        return out;
    }

    private static String first(JsonNode array, RuleOf of) {
        for (JsonNode n : array) {
            String r = of.rule(n);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    private ObjectNode document(Request request, HeldData held, Filtered f, Instant now) {
        HeldData s = f.shown();
        ObjectNode doc = JSON.createObjectNode();
        doc.put("subject", request.personId());
        doc.put("exported_at", now.toString());
        doc.put("requested_by", request.requestedBy());
        doc.put("agency", request.agency());
        doc.put("reason", request.reason());
        doc.put("disclosure_rules", rules.id() + "@" + rules.version());
        doc.set("person", held.person().orElse(JSON.nullNode()));
        doc.set("records", array(s.records()));
        doc.set("source_rows", array(s.sourceRows()));
        doc.set("events", array(s.events()));
        doc.set("relationships", array(s.relationships()));
        doc.set("residences", array(s.residences()));
        doc.set("indicator_results", array(s.indicatorResults()));
        doc.set("alerts", alerts(s.alerts()));
        doc.set("review_decisions", array(s.reviewDecisions()));
        doc.set("markers", array(s.markers()));
        ArrayNode accessed = doc.putArray("accessed_by");
        for (JsonNode entry : f.accessed()) {
            ObjectNode a = accessed.addObject();
            a.set("sequence", entry.path("sequence"));
            a.set("recorded_at", entry.path("recorded_at"));
            a.set("action", entry.path("action"));
            JsonNode e = entry.path("event");
            if (e.isObject()) {
                for (String k : List.of("actor", "agency", "roles", "purpose", "caseRef", "dataItem", "fields",
                        "reasonCodes", "agreement")) {
                    a.set(k, e.path(k));
                }
            } else {
                a.put("details", "removed at the end of their retention");
            }
        }
        ArrayNode withheld = doc.putArray("withheld");
        for (Withheld w : f.withheld()) {
            withheld.addObject().put("rule", w.rule()).put("reason", w.reason()).put("items", w.items());
        }
        return doc;
    }

    /**
     * The alerts shown, each with its marks as {@code evidence_rectified}: when, and what it means. A withheld alert
     * is not among them, so neither are its marks.
     */
    private static ArrayNode alerts(List<JsonNode> shown) {
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode alert : shown) {
            ObjectNode copy = alert.deepCopy();
            ArrayNode marks = copy.putArray("evidence_rectified");
            for (JsonNode at : alert.path("evidence_rectified")) {
                marks.addObject().put("rectified_at", at.asText()).put("notice", RECTIFIED_NOTICE);
            }
            out.add(copy);
        }
        return out;
    }

    private static ArrayNode array(List<JsonNode> nodes) {
        ArrayNode a = JSON.createArrayNode();
        a.addAll(nodes);
        return a;
    }
}
