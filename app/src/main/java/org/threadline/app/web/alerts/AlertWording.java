package org.threadline.app.web.alerts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.threadline.domain.indicators.AlertTrigger;
import org.threadline.domain.indicators.Indicator;
import org.threadline.domain.indicators.Rulebook;

/** How an alert's indicator and trigger are named on the page, from the published rulebooks (config/rules). */
public record AlertWording(Map<String, String> indicators, Map<String, String> triggers,
                           java.util.Set<String> toAnOrganisation) {
    public AlertWording {
        indicators = Map.copyOf(indicators);
        triggers = Map.copyOf(triggers);
        toAnOrganisation = java.util.Set.copyOf(toAnOrganisation);
    }

    public static AlertWording of(List<Rulebook> rulebooks) {
        Map<String, String> indicators = new HashMap<>();
        Map<String, String> triggers = new HashMap<>();
        java.util.Set<String> toAnOrganisation = new java.util.HashSet<>();
        for (Rulebook r : rulebooks) {
            for (Indicator i : r.indicators()) {
                indicators.putIfAbsent(i.id(), i.name());
            }
            for (AlertTrigger t : r.alerts()) {
                triggers.putIfAbsent(t.id(), t.description());
                if (t.organisation().isPresent()) {
                    toAnOrganisation.add(t.id());
                }
            }
        }
        return new AlertWording(indicators, triggers, toAnOrganisation);
    }

    public String indicator(String id) {
        return indicators.getOrDefault(id, id);
    }

    public String trigger(String id) {
        return triggers.getOrDefault(id, id);
    }

    /** Whether the trigger routes its alerts to one organisation of the agency (the child's school). */
    public boolean routesToAnOrganisation(String triggerId) {
        return toAnOrganisation.contains(triggerId);
    }
}
