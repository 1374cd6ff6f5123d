package org.threadline.app.web.analyst;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.threadline.domain.indicators.Indicator;
import org.threadline.domain.indicators.Rulebook;
import org.threadline.store.indicators.CohortInputChanges;
import org.threadline.store.indicators.IndicatorResultStore;
import org.threadline.store.people.PeopleStore;

/**
 * What cohort counts are made from: the people held, each placed at the postcode of their latest known address
 * (as {@code ./threadline indicators cohorts} places them), and who meets each indicator in the stored results of
 * the shipped rulebooks. Only person ids cross from the store to {@link KeptCounts}; nothing of them reaches a page.
 *
 * <p>Counting reads every person held (about 10 s at 3,000,000 people), so the counts are kept between views and
 * made again only once the data they are made of has changed (ADR 0034): each view reads how many changes have been
 * committed ({@link CohortInputChanges}), one cheap query. After a change, the first view either waits for the
 * recount ({@link Recount#ON_VIEW}) or is shown the kept counts, marked as made before the latest changes, while they
 * are made again in the background ({@link Recount#BACKGROUND}, the default: an analyst is never made to wait for
 * a whole population's recount because one incident arrived). Only one recount runs at a time.
 */
public final class CohortSource {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CohortSource.class);

    /** When counts kept from before a change are made again. */
    public enum Recount {
        /** While the view waits: every view shows counts of the data as it is. */
        ON_VIEW,
        /** Behind the view, which is shown the kept counts, marked, meanwhile. */
        BACKGROUND
    }

    private final PeopleStore people;
    private final IndicatorResultStore results;
    private final CohortInputChanges changes;
    private final List<Rulebook> rulebooks;
    private final Clock clock;
    private final Executor background;
    private final Recount recount;
    private final Object firstCount = new Object();
    private final AtomicBoolean recounting = new AtomicBoolean();
    private volatile KeptCounts kept;

    /**
     * @param background where background recounts run (one at a time is ever handed to it)
     */
    public CohortSource(PeopleStore people, IndicatorResultStore results, CohortInputChanges changes,
                        List<Rulebook> rulebooks, Clock clock, Recount recount, Executor background) {
        this.people = people;
        this.results = results;
        this.changes = changes;
        this.rulebooks = List.copyOf(rulebooks);
        this.clock = clock;
        this.recount = recount;
        this.background = background;
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

    /**
     * What a count is made of, the day the results were evaluated as of (empty before any run), when counting began,
     * and whether changes have been committed since (then a recount is under way).
     */
    public record Counted(AreaCohorts cohorts, Optional<LocalDate> asOf, Instant countedAt, boolean current) {
    }

    public Counted count(AreaLevel level, List<String> indicators, int minimumCell, int roundTo) {
        long seen = changes.seen();
        KeptCounts k = kept;
        if (k == null || (k.changesSeen() < seen && recount == Recount.ON_VIEW)) {
            synchronized (firstCount) { // views waiting for counts wait for one count, not one each
                if (kept == null || kept.changesSeen() < seen) {
                    kept = make(changes.seen());
                }
                k = kept;
            }
        } else if (k.changesSeen() < seen && recounting.compareAndSet(false, true)) {
            background.execute(this::recountBehind); // this view shows k, marked, whenever the recount ends
        }
        return new Counted(k.view(level, indicators, minimumCell, roundTo), k.asOf(), k.countedAt(),
                k.changesSeen() >= seen);
    }

    private void recountBehind() {
        try {
            kept = make(changes.seen());
        } catch (RuntimeException e) {
            // the kept counts stay (marked as older) and the next view tries again
            LOG.warn("Recounting cohorts failed: {}", e.getMessage());
        } finally {
            recounting.set(false);
        }
    }

    /** Reads the changes seen first: counts are then at least as new as the number they are kept under. */
    private KeptCounts make(long seen) {
        List<String> offered = choices().values().stream().flatMap(List::stream).map(Choice::id).toList();
        return KeptCounts.count(people, results, offered, seen, clock.instant());
    }
}
