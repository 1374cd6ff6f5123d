package org.threadline.app.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.chronology.Timeline;
import org.threadline.domain.people.Families;
import org.threadline.domain.people.Family;
import org.threadline.domain.people.PersonSummary;
import org.threadline.store.people.PeopleStore;

/** The Java API over built people that the command line, the indicator engine and the web application use. */
public final class PeopleQueries {
    private final PeopleStore store;
    /** Episode types whose source records an end date: without one, the episode is still open. */
    private final java.util.Set<String> openEnded = new java.util.TreeSet<>();

    public PeopleQueries(PeopleStore store, org.threadline.domain.chronology.EventVocabulary vocabulary) {
        this.store = store;
        vocabulary.sources().values().stream().filter(s -> s.endField().isPresent())
                .forEach(s -> openEnded.addAll(s.type().possibleTypes()));
    }

    public Optional<PersonSummary> person(String personId) {
        return store.person(personId);
    }

    public Family family(String anchor) {
        Map<String, PersonSummary> cache = new java.util.HashMap<>();
        return Families.standard().around(anchor, store::relationshipsOf, id -> cache.computeIfAbsent(id,
                x -> store.person(x).orElse(new PersonSummary(x, "", "", Optional.empty(),
                        org.threadline.domain.people.Sex.UNKNOWN))));
    }

    public List<ChronologyEvent> events(List<String> personIds) {
        return store.events(personIds);
    }

    public Timeline chronology(List<String> personIds, Timeline.Settings settings) {
        return Timeline.of(store.events(personIds), settings);
    }

    /**
     * Who to call about a person: per agency, first and last contact, whether an episode is still open (an event
     * with an end date field that has none), and how fresh and complete the agency's data is, so "no record" is
     * never read as "no involvement". The feeds carry no named practitioner, so none is invented.
     */
    public record Involvement(String agency, LocalDate firstContact, LocalDate lastContact, int events,
                              List<String> openEpisodes, String lastLoaded, String coverage) {
    }

    public List<Involvement> whoToCall(String personId) {
        Map<String, List<ChronologyEvent>> byAgency = new TreeMap<>();
        for (ChronologyEvent e : store.events(List.of(personId))) {
            byAgency.computeIfAbsent(e.agency(), k -> new ArrayList<>()).add(e);
        }
        Map<String, PeopleStore.AgencyCoverage> coverage = store.coverage();
        List<Involvement> out = new ArrayList<>();
        Map<String, List<ChronologyEvent>> all = new LinkedHashMap<>(byAgency);
        coverage.keySet().forEach(a -> all.putIfAbsent(a, List.of()));
        for (Map.Entry<String, List<ChronologyEvent>> e : all.entrySet()) {
            List<ChronologyEvent> es = e.getValue();
            PeopleStore.AgencyCoverage c = coverage.get(e.getKey());
            String loaded = c == null ? "never loaded" : c.lastLoaded().toString().substring(0, 10);
            String covers = c == null || c.firstEvent().isEmpty() ? "no events held"
                    : c.firstEvent().get() + " to " + c.lastEvent().get();
            if (es.isEmpty()) {
                out.add(new Involvement(e.getKey(), null, null, 0, List.of(), loaded, covers));
                continue;
            }
            List<String> open = es.stream().filter(x -> x.end().isEmpty() && openEnded.contains(x.type()))
                    .map(x -> x.type().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " since " + x.date())
                    .toList();
            out.add(new Involvement(e.getKey(), es.get(0).date().date(), es.get(es.size() - 1).date().latest(),
                    es.size(), open, loaded, covers));
        }
        return out;
    }
}
