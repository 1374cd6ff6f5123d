package org.threadline.store.governance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * Everything the store holds about one person, each row as the database holds it (as JSON objects, so that nothing
 * is lost by a mapping): the person, their records, every source row they came from (cells as received,
 * standardised fields, file name, agency, landed time), chronology events, relationships (with evidence),
 * residences, indicator results, alerts with their steps and the times their evidence was rectified (V24), review
 * decisions about their records, and the audit entries whose subject they are.
 */
public record HeldData(String personId, Optional<JsonNode> person, List<JsonNode> records, List<JsonNode> sourceRows,
                       List<JsonNode> events, List<JsonNode> relationships, List<JsonNode> residences,
                       List<JsonNode> indicatorResults, List<JsonNode> alerts, List<JsonNode> reviewDecisions,
                       List<JsonNode> markers, List<JsonNode> auditEntries) {
    public HeldData {
        records = List.copyOf(records);
        sourceRows = List.copyOf(sourceRows);
        events = List.copyOf(events);
        relationships = List.copyOf(relationships);
        residences = List.copyOf(residences);
        indicatorResults = List.copyOf(indicatorResults);
        alerts = List.copyOf(alerts);
        reviewDecisions = List.copyOf(reviewDecisions);
        markers = List.copyOf(markers);
        auditEntries = List.copyOf(auditEntries);
    }
}
