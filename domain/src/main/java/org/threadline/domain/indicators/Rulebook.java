package org.threadline.domain.indicators;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A versioned rulebook as read from {@code config/rules/}: its parameters, signals, indicators and alert triggers.
 *
 * @param vocabulary the event vocabulary ({@code events.yaml}) id its types and facts were checked against
 * @param sha256     of the YAML text it was read from, so a stored result names exactly the rules that made it
 */
public record Rulebook(String id, int version, String title, String description, LocalDate reviewDate,
                       String vocabulary, Map<String, Parameter> parameters, Map<String, Signal> signals,
                       List<Indicator> indicators, List<AlertTrigger> alerts, String sha256) {
    public Rulebook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(reviewDate, "reviewDate");
        Objects.requireNonNull(vocabulary, "vocabulary");
        parameters = Map.copyOf(parameters);
        signals = Map.copyOf(signals);
        indicators = List.copyOf(indicators);
        alerts = List.copyOf(alerts);
        Objects.requireNonNull(sha256, "sha256");
    }

    public Optional<Indicator> indicator(String indicatorId) {
        return indicators.stream().filter(i -> i.id().equals(indicatorId)).findFirst();
    }

    /** {@code id@version}, as results and alerts record it. */
    public String reference() {
        return id + "@" + version;
    }

    /**
     * The same rules with some parameters changed (a partnership's own thresholds); unknown names are refused.
     * The hash is kept and the changed values are part of the reference the engine records.
     */
    public Rulebook withParameters(Map<String, Double> values) {
        Map<String, Parameter> changed = new LinkedHashMap<>(parameters);
        values.forEach((name, value) -> {
            Parameter p = parameters.get(name);
            if (p == null) {
                throw new IllegalArgumentException("rulebook " + id + " has no parameter " + name);
            }
            changed.put(name, p.withValue(value));
        });
        return new Rulebook(id, version, title, description, reviewDate, vocabulary, changed, signals, indicators,
                alerts, sha256);
    }
}
