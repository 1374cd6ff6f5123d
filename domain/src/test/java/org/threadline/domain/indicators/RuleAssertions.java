package org.threadline.domain.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.people.Family;
import org.threadline.domain.people.PersonSummary;

/** Evaluates one indicator of a compiled rulebook and checks its status, and that a met one cites its evidence. */
final class RuleAssertions {
    private final RuleEngine engine;

    RuleAssertions(String rulebook) {
        this.engine = RuleEngine.compile(Fixtures.rulebook(rulebook));
    }

    RuleAssertions(Rulebook rulebook) {
        this.engine = RuleEngine.compile(rulebook);
    }

    IndicatorResult result(String indicator, PersonSummary subject, Family family, List<ChronologyEvent> events,
                           LocalDate asOf) {
        Evaluation e = engine.evaluate(subject, family, events, asOf);
        return e.result(indicator).orElseThrow(() -> new AssertionError(indicator + " was not evaluated for "
                + subject.personId() + "; results: " + e.results()));
    }

    IndicatorResult met(String indicator, PersonSummary subject, Family family, List<ChronologyEvent> events) {
        IndicatorResult r = result(indicator, subject, family, events, Fixtures.AS_OF);
        assertThat(r.status()).as(r.reason()).isEqualTo(Status.MET);
        assertThat(r.evidence()).isNotEmpty();
        return r;
    }

    IndicatorResult notMet(String indicator, PersonSummary subject, Family family, List<ChronologyEvent> events) {
        IndicatorResult r = result(indicator, subject, family, events, Fixtures.AS_OF);
        assertThat(r.status()).as(r.reason()).isEqualTo(Status.NOT_MET);
        return r;
    }

    IndicatorResult insufficient(String indicator, PersonSummary subject, Family family,
                                 List<ChronologyEvent> events) {
        IndicatorResult r = result(indicator, subject, family, events, Fixtures.AS_OF);
        assertThat(r.status()).as(r.reason()).isEqualTo(Status.INSUFFICIENT_DATA);
        return r;
    }

    Evaluation evaluate(PersonSummary subject, Family family, List<ChronologyEvent> events, LocalDate asOf) {
        return engine.evaluate(subject, family, events, asOf);
    }
}
