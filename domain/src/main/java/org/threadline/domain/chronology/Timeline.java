package org.threadline.domain.chronology;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A chronology as a practitioner reads it, following good chronology practice: facts in date order; one entry for
 * one happening however many people or agencies recorded it (a police occurrence naming a victim and a child
 * present; the same assault seen by police and the emergency department); repeated routine events aggregated
 * visibly so a build-up is seen; and the gaps — periods with no agency contact — shown, not hidden.
 */
public record Timeline(List<Entry> entries, List<Gap> gaps) {

    public Timeline {
        entries = List.copyOf(entries);
        gaps = List.copyOf(gaps);
    }

    /**
     * @param count how many events the entry stands for (more than one when routine events were aggregated)
     * @param until the last of them, for an aggregate
     */
    public record Entry(EventDate date, Optional<EventDate> until, String type, String agency, Set<String> agencies,
                        Map<String, EventRole> people, String summary, boolean significant, int count,
                        List<SourceRef> sources, double linkConfidence) {
        public Entry {
            agencies = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(agencies));
            people = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(people));
            sources = List.copyOf(sources);
        }
    }

    public record Gap(LocalDate from, LocalDate to, long days) {
    }

    /**
     * @param gapDays             no contact for longer than this is shown as a gap
     * @param aggregateWindowDays routine events of one type and agency no further apart than this run together
     * @param aggregateMinimum    a run is aggregated from this many events
     */
    public record Settings(int gapDays, int aggregateWindowDays, int aggregateMinimum, boolean significantOnly) {
        public static final Settings DEFAULT = new Settings(183, 200, 3, false);

        public Settings significant() {
            return new Settings(gapDays, aggregateWindowDays, aggregateMinimum, true);
        }
    }

    /** Police and emergency-department records of one assault on one person on one day are one happening. */
    private static final Set<String> POLICE_ASSAULT = Set.of("POLICE_INCIDENT", "DOMESTIC_ABUSE_INCIDENT");

    public static Timeline of(List<ChronologyEvent> events, Settings settings) {
        List<Entry> merged = mergeSameHappening(events);
        List<Entry> shown = new ArrayList<>();
        for (Entry e : aggregate(merged, settings)) {
            if (!settings.significantOnly() || e.significant()) {
                shown.add(e);
            }
        }
        return new Timeline(shown, gaps(merged, settings.gapDays()));
    }

    private static List<Entry> mergeSameHappening(List<ChronologyEvent> events) {
        Map<String, List<ChronologyEvent>> groups = new LinkedHashMap<>();
        List<ChronologyEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(ChronologyEvent::date).thenComparing(ChronologyEvent::eventId));
        for (ChronologyEvent e : sorted) {
            groups.computeIfAbsent(happening(e), k -> new ArrayList<>()).add(e);
        }
        // An ED assault attendance joins the police occurrence of the same person and day, if there is one.
        Map<String, String> policeOf = new LinkedHashMap<>();
        groups.forEach((k, g) -> g.stream().filter(e -> POLICE_ASSAULT.contains(e.type()) && e.role() == EventRole.VICTIM)
                .forEach(e -> policeOf.putIfAbsent(e.personId() + "|" + e.date().date(), k)));
        Map<String, List<ChronologyEvent>> joined = new LinkedHashMap<>();
        groups.forEach((k, g) -> {
            ChronologyEvent first = g.get(0);
            String target = first.type().equals("ED_ASSAULT")
                    ? policeOf.getOrDefault(first.personId() + "|" + first.date().date(), k) : k;
            joined.computeIfAbsent(target, x -> new ArrayList<>()).addAll(g);
        });
        List<Entry> out = new ArrayList<>();
        for (List<ChronologyEvent> g : joined.values()) {
            out.add(entry(g));
        }
        out.sort(Comparator.comparing(Entry::date).thenComparing(Entry::type));
        return out;
    }

    /** Events that are one happening share a key: the occurrence or case reference where the source gives one. */
    private static String happening(ChronologyEvent e) {
        for (String ref : List.of("occurrence_ref", "case_ref")) {
            if (!e.fact(ref).isEmpty()) {
                return e.agency() + "|" + ref + "|" + e.fact(ref) + "|" + e.date().date();
            }
        }
        return e.eventId();
    }

    private static Entry entry(List<ChronologyEvent> g) {
        ChronologyEvent lead = g.stream().filter(e -> !e.type().equals("ED_ASSAULT")).findFirst().orElse(g.get(0));
        Map<String, EventRole> people = new LinkedHashMap<>();
        Set<String> agencies = new TreeSet<>();
        Set<SourceRef> sources = new TreeSet<>();
        List<String> also = new ArrayList<>();
        double confidence = 1;
        boolean significant = false;
        for (ChronologyEvent e : g) {
            people.putIfAbsent(e.personId(), e.role());
            agencies.add(e.agency());
            sources.addAll(e.sources());
            confidence = Math.min(confidence, e.linkConfidence());
            significant |= e.significant();
            if (!e.agency().equals(lead.agency()) && !also.contains(e.summary())) {
                also.add(e.agency() + " also recorded: " + e.summary());
            }
        }
        String summary = also.isEmpty() ? lead.summary() : lead.summary() + " | " + String.join(" | ", also);
        return new Entry(lead.date(), lead.end(), lead.type(), lead.agency(), agencies, people, summary, significant,
                1, List.copyOf(sources), confidence);
    }

    private static List<Entry> aggregate(List<Entry> entries, Settings settings) {
        List<Entry> out = new ArrayList<>();
        Map<String, List<Entry>> runs = new LinkedHashMap<>();
        List<Entry> ordered = new ArrayList<>();
        for (Entry e : entries) {
            if (e.significant()) {
                ordered.add(e);
                continue;
            }
            String key = e.type() + "|" + e.agency() + "|" + e.people().keySet();
            List<Entry> run = runs.get(key);
            if (run != null && ChronoUnit.DAYS.between(run.get(run.size() - 1).date().date(), e.date().date())
                    <= settings.aggregateWindowDays()) {
                run.add(e);
            } else {
                if (run != null) {
                    ordered.addAll(collapse(run, settings));
                }
                List<Entry> fresh = new ArrayList<>();
                fresh.add(e);
                runs.put(key, fresh);
            }
        }
        runs.values().forEach(run -> ordered.addAll(collapse(run, settings)));
        ordered.sort(Comparator.comparing(Entry::date).thenComparing(Entry::type));
        out.addAll(ordered);
        return out;
    }

    private static List<Entry> collapse(List<Entry> run, Settings settings) {
        if (run.size() < settings.aggregateMinimum()) {
            return run;
        }
        Entry first = run.get(0);
        Entry last = run.get(run.size() - 1);
        List<SourceRef> sources = run.stream().flatMap(e -> e.sources().stream()).distinct().toList();
        double confidence = run.stream().mapToDouble(Entry::linkConfidence).min().orElse(1);
        String summary = run.size() + " × " + first.type().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + " from " + first.date() + " to " + last.date() + "; latest: " + last.summary();
        return List.of(new Entry(first.date(), Optional.of(last.date()), first.type(), first.agency(),
                first.agencies(), first.people(), summary, false, run.size(), sources, confidence));
    }

    private static List<Gap> gaps(List<Entry> entries, int gapDays) {
        List<Gap> out = new ArrayList<>();
        LocalDate previous = null;
        for (Entry e : entries) {
            LocalDate start = e.date().date();
            if (previous != null && ChronoUnit.DAYS.between(previous, start) > gapDays) {
                out.add(new Gap(previous, start, ChronoUnit.DAYS.between(previous, start)));
            }
            LocalDate end = e.date().latest();
            if (previous == null || end.isAfter(previous)) {
                previous = end;
            }
        }
        return out;
    }
}
