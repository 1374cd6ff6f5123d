package org.threadline.store.indicators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.threadline.domain.chronology.DatePrecision;
import org.threadline.domain.chronology.EventDate;
import org.threadline.domain.chronology.EventRole;
import org.threadline.domain.chronology.SourceRef;
import org.threadline.domain.indicators.Evidence;
import org.threadline.domain.indicators.EvidenceEvent;
import org.threadline.domain.indicators.Who;

/** Evidence to and from the {@code evidence} jsonb column; written field by field so the stored shape is ours. */
final class EvidenceJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private EvidenceJson() {
    }

    static String write(List<Evidence> evidence) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Evidence e : evidence) {
            ObjectNode o = a.addObject();
            o.put("signal", e.signal());
            o.put("statement", e.statement());
            ArrayNode events = o.putArray("events");
            for (EvidenceEvent ev : e.events()) {
                ObjectNode x = events.addObject();
                x.put("event_id", ev.eventId());
                x.put("person_id", ev.personId());
                x.put("relation", ev.relation().name());
                x.put("type", ev.type());
                x.put("date", ev.date().date().toString());
                x.put("precision", ev.date().precision().name());
                ev.date().time().ifPresent(t -> x.put("time", t.toString()));
                x.put("agency", ev.agency());
                x.put("role", ev.role().name());
                x.put("summary", ev.summary());
                sources(x.putArray("sources"), ev.sources());
            }
            sources(o.putArray("relationship_sources"), e.relationshipSources());
        }
        return a.toString();
    }

    static List<Evidence> read(String json) {
        try {
            List<Evidence> out = new ArrayList<>();
            for (JsonNode o : MAPPER.readTree(json)) {
                List<EvidenceEvent> events = new ArrayList<>();
                for (JsonNode x : o.get("events")) {
                    EventDate date = new EventDate(LocalDate.parse(x.get("date").asText()),
                            DatePrecision.valueOf(x.get("precision").asText()),
                            x.hasNonNull("time") ? Optional.of(LocalTime.parse(x.get("time").asText()))
                                    : Optional.empty());
                    events.add(new EvidenceEvent(x.get("event_id").asText(), x.get("person_id").asText(),
                            Who.valueOf(x.get("relation").asText()), x.get("type").asText(), date,
                            x.get("agency").asText(), EventRole.valueOf(x.get("role").asText()),
                            x.get("summary").asText(), sources(x.get("sources"))));
                }
                out.add(new Evidence(o.get("signal").asText(), o.get("statement").asText(), events,
                        sources(o.get("relationship_sources"))));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evidence is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String strings(List<String> values) {
        ArrayNode a = MAPPER.createArrayNode();
        values.forEach(a::add);
        return a.toString();
    }

    static List<String> strings(String json) {
        try {
            List<String> out = new ArrayList<>();
            MAPPER.readTree(json).forEach(n -> out.add(n.asText()));
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored list is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void sources(ArrayNode a, List<SourceRef> sources) {
        for (SourceRef s : sources) {
            ObjectNode o = a.addObject();
            o.put("agency", s.agency());
            o.put("definition_id", s.definitionId());
            o.put("file_id", s.fileId());
            o.put("row_number", s.rowNumber());
        }
    }

    private static List<SourceRef> sources(JsonNode a) {
        List<SourceRef> out = new ArrayList<>();
        for (JsonNode o : a) {
            out.add(new SourceRef(o.get("agency").asText(), o.get("definition_id").asText(),
                    o.get("file_id").asLong(), o.get("row_number").asLong()));
        }
        return out;
    }
}
