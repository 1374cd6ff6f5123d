package org.threadline.domain.indicators.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.threadline.domain.chronology.ChronologyEvent;

/** A family's events by person and type, each list in date order (then id, so evidence order is stable). */
public final class EventIndex {
    private static final Comparator<ChronologyEvent> ORDER = Comparator.comparing(ChronologyEvent::date)
            .thenComparing(ChronologyEvent::eventId);
    private final Map<String, Map<String, List<ChronologyEvent>>> byPersonAndType = new HashMap<>();

    public EventIndex(Collection<ChronologyEvent> events) {
        for (ChronologyEvent e : events) {
            byPersonAndType.computeIfAbsent(e.personId(), p -> new HashMap<>())
                    .computeIfAbsent(e.type(), t -> new ArrayList<>()).add(e);
        }
        byPersonAndType.values().forEach(m -> m.values().forEach(l -> l.sort(ORDER)));
    }

    public List<ChronologyEvent> of(String personId, String type) {
        Map<String, List<ChronologyEvent>> m = byPersonAndType.get(personId);
        if (m == null) {
            return List.of();
        }
        return m.getOrDefault(type, List.of());
    }
}
