package org.threadline.domain.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RulebookValidationTest {
    final RulebookReader reader = new RulebookReader(Fixtures.vocabulary());

    private List<RulebookError> errors(String yaml) {
        try {
            reader.parse(yaml, "test.yaml");
        } catch (InvalidRulebookException e) {
            return e.errors();
        }
        throw new AssertionError("expected the rulebook to be refused");
    }

    private static final String HEAD = """
            id: t
            version: 1
            title: T
            description: D
            review_date: 2027-01-01
            vocabulary: events
            parameters:
              n: {value: 3, description: d, status: UNCONFIRMED, source: s}
            """;

    private static String indicator(String id, String condition) {
        return """
                  - id: %s
                    name: N
                    description: D
                    framework: F
                    source: S
                    subject: child
                    evidence_level: proxy
                    review_date: 2027-01-01
                    condition: %s
                """.formatted(id, condition);
    }

    @Test
    void a_valid_minimal_rulebook_reads() {
        Rulebook r = reader.parse(HEAD + """
                signals:
                  s: {description: d, who: self, types: MISSING_EPISODE, window: {months: 12}, at_least: $n}
                indicators:
                """ + indicator("i", "{signal: s}"), "ok.yaml");
        assertThat(r.reference()).isEqualTo("t@1");
        assertThat(r.signals().get("s").atLeast()).isEqualTo(Amount.parameter("n"));
    }

    @Test
    void every_error_is_reported_at_once_with_its_path() {
        List<RulebookError> errors = errors(HEAD + """
                signals:
                  s:
                    description: d
                    who: [self, cousin]
                    types: [MISSING_EPISODE, TELEPATHY]
                    roles: [VICTIM, HERO]
                    facts: {dash_risk: HIGH, missing_or_away: {between: 1}}
                    window: {weeks: 2}
                    at_least: $m
                    colour: red
                indicators:
                """ + indicator("i", "{signal: nope}") + indicator("i", "{any_of: []}") + """
                alerts:
                  - {id: a, description: d, indicator: ghost, on: sometimes, route: {agency: x, role: y}, due: {whenever: 1}}
                """);
        assertThat(errors).extracting(RulebookError::path).contains(
                "signals.s.who[1]", "signals.s.types[1]", "signals.s.roles[1]", "signals.s.facts.dash_risk",
                "signals.s.facts.missing_or_away.between", "signals.s.window.weeks", "signals.s.at_least",
                "signals.s.colour", "indicators[0].condition.signal", "indicators[1].id",
                "indicators[1].condition.any_of", "alerts[0].indicator", "alerts[0].on", "alerts[0].due.whenever");
        assertThat(errors).allSatisfy(e -> assertThat(e.origin()).isEqualTo("test.yaml"));
        assertThat(errors).filteredOn(e -> e.path().equals("signals.s.types[1]")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("unknown event type 'TELEPATHY'"));
        assertThat(errors).filteredOn(e -> e.path().equals("signals.s.facts.dash_risk")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("unknown fact 'dash_risk'"));
    }

    @Test
    void missing_required_keys_are_each_named() {
        List<RulebookError> errors = errors("id: t\n");
        assertThat(errors).extracting(RulebookError::path).contains("version", "title", "description",
                "review_date", "vocabulary", "signals", "indicators");
    }

    @Test
    void an_indicator_needs_a_condition_or_a_reason_it_is_not_derivable_but_not_both() {
        List<RulebookError> errors = errors(HEAD + """
                signals:
                  s: {description: d, who: self, types: MISSING_EPISODE, window: ever}
                indicators:
                  - {id: a, name: N, description: D, framework: F, source: S, subject: child, evidence_level: proxy, review_date: 2027-01-01}
                  - {id: b, name: N, description: D, framework: F, source: S, subject: child, evidence_level: proxy, review_date: 2027-01-01, not_derivable: why, condition: {signal: s}}
                  - {id: c, name: N, description: D, framework: F, source: S, subject: toddler, evidence_level: guess, review_date: soon, condition: {signal: s}}
                """);
        assertThat(errors).extracting(RulebookError::path).contains("indicators[0].condition", "indicators[1]",
                "indicators[2].subject", "indicators[2].evidence_level", "indicators[2].review_date");
    }

    @Test
    void indicators_that_depend_on_each_other_in_a_cycle_are_refused() {
        List<RulebookError> errors = errors(HEAD + """
                signals:
                  s: {description: d, who: self, types: MISSING_EPISODE, window: ever}
                indicators:
                """ + indicator("a", "{any_of: [{indicator: b}, {signal: s}]}")
                + indicator("b", "{all_of: [{indicator: a}]}") + indicator("c", "{indicator: zzz}"));
        assertThat(errors).extracting(RulebookError::message).anySatisfy(m -> assertThat(m)
                .contains("depends on itself")).anySatisfy(m -> assertThat(m).contains("unknown indicator 'zzz'"));
    }

    @Test
    void a_ratio_and_a_relationship_signal_are_checked_too() {
        List<RulebookError> errors = errors(HEAD + """
                signals:
                  r:
                    description: d
                    who: self
                    types: SCHOOL_ATTENDANCE
                    window: {months: 12}
                    ratio: {group_by: academic_year, numerator: [absent_days], denominator: possible_sessions}
                  p:
                    description: d
                    relationship: {types: [ENEMY_OF], between: neighbours}
                    facts: {x: y}
                    window: childhood
                indicators:
                """ + indicator("i", "{at_least: 3, of: [{signal: r}, {signal: p}]}"));
        assertThat(errors).extracting(RulebookError::path).contains("signals.r.ratio.numerator[0]",
                "signals.r.ratio.at_least", "signals.p.relationship.types[0]", "signals.p.relationship.between",
                "signals.p.facts", "indicators[0].condition.at_least");
    }

    @Test
    void a_rulebook_checked_against_another_vocabulary_is_refused_and_broken_yaml_is_an_error_not_a_crash() {
        assertThat(errors(HEAD.replace("vocabulary: events", "vocabulary: other") + """
                signals:
                  s: {description: d, who: self, types: MISSING_EPISODE, window: ever}
                indicators:
                """ + indicator("i", "{signal: s}"))).extracting(RulebookError::path).containsExactly("vocabulary");
        assertThat(errors("id: [unclosed")).singleElement().satisfies(e -> assertThat(e.message())
                .startsWith("not valid YAML"));
    }

    @Test
    void parameter_overrides_must_name_a_parameter_of_the_rulebook() {
        Rulebook r = Fixtures.rulebook("child-safeguarding");
        assertThatThrownBy(() -> r.withParameters(java.util.Map.of("no_such", 1.0)))
                .hasMessageContaining("no parameter no_such");
        assertThat(r.withParameters(java.util.Map.of("first_offence_age", 12.0)).parameters()
                .get("first_offence_age").value()).isEqualTo(12.0);
    }
}
