package org.threadline.app.web.analyst;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.threadline.store.indicators.IndicatorResultStore;
import org.threadline.store.people.PeopleStore;

/**
 * Every count the cohort page can show, made in one pass over the data and kept between views (ADR 0034): the
 * people held per area and, per offered indicator, the people meeting it per area, at both area levels. Counts
 * only: no person id outlives {@link #count}. Suppression and rounding are applied per view
 * ({@link AreaCohorts#fromCounts}), as before.
 *
 * @param changesSeen the committed changes to the counted tables seen just before counting began: the counts are at
 *                    least as new as this reading (a change committed while counting may be in them, never missed)
 * @param countedAt when counting began
 * @param people per level, the people held per area
 * @param met per level, per indicator, the people held meeting it per area
 * @param asOf the latest day anyone held was evaluated as of (empty before any indicator run)
 */
public record KeptCounts(long changesSeen, Instant countedAt, Map<AreaLevel, Map<String, Long>> people,
                         Map<AreaLevel, Map<String, Map<String, Long>>> met, Optional<LocalDate> asOf) {

    /** Counts the data as it is now; {@code changesSeen} must have been read before this is called. */
    static KeptCounts count(PeopleStore people, IndicatorResultStore results, List<String> indicators,
                            long changesSeen, Instant countedAt) {
        Set<String> held = new HashSet<>(people.personIds());
        Map<String, String> postcodes = people.latestPostcodes();
        Map<String, Place> places = new HashMap<>(); // per distinct postcode: a few thousand, however many people
        Map<AreaLevel, Map<String, Long>> perArea = new EnumMap<>(AreaLevel.class);
        for (String person : held) {
            Place p = places.computeIfAbsent(postcodes.get(person), Place::of);
            for (AreaLevel level : AreaLevel.values()) {
                perArea.computeIfAbsent(level, l -> new HashMap<>()).merge(p.at(level), 1L, Long::sum);
            }
        }
        Map<AreaLevel, Map<String, Map<String, Long>>> met = new EnumMap<>(AreaLevel.class);
        for (AreaLevel level : AreaLevel.values()) {
            met.put(level, new HashMap<>());
        }
        for (String indicator : indicators) {
            for (String person : results.metBy(indicator)) {
                if (!held.contains(person)) {
                    continue; // a retired person's results are not counted
                }
                Place p = places.computeIfAbsent(postcodes.get(person), Place::of);
                for (AreaLevel level : AreaLevel.values()) {
                    met.get(level).computeIfAbsent(indicator, i -> new HashMap<>()).merge(p.at(level), 1L,
                            Long::sum);
                }
            }
        }
        return new KeptCounts(changesSeen, countedAt, perArea, met, results.latestAsOfHeld());
    }

    /** Where a postcode is counted at each level. */
    private record Place(String area, String district) {
        static Place of(String postcode) {
            return new Place(AreaLevel.AREA.of(postcode), AreaLevel.DISTRICT.of(postcode));
        }

        String at(AreaLevel level) {
            return level == AreaLevel.AREA ? area : district;
        }
    }

    /** The counts at one level, suppressed and rounded for a view. */
    AreaCohorts view(AreaLevel level, List<String> indicators, int minimumCell, int roundTo) {
        return AreaCohorts.fromCounts(level, people.getOrDefault(level, Map.of()), met.getOrDefault(level, Map.of()),
                indicators, minimumCell, roundTo);
    }
}
