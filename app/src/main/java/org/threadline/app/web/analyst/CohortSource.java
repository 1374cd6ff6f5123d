package org.threadline.app.web.analyst;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threadline.domain.indicators.Indicator;
import org.threadline.domain.indicators.Rulebook;
import org.threadline.store.indicators.IndicatorResultStore;
import org.threadline.store.people.PeopleStore;

/**
 * What cohort counts are made from: the people held, each placed at the postcode of their latest known address
 * (as {@code ./threadline indicators cohorts} places them), and who meets each indicator in the stored results of
 * the shipped rulebooks. Only person ids cross from here to {@link AreaCohorts}; nothing of them reaches a page.
 */
public final class CohortSource {
    private final PeopleStore people;
    private final IndicatorResultStore results;
    private final List<Rulebook> rulebooks;

    public CohortSource(PeopleStore people, IndicatorResultStore results, List<Rulebook> rulebooks) {
        this.people = people;
        this.results = results;
        this.rulebooks = List.copyOf(rulebooks);
    }

    /** An indicator an analyst may choose: enabled, derivable from the records, with its rulebook. */
    public record Choice(String id, String name, String rulebook) {
    }

    /** The indicators offered, grouped by rulebook title, in rulebook order. */
    public Map<String, List<Choice>> choices() {
        Map<String, List<Choice>> out = new LinkedHashMap<>();
        for (Rulebook r : rulebooks) {
            for (Indicator i : r.indicators()) {
                if (i.enabled() && i.notDerivable().isEmpty()) {
                    out.computeIfAbsent(r.title(), k -> new ArrayList<>()).add(new Choice(i.id(), i.name(),
                            r.reference()));
                }
            }
        }
        return out;
    }

    public Optional<Choice> choice(String id) {
        return choices().values().stream().flatMap(List::stream).filter(c -> c.id().equals(id)).findFirst();
    }

    /** What a count is made of, and the day the results were evaluated as of (empty before any run). */
    public record Counted(AreaCohorts cohorts, Optional<LocalDate> asOf) {
    }

    public Counted count(AreaLevel level, List<String> indicators, int minimumCell, int roundTo) {
        List<String> held = people.personIds();
        Map<String, String> postcodes = people.latestPostcodes();
        Map<String, String> areaOf = new HashMap<>();
        for (String p : held) {
            areaOf.put(p, level.of(postcodes.get(p)));
        }
        Map<String, List<String>> metBy = new HashMap<>();
        for (String i : indicators) {
            metBy.put(i, results.metBy(i));
        }
        return new Counted(AreaCohorts.count(level, areaOf, metBy, indicators, minimumCell, roundTo),
                held.isEmpty() ? Optional.empty() : results.latestAsOf(held));
    }
}
