package org.threadline.app.web.people;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.threadline.app.people.PeopleQueries;
import org.threadline.app.web.access.Access;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.Viewer;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.chronology.SourceRef;
import org.threadline.domain.indicators.Evaluation;
import org.threadline.domain.indicators.Evidence;
import org.threadline.domain.indicators.EvidenceEvent;
import org.threadline.domain.indicators.Indicator;
import org.threadline.domain.indicators.IndicatorResult;
import org.threadline.domain.indicators.Rulebook;
import org.threadline.domain.indicators.Status;
import org.threadline.store.indicators.IndicatorResultStore;

/**
 * A person's flags as the viewer may see them. A flag is shown only when the viewer may see every record it rests
 * on: a flag is an inference from its evidence, so showing it where the evidence is withheld would disclose what the
 * agreement withholds ("household substance misuse" from treatment records a school may not see). The others are
 * counted, with why, never named.
 */
public final class FlagViews {
    private final IndicatorResultStore results;
    private final List<Rulebook> rulebooks;
    private final PeopleQueries queries;
    private final AccessPolicy policy;

    public FlagViews(IndicatorResultStore results, List<Rulebook> rulebooks, PeopleQueries queries,
                     AccessPolicy policy) {
        this.results = results;
        this.rulebooks = List.copyOf(rulebooks);
        this.queries = queries;
        this.policy = policy;
    }

    /** One event as a flag cites it, as shown. */
    public record EventLine(String date, String agency, String type, String relation, String summary,
                            String source) {
    }

    /** One clause of a flag: what held, and the events. */
    public record EvidenceView(String statement, List<EventLine> events) {
    }

    /**
     * A flag as shown. Not its engine reason: that also counts the clauses that did not hold, and a count can be of
     * records the viewer may not see; the evidence statements speak only of the records shown.
     */
    public record FlagView(String indicatorId, String name, String description, String rulebook, String asOf,
                           List<EvidenceView> evidence) {
    }

    /** What the page shows: the flags, how many rest on records not shared (and why), what cannot be answered. */
    public record Flags(List<FlagView> shown, int notShown, List<String> whyNotShown, List<String> cannotAnswer,
                        boolean evaluated) {
    }

    public Flags flags(Viewer v, String personId, List<Access> accesses) {
        Map<Rulebook, Evaluation> stored = new java.util.LinkedHashMap<>();
        rulebooks.forEach(book -> results.load(personId, book).ifPresent(e -> stored.put(book, e)));
        // every event any met flag cites, read once for the whole family
        Set<String> people = new LinkedHashSet<>(List.of(personId));
        stored.values().forEach(e -> e.results().forEach(r -> r.evidence().forEach(ev -> ev.events()
                .forEach(x -> people.add(x.personId())))));
        Map<String, ChronologyEvent> events = new HashMap<>();
        queries.events(List.copyOf(people)).forEach(x -> events.put(x.eventId(), x));
        List<FlagView> shown = new ArrayList<>();
        Set<String> why = new TreeSet<>();
        List<String> cannot = new ArrayList<>();
        int hidden = 0;
        Map<String, Access> decided = new HashMap<>();
        for (Map.Entry<Rulebook, Evaluation> entry : stored.entrySet()) {
            Rulebook book = entry.getKey();
            Evaluation e = entry.getValue();
            for (IndicatorResult r : e.results()) {
                String name = book.indicator(r.indicatorId()).map(Indicator::name).orElse(r.indicatorId());
                if (r.status() == Status.INSUFFICIENT_DATA) {
                    cannot.add(name);
                }
                if (r.status() != Status.MET) {
                    continue;
                }
                List<EvidenceView> evidence = visibleEvidence(v, r, events, decided, accesses, personId, why);
                if (evidence == null) {
                    hidden++;
                } else {
                    shown.add(new FlagView(r.indicatorId(), name, withParameters(book, book.indicator(
                            r.indicatorId()).map(Indicator::description).orElse("")), e.rulebook(),
                            e.asOf().toString(), evidence));
                }
            }
        }
        return new Flags(shown, hidden, List.copyOf(why), cannot, !stored.isEmpty());
    }

    /** A published description with its parameters' values in place of their names ({@code $missing_episodes}). */
    static String withParameters(Rulebook book, String text) {
        String out = text;
        for (var p : book.parameters().entrySet().stream()
                .sorted((a, b) -> b.getKey().length() - a.getKey().length()).toList()) {
            double v = p.getValue().value();
            String value = v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
            out = out.replace("$" + p.getKey(), value);
        }
        return out;
    }

    /** The flag's evidence as shown, or null when any record it rests on is not shared with the viewer. */
    private List<EvidenceView> visibleEvidence(Viewer v, IndicatorResult r, Map<String, ChronologyEvent> events,
                                               Map<String, Access> decided, List<Access> accesses, String personId,
                                               Set<String> why) {
        List<EvidenceView> out = new ArrayList<>();
        for (Evidence ev : r.evidence()) {
            List<EventLine> lines = new ArrayList<>();
            for (EvidenceEvent x : ev.events()) {
                ChronologyEvent e = events.get(x.eventId());
                if (e == null) {
                    why.add("a record it rests on is no longer held");
                    return null;
                }
                String item = e.sources().isEmpty() ? e.agency() : e.sources().get(0).definitionId();
                Access a = decided.computeIfAbsent(item + "|" + e.personId() + "|" + e.role(), k -> {
                    Access d = policy.event(v, e);
                    accesses.add(d);
                    return d;
                });
                if (!a.any()) {
                    why.add(a.basis());
                    return null;
                }
                ChronologyEvent shown = a.shows("summary") ? e : PeopleViews.withoutDetails(e);
                lines.add(new EventLine(shown.date().toString(), shown.agency(), shown.type().toLowerCase(
                        java.util.Locale.ROOT).replace('_', ' '), x.relation().name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' '), shown.summary(), shown.sources().stream().map(ref -> ref.definitionId() + " row "
                        + ref.rowNumber()).collect(java.util.stream.Collectors.joining(", "))));
            }
            for (SourceRef s : ev.relationshipSources()) {
                Access a = decided.computeIfAbsent(s.definitionId() + "|tie|" + personId, k -> {
                    Access d = policy.evidence(v, s, personId);
                    accesses.add(d);
                    return d;
                });
                if (!a.any()) {
                    why.add(a.basis());
                    return null;
                }
            }
            out.add(new EvidenceView(ev.statement(), lines));
        }
        return out;
    }
}
