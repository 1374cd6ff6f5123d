package org.threadline.store.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.domain.governance.audit.AuditEvent;
import org.threadline.domain.governance.audit.StoredEntry;

/**
 * An audit event as the {@code payload} jsonb column holds it, and back. The column is for people and queries; the
 * hash is over the event's canonical bytes, so reading must give back exactly the event that was written: every
 * field is required with its type, and a field the event does not have makes the payload unreadable (text added to
 * a payload is not covered by its hash, so it counts as tampering).
 */
final class AuditPayloads {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("requestId", "time", "actor", "agency", "roles", "purpose",
            "caseRef", "action", "subject", "dataItem", "fields", "reasonCodes", "agreement");

    private AuditPayloads() {
    }

    static String toJson(AuditEvent e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("requestId", e.requestId());
        o.put("time", e.time().toString());
        o.put("actor", e.actor());
        o.put("agency", e.agency());
        o.set("roles", array(e.roles()));
        o.put("purpose", e.purpose());
        o.put("caseRef", e.caseRef());
        o.put("action", e.action().name());
        o.put("subject", e.subject());
        o.put("dataItem", e.dataItem());
        o.set("fields", array(e.fields()));
        o.set("reasonCodes", array(e.reasonCodes()));
        o.put("agreement", e.agreement());
        return o.toString();
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode a = JSON.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    /** The stored payload: the event with its salt, or why it is not one. */
    static StoredEntry.Payload read(String json, byte[] salt) {
        if (json == null && salt == null) {
            return new StoredEntry.Removed();
        }
        if (json == null || salt == null) {
            return new StoredEntry.Unreadable("payload and salt must be removed together");
        }
        try {
            return new StoredEntry.Present(fromJson(JSON.readTree(json)), salt);
        } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException e) {
            return new StoredEntry.Unreadable(e.getMessage());
        }
    }

    private static AuditEvent fromJson(JsonNode o) {
        if (!o.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        o.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unexpected field '" + name + "'");
            }
        });
        String action = text(o, "action");
        return new AuditEvent(text(o, "requestId"), Instant.parse(text(o, "time")), text(o, "actor"),
                text(o, "agency"), texts(o, "roles"), text(o, "purpose"), text(o, "caseRef"),
                AuditAction.parse(action).orElseThrow(() -> new IllegalArgumentException("unknown action " + action)),
                text(o, "subject"), text(o, "dataItem"), texts(o, "fields"), texts(o, "reasonCodes"),
                text(o, "agreement"));
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' is missing or not text");
        }
        return v.asText();
    }

    private static List<String> texts(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException("'" + field + "' is missing or not a list");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException("'" + field + "' holds something other than text");
            }
            out.add(item.asText());
        }
        return out;
    }
}
