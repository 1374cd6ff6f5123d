package org.threadline.app.web.alerts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.threadline.domain.indicators.AlertTrigger;
import org.threadline.domain.indicators.Indicator;
import org.threadline.domain.indicators.Rulebook;

/** How an alert's indicator and trigger are named on the page, from the published rulebooks (config/rules). */
public record AlertWording(Map<String, String> indicators, Map<String, String> triggers) {
    public AlertWording {
        indicators = Map.copyOf(indicators);
        triggers = Map.copyOf(triggers);
    }

    public static AlertWording of(List<Rulebook> rulebooks) {
        Map<String, String> indicators = new HashMap<>();
        Map<String, String> triggers = new HashMap<>();
        for (Rulebook r : rulebooks) {
            for (Indicator i : r.indicators()) {
                indicators.putIfAbsent(i.id(), i.name());
            }
            for (AlertTrigger t : r.alerts()) {
                triggers.putIfAbsent(t.id(), t.description());
            }
        }
        return new AlertWording(indicators, triggers);
    }

    public String indicator(String id) {
        return indicators.getOrDefault(id, id);
    }

    public String trigger(String id) {
        return triggers.getOrDefault(id, id);
    }
}
