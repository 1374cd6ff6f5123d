package org.threadline.app.indicators;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.threadline.domain.identifiers.Postcode;
import org.threadline.domain.indicators.reporting.CohortTable;
import org.threadline.store.indicators.IndicatorResultStore;
import org.threadline.store.people.PeopleStore;

/**
 * The people meeting each indicator by postcode district of their latest known address, suppressed
 * ({@code ./threadline indicators cohorts}). Who meets an indicator is read from the met results' own index, one
 * indicator at a time: reading every stored result with its evidence did not fit 4 GB at 3,000,000 people
 * (docs/benchmarks.md).
 */
public final class CohortCounts {
    /** Where someone with no valid postcode is counted. */
    public static final String UNKNOWN = "unknown";

    private CohortCounts() {
    }

    public static CohortTable count(PeopleStore people, IndicatorResultStore results, List<String> indicators,
                                    int minimumCell) {
        Map<String, String> postcodes = people.latestPostcodes();
        Set<String> held = new HashSet<>(people.personIds());
        Map<String, String> districts = new HashMap<>();
        List<CohortTable.Flag> flags = new ArrayList<>();
        for (String indicator : indicators) {
            for (String person : results.metBy(indicator)) {
                if (!held.contains(person)) {
                    continue; // a retired person's results are not counted
                }
                String area = districts.computeIfAbsent(postcodes.getOrDefault(person, ""),
                        pc -> Postcode.parse(pc).map(Postcode::district).orElse(UNKNOWN));
                flags.add(new CohortTable.Flag(area, indicator));
            }
        }
        return CohortTable.suppress(flags, indicators, minimumCell);
    }
}
