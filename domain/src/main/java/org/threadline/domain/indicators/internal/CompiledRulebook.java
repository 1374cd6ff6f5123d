package org.threadline.domain.indicators.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.indicators.Condition;
import org.threadline.domain.indicators.Evaluation;
import org.threadline.domain.indicators.Evidence;
import org.threadline.domain.indicators.Indicator;
import org.threadline.domain.indicators.IndicatorResult;
import org.threadline.domain.indicators.Rulebook;
import org.threadline.domain.indicators.Status;
import org.threadline.domain.indicators.Subject;
import org.threadline.domain.people.Family;
import org.threadline.domain.people.PersonSummary;

/**
 * A rulebook compiled once: signals with their fact tests and thresholds resolved, indicators in an order where every
 * indicator comes after those it uses. Immutable and so safe to share between threads.
 */
public final class CompiledRulebook {
    private final Rulebook rulebook;
    private final Map<String, CompiledSignal> signals = new HashMap<>();
    private final List<Indicator> ordered;
    private final SignalEvaluator signalEvaluator;
    /** Each signal use's window and count, resolved once (by identity: the tree is fixed after reading). */
    private final Map<Condition.UseSignal, CompiledWindow> windows = new java.util.IdentityHashMap<>();
    private final Map<Condition.UseSignal, Integer> counts = new java.util.IdentityHashMap<>();

    public CompiledRulebook(Rulebook rulebook) {
        this.rulebook = rulebook;
        rulebook.signals().forEach((id, s) -> signals.put(id, new CompiledSignal(s, rulebook.parameters())));
        this.ordered = order(rulebook.indicators());
        this.signalEvaluator = new SignalEvaluator(rulebook.parameters());
        rulebook.indicators().forEach(i -> i.condition().ifPresent(this::compileUses));
    }

    private void compileUses(Condition c) {
        if (c instanceof Condition.UseSignal u) {
            CompiledSignal s = signals.get(u.signal());
            windows.put(u, u.window().map(w -> CompiledWindow.of(w, rulebook.parameters())).orElse(s.window));
            counts.put(u, u.atLeast().map(a -> (int) Math.ceil(a.resolve(rulebook.parameters()))).orElse(s.atLeast));
        }
        Conditions.children(c).forEach(this::compileUses);
    }

    public Rulebook rulebook() {
        return rulebook;
    }

    public Evaluation evaluate(PersonSummary subject, Family family, Collection<ChronologyEvent> events,
                               LocalDate asOf) {
        return evaluate(subject, family, new EventIndex(events), asOf);
    }

    /** Every member of the family, indexing the events once. */
    public List<Evaluation> evaluateFamily(Family family, Collection<ChronologyEvent> events, LocalDate asOf) {
        EventIndex index = new EventIndex(events);
        List<Evaluation> out = new ArrayList<>(family.members().size());
        for (PersonSummary member : family.members()) {
            out.add(evaluate(member, family, index, asOf));
        }
        return out;
    }

    private Evaluation evaluate(PersonSummary subject, Family family, EventIndex index, LocalDate asOf) {
        FamilyView view = new FamilyView(subject, family);
        Map<String, IndicatorResult> done = new LinkedHashMap<>();
        Optional<Integer> age = subject.ageOn(asOf);
        for (Indicator ind : ordered) {
            if (!ind.enabled() || !applies(ind.subject(), subject, family) || !fits(ind.subject(), subject, asOf)) {
                continue;
            }
            done.put(ind.id(), result(ind, age, view, index, asOf, done));
        }
        List<IndicatorResult> results = new ArrayList<>();
        for (Indicator ind : rulebook.indicators()) {
            Optional.ofNullable(done.get(ind.id())).ifPresent(results::add);
        }
        return new Evaluation(subject.personId(), rulebook.reference(), asOf, results);
    }

    private IndicatorResult result(Indicator ind, Optional<Integer> age, FamilyView view, EventIndex index,
                                   LocalDate asOf, Map<String, IndicatorResult> done) {
        if (ind.subject() == Subject.CHILD || ind.subject() == Subject.ADULT) {
            if (age.isEmpty()) {
                return new IndicatorResult(ind.id(), Status.INSUFFICIENT_DATA, "the subject's date of birth is "
                        + "unknown, so it cannot be told whether the subject is a" + (ind.subject() == Subject.CHILD
                        ? " child" : "n adult"), List.of());
            }
        }
        if (ind.notDerivable().isPresent()) {
            return new IndicatorResult(ind.id(), Status.INSUFFICIENT_DATA, ind.notDerivable().get(), List.of());
        }
        Outcome o = condition(ind.condition().orElseThrow(), view, index, asOf, done);
        if (o.status() == Status.NOT_MET && ind.requires().isPresent()) {
            CompiledSignal req = signals.get(ind.requires().get());
            Outcome coverage = signalEvaluator.evaluate(req, req.window, req.atLeast, view, index, asOf);
            if (coverage.status() != Status.MET) {
                return new IndicatorResult(ind.id(), Status.INSUFFICIENT_DATA, "the records needed to answer are "
                        + "missing: " + coverage.reason(), List.of());
            }
        }
        return new IndicatorResult(ind.id(), o.status(), o.reason(), o.evidence());
    }

    private Outcome condition(Condition c, FamilyView view, EventIndex index, LocalDate asOf,
                              Map<String, IndicatorResult> done) {
        if (c instanceof Condition.UseSignal u) {
            return signalEvaluator.evaluate(signals.get(u.signal()), windows.get(u), counts.get(u), view, index,
                    asOf);
        }
        if (c instanceof Condition.UseIndicator u) {
            IndicatorResult r = done.get(u.indicator());
            if (r == null) {
                return Outcome.insufficient(u.indicator() + " does not apply to this subject or is switched off");
            }
            List<Evidence> ev = r.evidence().stream().map(e -> new Evidence(u.indicator() + "/" + e.signal(),
                    e.statement(), e.events(), e.relationshipSources())).toList();
            return new Outcome(r.status(), u.indicator() + ": " + r.reason(), ev);
        }
        List<Outcome> parts = new ArrayList<>();
        for (Condition child : Conditions.children(c)) {
            parts.add(condition(child, view, index, asOf, done));
        }
        long met = parts.stream().filter(p -> p.status() == Status.MET).count();
        long unknown = parts.stream().filter(p -> p.status() == Status.INSUFFICIENT_DATA).count();
        int needed;
        String label;
        if (c instanceof Condition.AnyOf) {
            needed = 1;
            label = "any of";
        } else if (c instanceof Condition.AllOf) {
            needed = parts.size();
            label = "all of";
        } else {
            needed = (int) Math.ceil(((Condition.AtLeastOf) c).n().resolve(rulebook.parameters()));
            label = "at least " + needed + " of";
        }
        List<Evidence> evidence = new ArrayList<>();
        parts.stream().filter(p -> p.status() == Status.MET).forEach(p -> evidence.addAll(p.evidence()));
        String reasons = label + " [" + String.join("; ", parts.stream().map(Outcome::reason).toList()) + "]";
        if (met >= needed) {
            return Outcome.met(met + " met, " + reasons, evidence);
        }
        if (met + unknown >= needed) {
            return Outcome.insufficient(met + " met, " + unknown + " unknown, " + reasons);
        }
        return Outcome.notMet(met + " met, " + reasons);
    }

    private static boolean applies(Subject kind, PersonSummary subject, Family family) {
        return switch (kind) {
            case PERSON -> true;
            case FAMILY -> family.anchorPersonId().equals(subject.personId());
            case CHILD, ADULT -> true; // an unknown age is answered INSUFFICIENT_DATA; a known one is checked below
        };
    }

    /** Whether a known age fits: evaluated before the condition so that children and adults get their own rules. */
    private static boolean fits(Subject kind, PersonSummary subject, LocalDate asOf) {
        Optional<Integer> age = subject.ageOn(asOf);
        return switch (kind) {
            case CHILD -> age.map(a -> a < 18).orElse(true);
            case ADULT -> age.map(a -> a >= 18).orElse(true);
            default -> true;
        };
    }

    private static List<Indicator> order(List<Indicator> indicators) {
        Map<String, Indicator> byId = new LinkedHashMap<>();
        indicators.forEach(i -> byId.put(i.id(), i));
        List<Indicator> out = new ArrayList<>();
        java.util.Set<String> placed = new java.util.HashSet<>();
        for (Indicator i : indicators) {
            place(i, byId, placed, out);
        }
        return out;
    }

    private static void place(Indicator i, Map<String, Indicator> byId, java.util.Set<String> placed,
                              List<Indicator> out) {
        if (!placed.add(i.id())) {
            return;
        }
        List<String> uses = new ArrayList<>();
        i.condition().ifPresent(c -> References.collect(c, uses));
        for (String u : uses) {
            Indicator dep = byId.get(u);
            if (dep != null) {
                place(dep, byId, placed, out);
            }
        }
        out.add(i);
    }
}
