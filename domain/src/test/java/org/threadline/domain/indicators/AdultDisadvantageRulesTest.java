package org.threadline.domain.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threadline.domain.indicators.Fixtures.event;
import static org.threadline.domain.indicators.Fixtures.events;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threadline.domain.chronology.EventRole;
import org.threadline.domain.people.Family;

class AdultDisadvantageRulesTest {
    final RuleAssertions rules = new RuleAssertions("adult-disadvantage");
    final Fixtures.FamilyBuilder fb = new Fixtures.FamilyBuilder().member("A", LocalDate.of(1980, 1, 1));
    final Family family = withAnchor(fb);

    private static Family withAnchor(Fixtures.FamilyBuilder b) {
        b.anchor = "A";
        return b.build();
    }

    private IndicatorResult met(String id, Fixtures.EventBuilder... e) {
        return rules.met(id, fb.get("A"), family, events(e));
    }

    private IndicatorResult notMet(String id, Fixtures.EventBuilder... e) {
        return rules.notMet(id, fb.get("A"), family, events(e));
    }

    final Fixtures.EventBuilder homeless = event("A", "HOMELESSNESS_APPLICATION", LocalDate.of(2025, 2, 1))
            .fact("reason", "end of tenancy");
    final Fixtures.EventBuilder treatment = event("A", "SUBSTANCE_MISUSE_TREATMENT", LocalDate.of(2023, 1, 1))
            .end(LocalDate.of(2024, 6, 1)).fact("substance", "Opiates");
    final Fixtures.EventBuilder custody = event("A", "CUSTODIAL_SENTENCE", LocalDate.of(2021, 1, 1))
            .end(LocalDate.of(2024, 9, 1)).role(EventRole.OFFENDER);

    @Test
    void severe_and_multiple_disadvantage_needs_all_three_core_domains_in_the_window() {
        IndicatorResult r = met("smd.core", homeless, treatment, custody);
        assertThat(r.evidence()).extracting(Evidence::signal).containsExactly("smd.homelessness/homelessness",
                "smd.substance_misuse/substance_treatment", "smd.offending/sentence");
        notMet("smd.core", homeless, treatment);
        met("smd.two_or_more", homeless, treatment);
        notMet("smd.two_or_more", homeless);
        // treatment that ended 25 months ago is outside the 24-month window
        notMet("smd.substance_misuse", event("A", "SUBSTANCE_MISUSE_TREATMENT", LocalDate.of(2022, 1, 1))
                .end(LocalDate.of(2024, 2, 1)));
    }

    @Test
    void each_core_domain_is_met_by_its_own_service_contact_within_the_window_and_not_before_it() {
        met("smd.homelessness", homeless);
        // two years before the as-of date (1 March 2026) is the window's start
        notMet("smd.homelessness", event("A", "HOMELESSNESS_APPLICATION", LocalDate.of(2023, 12, 1)));
        notMet("smd.homelessness", treatment, custody);
        met("smd.substance_misuse", treatment);
    }

    @Test
    void offending_counts_a_charge_or_caution_but_not_an_arrest_with_no_further_action() {
        met("smd.offending", event("A", "ARREST", LocalDate.of(2025, 1, 1)).fact("outcome", "CHARGED"));
        notMet("smd.offending", event("A", "ARREST", LocalDate.of(2025, 1, 1)).fact("outcome", "NFA"));
    }

    @Test
    void the_extensions_are_their_own_indicators_and_the_extended_measure_ships_switched_off() {
        met("smd.mental_health", event("A", "SELF_HARM", LocalDate.of(2025, 1, 1)));
        met("smd.mental_health", event("A", "HOMELESSNESS_APPLICATION", LocalDate.of(2025, 1, 1))
                .fact("support_needs", "History of mental health problems"));
        notMet("smd.mental_health", homeless);
        met("smd.domestic_abuse", event("A", "DOMESTIC_ABUSE_INCIDENT", LocalDate.of(2025, 1, 1))
                .role(EventRole.VICTIM));
        notMet("smd.domestic_abuse", event("A", "DOMESTIC_ABUSE_INCIDENT", LocalDate.of(2025, 1, 1))
                .role(EventRole.SUSPECT));
        Evaluation e = rules.evaluate(fb.get("A"), family, events(homeless, treatment), Fixtures.AS_OF);
        assertThat(e.result("smd.extended")).isEmpty();
    }

    @Test
    void the_extended_measure_when_switched_on_counts_three_of_five_domains() {
        Rulebook book = Fixtures.rulebook("adult-disadvantage");
        Rulebook on = new Rulebook(book.id(), book.version(), book.title(), book.description(), book.reviewDate(),
                book.vocabulary(), book.parameters(), book.signals(), book.indicators().stream().map(i ->
                i.id().equals("smd.extended") ? new Indicator(i.id(), i.name(), i.description(), i.framework(),
                        i.source(), i.subject(), i.evidenceLevel(), i.reviewDate(), true, i.notDerivable(),
                        i.requires(), i.condition()) : i).toList(), book.alerts(), book.sha256());
        RuleAssertions extended = new RuleAssertions(on);
        extended.met("smd.extended", fb.get("A"), family, events(homeless, treatment,
                event("A", "SELF_HARM", LocalDate.of(2025, 1, 1))));
        extended.notMet("smd.extended", fb.get("A"), family, events(homeless,
                event("A", "SELF_HARM", LocalDate.of(2025, 1, 1))));
    }

    @Test
    void dash_high_risk_is_a_victim_graded_high_in_the_last_twelve_months() {
        met("dash.high_risk", event("A", "DOMESTIC_ABUSE_INCIDENT", LocalDate.of(2025, 12, 1))
                .role(EventRole.VICTIM).fact("dash_risk", "HIGH"));
        notMet("dash.high_risk", event("A", "DOMESTIC_ABUSE_INCIDENT", LocalDate.of(2025, 12, 1))
                .role(EventRole.VICTIM).fact("dash_risk", "MEDIUM"));
        notMet("dash.high_risk", event("A", "DOMESTIC_ABUSE_INCIDENT", LocalDate.of(2025, 12, 1))
                .role(EventRole.SUSPECT).fact("dash_risk", "HIGH"));
        notMet("dash.high_risk", event("A", "DOMESTIC_ABUSE_INCIDENT", LocalDate.of(2025, 3, 1))
                .role(EventRole.VICTIM).fact("dash_risk", "HIGH"));
    }

    @Test
    void marac_escalation_is_high_risk_or_repeated_victimisation_with_a_configurable_count() {
        Fixtures.EventBuilder[] three = {
                event("A", "DOMESTIC_ABUSE_INCIDENT", LocalDate.of(2025, 4, 1)).role(EventRole.VICTIM),
                event("A", "DOMESTIC_ABUSE_INCIDENT", LocalDate.of(2025, 8, 1)).role(EventRole.VICTIM),
                event("A", "DOMESTIC_ABUSE_INCIDENT", LocalDate.of(2026, 1, 1)).role(EventRole.VICTIM)};
        met("marac.escalation", three);
        notMet("marac.escalation", three[0], three[1]);
        RuleAssertions four = new RuleAssertions(Fixtures.rulebook("adult-disadvantage")
                .withParameters(Map.of("marac_repeat_incidents", 4.0)));
        four.notMet("marac.escalation", fb.get("A"), family, events(three));
    }

    @Test
    void adult_indicators_are_not_returned_for_a_child_and_person_ones_are() {
        Fixtures.FamilyBuilder child = new Fixtures.FamilyBuilder().member("C", LocalDate.of(2014, 1, 1));
        Evaluation e = rules.evaluate(child.get("C"), child.build(), List.of(), Fixtures.AS_OF);
        assertThat(e.results()).extracting(IndicatorResult::indicatorId)
                .containsExactly("dash.high_risk", "marac.escalation");
    }
}
