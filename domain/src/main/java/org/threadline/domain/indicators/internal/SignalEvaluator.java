package org.threadline.domain.indicators.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.chronology.SourceRef;
import org.threadline.domain.indicators.Evidence;
import org.threadline.domain.indicators.EvidenceEvent;
import org.threadline.domain.indicators.Parameter;
import org.threadline.domain.indicators.Ratio;
import org.threadline.domain.indicators.Who;
import org.threadline.domain.indicators.Window;
import org.threadline.domain.people.PersonSummary;
import org.threadline.domain.people.Relationship;

/** Evaluates one signal (with an indicator's window or count, if it gives one) for one subject. */
final class SignalEvaluator {
    private record Match(ChronologyEvent event, EvidenceEvent cited) {
        static final java.util.Comparator<Match> ORDER = java.util.Comparator.comparing((Match m) -> m.event.date())
                .thenComparing(m -> m.event.eventId()).thenComparing(m -> m.event.personId());
    }

    private final Map<String, Parameter> parameters;

    SignalEvaluator(Map<String, Parameter> parameters) {
        this.parameters = parameters;
    }

    Outcome evaluate(CompiledSignal s, CompiledWindow w, int atLeast, FamilyView family, EventIndex events,
                     LocalDate asOf) {
        String id = s.signal.id();
        Optional<Interval> interval = Interval.of(w, family.subject(), asOf);
        if (interval.isEmpty()) {
            return Outcome.insufficient(id + ": the subject's date of birth is unknown, so the window cannot be set");
        }
        if (s.signal.relationship().isPresent()) {
            return relationship(s, interval.get(), family);
        }
        List<Match> matches = new ArrayList<>();
        // A rate is judged over whole groups (an academic year): the window picks the groups that reach into it,
        // and each group's rate counts all of its events up to the as-of date, not only the terms in the window.
        Interval matching = s.signal.ratio().isPresent() ? new Interval(java.time.LocalDate.MIN, asOf)
                : interval.get();
        if (!interval.get().empty()) {
            for (Map.Entry<String, List<FamilyView.Tie>> person : family.ties().entrySet()) {
                for (String type : s.types) {
                    for (ChronologyEvent e : events.of(person.getKey(), type)) {
                        if (matching.holds(e, s.signal.overlapping()) && s.accepts(e)) {
                            Optional<Who> who = relation(s.signal.who(), person.getValue(), e, family);
                            if (who.isPresent()) {
                                matches.add(new Match(e, EvidenceEvent.of(e, who.get())));
                            }
                        }
                    }
                }
            }
        }
        // Persons come from a hash map: sort so that evidence reads, and is stored, in one order.
        matches.sort(Match.ORDER);
        List<EvidenceEvent> matched = matches.stream().map(Match::cited).toList();
        List<ChronologyEvent> matchedEvents = matches.stream().map(Match::event).toList();
        String whose = s.whose;
        if (s.signal.ratio().isPresent()) {
            return ratio(s, s.signal.ratio().get(), matched, matchedEvents, interval.get(), whose);
        }
        String what = s.what;
        if (matched.size() >= atLeast) {
            return Outcome.met(id, List.of(new Evidence(id, matched.size() + " " + what + " event(s) of " + whose
                    + ", " + interval.get() + " (at least " + atLeast + " needed): " + s.signal.description(),
                    matched, List.of())));
        }
        boolean onlyOthers = !s.signal.who().contains(Who.SELF) && !s.signal.who().contains(Who.FAMILY_MEMBER);
        if (onlyOthers && !family.anyoneAs(s.signal.who())) {
            return Outcome.insufficient(id + ": no " + whose + " of the subject is known");
        }
        return Outcome.notMet(id + ": " + matched.size() + " " + what + " event(s) of " + whose + " "
                + w.words() + "; at least " + atLeast + " needed");
    }

    private Outcome ratio(CompiledSignal s, Ratio r, List<EvidenceEvent> matched, List<ChronologyEvent> events,
                          Interval interval, String whose) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, List<EvidenceEvent>> groups = new LinkedHashMap<>();
        java.util.Set<String> reaching = new java.util.HashSet<>();
        Map<String, List<Integer>> pending = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            ChronologyEvent e = events.get(i);
            // Grouped per person too: in a family rule two children's school years are two rates, not one.
            String group = e.fact(r.groupBy()).strip().isEmpty() ? "" : e.personId() + " " + e.fact(r.groupBy()).strip();
            Optional<Double> denominator = CompiledFact.number(e.fact(r.denominator()));
            double numerator = 0;
            boolean usable = denominator.isPresent() && !group.isEmpty();
            for (String f : r.numerator()) {
                Optional<Double> v = CompiledFact.number(e.fact(f));
                usable &= v.isPresent();
                numerator += v.orElse(0.0);
            }
            if (!usable) {
                continue; // an unreadable term says nothing about the rate; the group is judged on the rest
            }
            boolean inWindow = interval.holds(e, s.signal.overlapping());
            if (!inWindow && !reaching.contains(group)) {
                pending.computeIfAbsent(group, g -> new ArrayList<>()).add(i);
                continue;
            }
            if (inWindow && reaching.add(group)) {
                for (int j : pending.getOrDefault(group, List.of())) {
                    add(sums, groups, group, events.get(j), matched.get(j), r);
                }
            }
            double[] sum = sums.computeIfAbsent(group, g -> new double[2]);
            sum[0] += numerator;
            sum[1] += denominator.get();
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(matched.get(i));
        }
        List<Evidence> evidence = new ArrayList<>();
        List<String> below = new ArrayList<>();
        for (Map.Entry<String, double[]> g : sums.entrySet()) {
            double[] v = g.getValue();
            double rate = v[1] > 0 ? v[0] / v[1] : 0;
            String sentence = String.format(Locale.ROOT, "%s %s: %s of %s %s (%.1f%%)", r.groupBy(), g.getKey(),
                    fmt(v[0]), fmt(v[1]), r.denominator(), rate * 100);
            if (v[1] > 0 && rate >= s.ratioAtLeast) {
                evidence.add(new Evidence(s.signal.id(), sentence + String.format(Locale.ROOT,
                        ", at least %.1f%% needed: %s", s.ratioAtLeast * 100, s.signal.description()),
                        groups.get(g.getKey()), List.of()));
            } else {
                below.add(sentence);
            }
        }
        if (!evidence.isEmpty()) {
            return Outcome.met(s.signal.id(), evidence);
        }
        return Outcome.notMet(s.signal.id() + ": " + (below.isEmpty() ? "no usable " + String.join("/", s.types)
                + " events of " + whose + ", " + interval : String.join("; ", below)) + String.format(Locale.ROOT,
                "; at least %.1f%% needed", s.ratioAtLeast * 100));
    }

    private static void add(Map<String, double[]> sums, Map<String, List<EvidenceEvent>> groups, String group,
                            ChronologyEvent e, EvidenceEvent cited, Ratio r) {
        double[] sum = sums.computeIfAbsent(group, g -> new double[2]);
        for (String f : r.numerator()) {
            sum[0] += CompiledFact.number(e.fact(f)).orElse(0.0);
        }
        sum[1] += CompiledFact.number(e.fact(r.denominator())).orElse(0.0);
        groups.computeIfAbsent(group, g -> new ArrayList<>()).add(cited);
    }

    private Outcome relationship(CompiledSignal s, Interval interval, FamilyView family) {
        List<String> parents = family.parents();
        String id = s.signal.id();
        if (parents.size() < 2) {
            return Outcome.insufficient(id + ": fewer than two parents of the subject are known");
        }
        boolean ended = s.signal.relationship().get().ended();
        List<SourceRef> sources = new ArrayList<>();
        List<String> said = new ArrayList<>();
        for (Relationship r : family.family().relationships()) {
            if (!s.signal.relationship().get().types().contains(r.type()) || !parents.contains(r.fromPerson())
                    || !parents.contains(r.toPerson())) {
                continue;
            }
            if (ended && (r.to().isEmpty() || r.to().get().isBefore(interval.from())
                    || r.to().get().isAfter(interval.to()))) {
                continue;
            }
            sources.addAll(r.evidence());
            said.add(r.fromPerson() + " " + r.type() + " " + r.toPerson() + " (" + r.basis().name().toLowerCase(
                    Locale.ROOT) + ", " + r.rule() + r.to().map(t -> ", ended " + t).orElse("") + ")");
        }
        if (sources.isEmpty()) {
            return Outcome.notMet(id + ": no " + s.signal.relationship().get().types() + " between the subject's "
                    + "parents" + (ended ? " ending " + interval : ""));
        }
        return Outcome.met(id, List.of(new Evidence(id, String.join("; ", said) + ": " + s.signal.description(),
                List.of(), sources)));
    }

    /** The first of the signal's relations that this person has to the subject at the event's date. */
    private static Optional<Who> relation(List<Who> wanted, List<FamilyView.Tie> ties, ChronologyEvent e,
                                          FamilyView family) {
        for (Who w : wanted) {
            for (FamilyView.Tie t : ties) {
                if (t.who() != w) {
                    continue;
                }
                if (w == Who.HOUSEHOLD_MEMBER || w == Who.HOUSEHOLD_ADULT) {
                    LocalDate start = e.date().date();
                    LocalDate end = e.date().latest();
                    if (t.from().isPresent() && end.isBefore(t.from().get())
                            || t.to().isPresent() && start.isAfter(t.to().get())) {
                        continue;
                    }
                    if (w == Who.HOUSEHOLD_ADULT && !adultOn(family.member(e.personId()), start)) {
                        continue;
                    }
                }
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }

    private static boolean adultOn(Optional<PersonSummary> p, LocalDate day) {
        return p.flatMap(x -> x.ageOn(day)).map(a -> a >= 18).orElse(false);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }
}
