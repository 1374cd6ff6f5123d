package org.threadline.domain.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threadline.domain.indicators.Fixtures.childAlone;
import static org.threadline.domain.indicators.Fixtures.childWithParents;
import static org.threadline.domain.indicators.Fixtures.event;
import static org.threadline.domain.indicators.Fixtures.events;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.threadline.domain.chronology.EventRole;
import org.threadline.domain.people.Basis;
import org.threadline.domain.people.Family;
import org.threadline.domain.people.Relationship;
import org.threadline.domain.people.RelationshipType;

class ChildhoodAdversityRulesTest {
    final RuleAssertions rules = new RuleAssertions("childhood-adversity");
    final Fixtures.FamilyBuilder fb = childWithParents();
    final Family family = fb.build();

    private IndicatorResult met(String id, Fixtures.EventBuilder... e) {
        return rules.met(id, fb.get("C"), family, events(e));
    }

    private IndicatorResult notMet(String id, Fixtures.EventBuilder... e) {
        return rules.notMet(id, fb.get("C"), family, events(e));
    }

    private static Fixtures.EventBuilder referral(String factors, String category) {
        return event("C", "CSC_REFERRAL", LocalDate.of(2024, 1, 12)).facts("assessment_factors", factors,
                "category_of_abuse", category, "outcome", "CP PLAN").agency("social-care");
    }

    @Test
    void abuse_and_neglect_aces_come_from_the_childs_social_care_categories_and_factors() {
        met("ace.emotional_abuse", referral("21", "EMO"));
        met("ace.emotional_abuse", referral("4B,17A", ""));
        met("ace.physical_abuse", referral("", "PHY"));
        met("ace.physical_abuse", referral("18B", ""));
        met("ace.sexual_abuse", referral("19C", ""));
        met("ace.sexual_abuse", referral("", "SAB"));
        met("ace.physical_neglect", referral("2B,4B,16A", ""));
        met("ace.physical_neglect", referral("", "neg")); // case drift in a feed still reads
    }

    @Test
    void abuse_aces_are_not_met_by_other_codes_or_by_a_parents_referral() {
        notMet("ace.emotional_abuse", referral("4B,16A", "NEG"));
        notMet("ace.physical_abuse", referral("1B", "MUL"));
        notMet("ace.sexual_abuse", referral("19", "EMO"));
        notMet("ace.physical_neglect", event("M", "CSC_REFERRAL", LocalDate.of(2024, 1, 1))
                .facts("assessment_factors", "16A", "category_of_abuse", "NEG"));
    }

    @Test
    void emotional_neglect_always_answers_insufficient_data_with_the_reason() {
        IndicatorResult r = rules.insufficient("ace.emotional_neglect", fb.get("C"), family,
                events(referral("16A", "NEG")));
        assertThat(r.reason()).contains("No feed records emotional neglect");
    }

    @Test
    void domestic_abuse_in_the_household_is_met_by_a_parents_incident_and_cites_it() {
        IndicatorResult r = met("ace.domestic_abuse", event("M", "DOMESTIC_ABUSE_INCIDENT",
                LocalDate.of(2022, 6, 1)).role(EventRole.VICTIM).fact("dash_risk", "STANDARD").agency("police"));
        Evidence e = r.evidence().get(0);
        assertThat(e.signal()).isEqualTo("household_da_incident");
        assertThat(e.events()).singleElement().satisfies(ev -> {
            assertThat(ev.personId()).isEqualTo("M");
            assertThat(ev.relation()).isEqualTo(Who.PARENT);
            assertThat(ev.agency()).isEqualTo("police");
            assertThat(ev.sources()).isNotEmpty();
        });
        met("ace.domestic_abuse", event("C", "DOMESTIC_ABUSE_INCIDENT", LocalDate.of(2022, 6, 1))
                .role(EventRole.CHILD_PRESENT));
        met("ace.domestic_abuse", referral("3B", ""));
        met("ace.domestic_abuse", event("M", "HEALTH_VISITOR_CONCERN", LocalDate.of(2015, 1, 1))
                .role(EventRole.PARENT_OR_CARER).fact("concerns", "DOMESTIC ABUSE ROUTINE ENQUIRY POSITIVE"));
        met("ace.domestic_abuse", event("M", "ED_ASSAULT", LocalDate.of(2019, 1, 1))
                .fact("assailant_relationship", "PARTNER/EX-PARTNER"));
        met("ace.domestic_abuse", event("F", "HOMELESSNESS_APPLICATION", LocalDate.of(2019, 1, 1))
                .fact("reason", "domestic abuse"));
    }

    @Test
    void domestic_abuse_before_the_child_was_born_or_of_an_unrelated_person_does_not_count() {
        notMet("ace.domestic_abuse", event("M", "DOMESTIC_ABUSE_INCIDENT", LocalDate.of(2014, 5, 9))
                .role(EventRole.VICTIM));
        notMet("ace.domestic_abuse", event("X", "DOMESTIC_ABUSE_INCIDENT", LocalDate.of(2020, 1, 1))
                .role(EventRole.VICTIM));
        notMet("ace.domestic_abuse", event("M", "DOMESTIC_ABUSE_INCIDENT", LocalDate.of(2020, 1, 1))
                .role(EventRole.WITNESS));
        notMet("ace.domestic_abuse", event("M", "ED_ASSAULT", LocalDate.of(2019, 1, 1))
                .fact("assailant_relationship", "STRANGER"));
        met("ace.domestic_abuse", event("M", "DOMESTIC_ABUSE_INCIDENT", LocalDate.of(2014, 5, 10))
                .role(EventRole.VICTIM));
    }

    @Test
    void an_event_after_the_as_of_date_is_not_seen() {
        notMet("ace.domestic_abuse", event("M", "DOMESTIC_ABUSE_INCIDENT", Fixtures.AS_OF.plusDays(1))
                .role(EventRole.VICTIM));
    }

    @Test
    void a_household_adult_counts_only_while_in_the_household_and_only_as_an_adult() {
        Fixtures.FamilyBuilder b = childAlone().member("L", LocalDate.of(1990, 1, 1)).member("S",
                LocalDate.of(2005, 1, 1)).relationship(Fixtures.household("C", "L", LocalDate.of(2020, 1, 1),
                LocalDate.of(2021, 12, 31))).relationship(Fixtures.household("C", "S", null, null));
        Family f = b.build();
        rules.met("ace.household_imprisonment", b.get("C"), f, events(event("L", "CUSTODIAL_SENTENCE",
                LocalDate.of(2021, 6, 1))));
        rules.notMet("ace.household_imprisonment", b.get("C"), f, events(event("L", "CUSTODIAL_SENTENCE",
                LocalDate.of(2022, 6, 1))));
        // S turned 18 on 2023-01-01: treatment before that is a child's, after it an adult's
        rules.notMet("ace.household_substance_misuse", b.get("C"), f, events(event("S",
                "SUBSTANCE_MISUSE_TREATMENT", LocalDate.of(2022, 12, 31))));
        rules.met("ace.household_substance_misuse", b.get("C"), f, events(event("S",
                "SUBSTANCE_MISUSE_TREATMENT", LocalDate.of(2023, 1, 1))));
    }

    @Test
    void household_rules_answer_insufficient_data_when_no_parent_or_household_adult_is_known() {
        Fixtures.FamilyBuilder alone = childAlone();
        IndicatorResult r = rules.insufficient("ace.household_imprisonment", alone.get("C"), alone.build(),
                List.of());
        assertThat(r.reason()).contains("no parent or household adult");
        rules.insufficient("ace.parental_separation", alone.get("C"), alone.build(), List.of());
    }

    @Test
    void a_child_without_a_date_of_birth_gets_insufficient_data() {
        Fixtures.FamilyBuilder b = childWithParents().member("C", null);
        rules.insufficient("ace.domestic_abuse", b.get("C"), b.build(), List.of());
    }

    @Test
    void household_substance_misuse_is_met_by_treatment_overlapping_the_childhood_and_by_other_records() {
        met("ace.household_substance_misuse", event("F", "SUBSTANCE_MISUSE_TREATMENT", LocalDate.of(2013, 1, 1))
                .end(LocalDate.of(2015, 1, 1)).fact("substance", "Opiates"));
        met("ace.household_substance_misuse", referral("2B", ""));
        met("ace.household_substance_misuse", event("F", "ED_ATTENDANCE", LocalDate.of(2020, 1, 1))
                .fact("complaint", "INTOXICATION - ALCOHOL"), event("F", "ED_ATTENDANCE", LocalDate.of(2021, 1, 1))
                .fact("complaint", "INTOXICATION - DRUGS"));
        met("ace.household_substance_misuse", event("M", "HOMELESSNESS_APPLICATION", LocalDate.of(2021, 1, 1))
                .fact("support_needs", "At risk of / has experienced domestic abuse|Drug dependency needs"));
        met("ace.household_substance_misuse", event("F", "COMMUNITY_SENTENCE", LocalDate.of(2021, 1, 1))
                .fact("needs", "Drug misuse; Emotional well-being"));
    }

    @Test
    void one_intoxication_or_treatment_ended_before_birth_is_not_household_substance_misuse() {
        notMet("ace.household_substance_misuse", event("F", "ED_ATTENDANCE", LocalDate.of(2020, 1, 1))
                .fact("complaint", "INTOXICATION - ALCOHOL"));
        notMet("ace.household_substance_misuse", event("F", "SUBSTANCE_MISUSE_TREATMENT", LocalDate.of(2012, 1, 1))
                .end(LocalDate.of(2013, 1, 1)));
        notMet("ace.household_substance_misuse", referral("2A,1A", ""));
    }

    @Test
    void household_mental_ill_health_is_met_by_parental_self_harm_and_assessment_factors() {
        met("ace.household_mental_ill_health", event("M", "SELF_HARM", LocalDate.of(2018, 3, 1)));
        met("ace.household_mental_ill_health", referral("4B", ""));
        met("ace.household_mental_ill_health", event("C", "HEALTH_VISITOR_CONCERN", LocalDate.of(2014, 7, 1))
                .fact("concerns", "MATERNAL MENTAL HEALTH"));
        notMet("ace.household_mental_ill_health", event("C", "SELF_HARM", LocalDate.of(2025, 3, 1)));
        notMet("ace.household_mental_ill_health", referral("4A", ""));
    }

    @Test
    void parental_separation_is_read_from_the_parents_relationship() {
        Fixtures.FamilyBuilder b = childWithParents().relate("M", "F", RelationshipType.EX_PARTNER_OF);
        IndicatorResult r = rules.met("ace.parental_separation", b.get("C"), b.build(), List.of());
        assertThat(r.evidence().get(0).relationshipSources()).isNotEmpty();
        assertThat(r.evidence().get(0).events()).isEmpty();

        Relationship ended = new Relationship("F", "M", RelationshipType.PARTNER_OF, Basis.ASSERTED, "housing",
                Optional.empty(), Optional.of(LocalDate.of(2019, 4, 1)), List.of(Fixtures.source("housing")));
        Fixtures.FamilyBuilder e = childWithParents().relationship(ended);
        rules.met("ace.parental_separation", e.get("C"), e.build(), List.of());

        Relationship together = new Relationship("F", "M", RelationshipType.PARTNER_OF, Basis.ASSERTED, "housing",
                Optional.empty(), Optional.empty(), List.of(Fixtures.source("housing")));
        Fixtures.FamilyBuilder t = childWithParents().relationship(together);
        rules.notMet("ace.parental_separation", t.get("C"), t.build(), List.of());

        Relationship endedBeforeBirth = new Relationship("F", "M", RelationshipType.PARTNER_OF, Basis.ASSERTED,
                "housing", Optional.empty(), Optional.of(LocalDate.of(2010, 1, 1)), List.of(Fixtures.source("h")));
        Fixtures.FamilyBuilder eb = childWithParents().relationship(endedBeforeBirth);
        rules.notMet("ace.parental_separation", eb.get("C"), eb.build(), List.of());

        met("ace.parental_separation", event("M", "HOMELESSNESS_APPLICATION", LocalDate.of(2020, 2, 2))
                .fact("reason", "relationship breakdown"));
    }

    @Test
    void imprisonment_counts_a_sentence_that_began_before_birth_and_was_still_being_served() {
        met("ace.household_imprisonment", event("F", "CUSTODIAL_SENTENCE", LocalDate.of(2013, 1, 1))
                .end(LocalDate.of(2015, 1, 1)));
        notMet("ace.household_imprisonment", event("F", "COMMUNITY_SENTENCE", LocalDate.of(2020, 1, 1)));
    }

    @Test
    void the_toxic_trio_needs_all_three_within_the_window() {
        Fixtures.EventBuilder da = event("M", "DOMESTIC_ABUSE_INCIDENT", LocalDate.of(2025, 6, 1))
                .role(EventRole.VICTIM);
        Fixtures.EventBuilder sm = event("F", "SUBSTANCE_MISUSE_TREATMENT", LocalDate.of(2025, 1, 1));
        Fixtures.EventBuilder mh = event("M", "SELF_HARM", LocalDate.of(2024, 9, 1));
        IndicatorResult r = met("toxic_trio", da, sm, mh);
        assertThat(r.evidence()).extracting(Evidence::signal).containsExactly("household_da_incident",
                "household_substance_treatment", "household_self_harm");
        notMet("toxic_trio", da, sm);
        // mental ill health 25 months before the as-of date is outside the 24-month window
        notMet("toxic_trio", da, sm, event("M", "SELF_HARM", LocalDate.of(2024, 2, 1)));
        // the boundary: the window's first day is 2024-03-02
        met("toxic_trio", da, sm, event("M", "SELF_HARM", LocalDate.of(2024, 3, 2)));
        notMet("toxic_trio", da, sm, event("M", "SELF_HARM", LocalDate.of(2024, 3, 1)));
    }

    @Test
    void child_indicators_are_not_returned_for_an_adult() {
        Fixtures.FamilyBuilder b = childWithParents();
        Evaluation e = rules.evaluate(b.get("M"), b.build(), List.of(), Fixtures.AS_OF);
        assertThat(e.results()).isEmpty();
    }
}
