package org.threadline.domain.indicators.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.threadline.domain.indicators.AlertTrigger;
import org.threadline.domain.indicators.Indicator;

/** The rulebook's alert triggers: which indicator, on which change, routed where, due when. */
final class AlertParser {
    private static final Set<String> KEYS = Set.of("id", "description", "indicator", "on", "route", "due");
    private static final Set<String> ROUTE = Set.of("agency", "role", "organisation");
    private final Yaml yaml;
    private final References refs;

    AlertParser(Yaml yaml, References refs) {
        this.yaml = yaml;
        this.refs = refs;
    }

    List<AlertTrigger> parse(JsonNode node, List<Indicator> indicators) {
        List<AlertTrigger> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        Problems problems = refs.problems();
        if (!node.isArray()) {
            problems.add("alerts", "must be a list of alert triggers");
            return out;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "alerts[" + i + "]";
            JsonNode n = node.get(i);
            if (!n.isObject()) {
                problems.add(path, "must be a mapping");
                continue;
            }
            int before = problems.errors().size();
            yaml.onlyKnownKeys(n, path, KEYS);
            String id = yaml.requiredText(n, path, "id").orElse("");
            if (!id.isEmpty() && !ids.add(id)) {
                problems.add(path + ".id", "duplicate alert id " + id);
            }
            String description = yaml.requiredText(n, path, "description").orElse("");
            String indicator = yaml.requiredText(n, path, "indicator").orElse("");
            if (!indicator.isEmpty() && indicators.stream().noneMatch(x -> x.id().equals(indicator))) {
                problems.add(path + ".indicator", "unknown indicator '" + indicator + "'");
            }
            AlertTrigger.On on = yaml.requiredText(n, path, "on")
                    .flatMap(t -> Enums.of(AlertTrigger.On.class, t, path + ".on", problems)).orElse(null);
            String agency = "";
            String role = "";
            Optional<AlertTrigger.OrganisationFrom> organisation = Optional.empty();
            Optional<JsonNode> route = yaml.requiredMapping(n, path, "route");
            if (route.isPresent()) {
                String at = path + ".route";
                yaml.onlyKnownKeys(route.get(), at, ROUTE);
                agency = yaml.requiredText(route.get(), at, "agency").orElse("");
                role = yaml.requiredText(route.get(), at, "role").orElse("");
                organisation = organisation(route.get().get("organisation"), at + ".organisation");
            }
            AlertTrigger.Due due = yaml.requiredMapping(n, path, "due").flatMap(d -> due(d, path + ".due"))
                    .orElse(null);
            if (problems.errors().size() == before && on != null && due != null) {
                out.add(new AlertTrigger(id, description, indicator, on, agency, role, organisation, due));
            }
        }
        return out;
    }

    private Optional<AlertTrigger.OrganisationFrom> organisation(JsonNode n, String path) {
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isObject()) {
            refs.problems().add(path, "must be a mapping {type, fact}");
            return Optional.empty();
        }
        yaml.onlyKnownKeys(n, path, Set.of("type", "fact"));
        Optional<String> type = yaml.requiredText(n, path, "type");
        Optional<String> fact = yaml.requiredText(n, path, "fact");
        if (type.isPresent() && !refs.vocabulary().hasType(type.get())) {
            refs.problems().add(path + ".type", "unknown event type '" + type.get() + "'");
        } else if (type.isPresent() && fact.isPresent() && !refs.vocabulary().hasFact(type.get(), fact.get())) {
            refs.problems().add(path + ".fact", "unknown fact '" + fact.get() + "' for type " + type.get());
        }
        return type.isPresent() && fact.isPresent()
                ? Optional.of(new AlertTrigger.OrganisationFrom(type.get(), fact.get())) : Optional.empty();
    }

    private Optional<AlertTrigger.Due> due(JsonNode n, String path) {
        if (n.size() != 1) {
            refs.problems().add(path, "due is one of {next_school_day_at: \"08:30\"} or {within_hours: n}");
            return Optional.empty();
        }
        String key = n.fieldNames().next();
        JsonNode v = n.get(key);
        if (key.equals("next_school_day_at")) {
            try {
                return Optional.of(new AlertTrigger.Due.NextSchoolDayAt(LocalTime.parse(v.asText())));
            } catch (DateTimeParseException e) {
                refs.problems().add(path + "." + key, "must be a time like \"08:30\", was '" + v.asText() + "'");
                return Optional.empty();
            }
        }
        if (key.equals("within_hours")) {
            if (!v.isIntegralNumber() || v.intValue() < 1) {
                refs.problems().add(path + "." + key, "must be a whole number of hours, at least 1");
                return Optional.empty();
            }
            return Optional.of(new AlertTrigger.Due.Within(Duration.ofHours(v.intValue())));
        }
        refs.problems().add(path + "." + key, "unknown due rule '" + key + "'; use next_school_day_at or within_hours");
        return Optional.empty();
    }
}
