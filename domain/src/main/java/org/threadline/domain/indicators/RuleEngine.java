package org.threadline.domain.indicators;

import java.time.LocalDate;
import java.util.Collection;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.indicators.internal.CompiledRulebook;
import org.threadline.domain.people.Family;
import org.threadline.domain.people.PersonSummary;

/**
 * Evaluates a rulebook for one subject. Compile once ({@link #compile}) and reuse from any number of threads: each
 * evaluation indexes the family's events by person and type once, then every indicator reads only the lists of
 * the types it names. Deterministic: the same inputs give the same results and evidence in the same order.
 *
 * <p>Indicators are returned for the subjects they are about: child indicators for someone under 18 on the as-of
 * date, adult ones for someone 18 or over, family ones for the family's anchor, person ones for anyone. When the
 * date of birth is unknown, child and adult indicators answer INSUFFICIENT_DATA.
 */
public final class RuleEngine {
    private final CompiledRulebook compiled;

    private RuleEngine(Rulebook rulebook) {
        this.compiled = new CompiledRulebook(rulebook);
    }

    public static RuleEngine compile(Rulebook rulebook) {
        return new RuleEngine(rulebook);
    }

    public Rulebook rulebook() {
        return compiled.rulebook();
    }

    /**
     * @param subject the person the indicators are about (a member of {@code family})
     * @param family  the subject's family: members and relationships
     * @param events  the events of every family member (others' events are ignored)
     * @param asOf    the day the evaluation is for: events after it are not seen, windows end on it
     */
    public Evaluation evaluate(PersonSummary subject, Family family, Collection<ChronologyEvent> events,
                               LocalDate asOf) {
        return compiled.evaluate(subject, family, events, asOf);
    }

    /**
     * Every member of a family as subject, in the family's member order, indexing the events once: what a batch
     * run and a re-evaluation after a new event both want.
     */
    public java.util.List<Evaluation> evaluateFamily(Family family, Collection<ChronologyEvent> events,
                                                     LocalDate asOf) {
        return compiled.evaluateFamily(family, events, asOf);
    }
}
