package org.threadline.domain.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threadline.domain.indicators.Fixtures.childWithParents;
import static org.threadline.domain.indicators.Fixtures.event;
import static org.threadline.domain.indicators.Fixtures.events;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.chronology.EventRole;
import org.threadline.domain.people.Family;

class ChildSafeguardingRulesTest {
    final RuleAssertions rules = new RuleAssertions("child-safeguarding");
    final Fixtures.FamilyBuilder fb = childWithParents();
    final Family family = fb.build();

    private IndicatorResult met(String id, Fixtures.EventBuilder... e) {
        return rules.met(id, fb.get("C"), family, events(e));
    }

    private IndicatorResult notMet(String id, Fixtures.EventBuilder... e) {
        return rules.notMet(id, fb.get("C"), family, events(e));
    }

    /** One term of attendance, dated at the start of the term. */
    private static Fixtures.EventBuilder term(String year, String term, int possible, int authorised,
                                              int unauthorised) {
        int startYear = Integer.parseInt(year.substring(0, 4));
        LocalDate d = switch (term) {
            case "AUT" -> LocalDate.of(startYear, 9, 1);
            case "SPR" -> LocalDate.of(startYear + 1, 1, 1);
            default -> LocalDate.of(startYear + 1, 4, 1);
        };
        return event("C", "SCHOOL_ATTENDANCE", d).facts("academic_year", year, "term", term, "possible_sessions",
                Integer.toString(possible), "authorised_absence", Integer.toString(authorised),
                "unauthorised_absence", Integer.toString(unauthorised), "school_urn", "304045");
    }

    @Test
    void persistent_absence_is_met_at_exactly_ten_percent_over_the_academic_year_and_not_just_below() {
        // 2025/26 so far: 260 possible, 26 absent = 10.0%
        IndicatorResult r = met("absence.persistent", term("2025/26", "AUT", 140, 10, 6),
                term("2025/26", "SPR", 120, 6, 4));
        assertThat(r.evidence().get(0).statement()).contains("26 of 260").contains("10.0%");
        assertThat(r.evidence().get(0).events()).hasSize(2);
        notMet("absence.persistent", term("2025/26", "AUT", 140, 10, 5), term("2025/26", "SPR", 120, 6, 4));
    }

    @Test
    void a_year_is_judged_whole_when_any_of_its_terms_is_in_the_window() {
        // 2024/25: AUT (2024-09-01) is outside the 12 months to 2026-03-01 but SUM (2025-04-01) is inside;
        // the year's rate is 30/400 = 7.5% (not met) although SUM alone is 20/100
        notMet("absence.persistent", term("2024/25", "AUT", 300, 10, 0), term("2024/25", "SUM", 100, 10, 10));
        met("absence.persistent", term("2024/25", "AUT", 100, 5, 5), term("2024/25", "SUM", 100, 10, 10));
    }

    @Test
    void severe_absence_needs_half_of_possible_sessions() {
        met("absence.severe", term("2025/26", "AUT", 140, 20, 50));
        notMet("absence.severe", term("2025/26", "AUT", 140, 20, 49));
        met("absence.persistent", term("2025/26", "AUT", 140, 20, 49));
    }

    @Test
    void absence_without_attendance_records_is_insufficient_data_not_a_negative() {
        IndicatorResult r = rules.insufficient("absence.persistent", fb.get("C"), family, List.of());
        assertThat(r.reason()).contains("records needed");
        // unreadable numbers are not evidence of anything
        rules.notMet("absence.persistent", fb.get("C"), family, events(event("C", "SCHOOL_ATTENDANCE",
                LocalDate.of(2025, 9, 1)).facts("academic_year", "2025/26", "possible_sessions", "n/a")));
    }

    @Test
    void exclusions_are_met_by_a_recent_suspension_and_permanent_exclusion_at_any_age() {
        met("exclusion.recent", event("C", "SUSPENSION", LocalDate.of(2025, 11, 3)).fact("reason", "DA"));
        met("exclusion.permanent", event("C", "PERMANENT_EXCLUSION", LocalDate.of(2022, 1, 3)));
        notMet("exclusion.recent", event("C", "SUSPENSION", LocalDate.of(2025, 3, 1)),
                event("C", "SCHOOL_ENROLMENT", LocalDate.of(2025, 9, 1)));
        met("exclusion.recent", event("C", "SUSPENSION", LocalDate.of(2025, 3, 2)));
        notMet("exclusion.permanent", event("C", "SUSPENSION", LocalDate.of(2022, 1, 3)));
        rules.insufficient("exclusion.recent", fb.get("C"), family, List.of());
    }

    @Test
    void placement_instability_counts_three_placements_in_twelve_months_including_one_continuing_into_them() {
        Fixtures.EventBuilder continuing = event("C", "LOOKED_AFTER_EPISODE", LocalDate.of(2024, 11, 1))
                .end(LocalDate.of(2025, 5, 1)).fact("reason_new_episode", "S");
        Fixtures.EventBuilder second = event("C", "LOOKED_AFTER_EPISODE", LocalDate.of(2025, 5, 1))
                .end(LocalDate.of(2025, 10, 1)).fact("reason_new_episode", "P");
        Fixtures.EventBuilder third = event("C", "LOOKED_AFTER_EPISODE", LocalDate.of(2025, 10, 1))
                .fact("reason_new_episode", "P");
        met("placement.instability", continuing, second, third);
        notMet("placement.instability", second, third);
        // a change of legal status only is not a move
        notMet("placement.instability", second, third, event("C", "LOOKED_AFTER_EPISODE",
                LocalDate.of(2025, 12, 1)).fact("reason_new_episode", "L"));
        // an episode that ended before the window
        notMet("placement.instability", second, third, event("C", "LOOKED_AFTER_EPISODE",
                LocalDate.of(2024, 1, 1)).end(LocalDate.of(2025, 3, 1)).fact("reason_new_episode", "S"));
    }

    @Test
    void repeated_missing_needs_three_episodes_in_twelve_months_from_care_or_police_records() {
        Fixtures.EventBuilder a = event("C", "MISSING_EPISODE", LocalDate.of(2025, 4, 1))
                .role(EventRole.MISSING_PERSON).fact("missing_or_away", "M");
        Fixtures.EventBuilder b = event("C", "MISSING_EPISODE", LocalDate.of(2025, 8, 1))
                .role(EventRole.MISSING_PERSON).fact("missing_or_away", "A");
        Fixtures.EventBuilder c = event("C", "MISSING_PERSON_REPORT", LocalDate.of(2026, 2, 1))
                .role(EventRole.MISSING_PERSON).agency("police");
        IndicatorResult r = met("missing.repeated", a, b, c);
        assertThat(r.evidence().get(0).events()).extracting(EvidenceEvent::agency).contains("police");
        notMet("missing.repeated", a, b);
        notMet("missing.repeated", a, b, event("C", "MISSING_EPISODE", LocalDate.of(2025, 3, 1))
                .role(EventRole.MISSING_PERSON));
    }

    @Test
    void early_onset_offending_is_an_outcome_before_the_configured_age() {
        // C was born 2014-05-10: 14th birthday 2028-05-10, so any outcome so far is before 14
        met("offending.early_onset", event("C", "YOUTH_JUSTICE_OUTCOME", LocalDate.of(2025, 6, 1)));
        met("offending.early_onset", event("C", "ARREST", LocalDate.of(2025, 6, 1)).fact("outcome", "CAUTIONED"));
        notMet("offending.early_onset", event("C", "ARREST", LocalDate.of(2025, 6, 1)).fact("outcome", "NFA"));

        Fixtures.FamilyBuilder older = new Fixtures.FamilyBuilder().member("C", LocalDate.of(2008, 5, 10));
        rules.met("offending.early_onset", older.get("C"), older.build(), events(event("C",
                "YOUTH_JUSTICE_OUTCOME", LocalDate.of(2022, 5, 9))));
        rules.notMet("offending.early_onset", older.get("C"), older.build(), events(event("C",
                "YOUTH_JUSTICE_OUTCOME", LocalDate.of(2022, 5, 10))));
        // the age is a parameter: at 15 the same outcome is early
        RuleAssertions at15 = new RuleAssertions(Fixtures.rulebook("child-safeguarding")
                .withParameters(Map.of("first_offence_age", 15.0)));
        at15.met("offending.early_onset", older.get("C"), older.build(), events(event("C",
                "YOUTH_JUSTICE_OUTCOME", LocalDate.of(2022, 5, 10))));
    }

    @Test
    void exploitation_is_a_police_concern_a_social_care_factor_or_missing_with_a_weapon_or_supply_arrest() {
        met("exploitation.indicators", event("C", "EXPLOITATION_CONCERN", LocalDate.of(2025, 1, 1))
                .role(EventRole.PERSON_AT_RISK).fact("offence", "CONCERN - CRIMINAL EXPLOITATION"));
        met("exploitation.indicators", event("C", "CSC_REFERRAL", LocalDate.of(2025, 1, 1))
                .fact("assessment_factors", "23A"));
        Fixtures.EventBuilder m1 = event("C", "MISSING_EPISODE", LocalDate.of(2025, 5, 1))
                .role(EventRole.MISSING_PERSON);
        Fixtures.EventBuilder m2 = event("C", "MISSING_EPISODE", LocalDate.of(2025, 7, 1))
                .role(EventRole.MISSING_PERSON);
        Fixtures.EventBuilder knife = event("C", "ARREST", LocalDate.of(2025, 8, 1)).role(EventRole.SUSPECT)
                .fact("offence_code", "10D");
        met("exploitation.indicators", m1, m2, knife);
        notMet("exploitation.indicators", m1, m2);
        notMet("exploitation.indicators", m1, knife);
        notMet("exploitation.indicators", m1, m2, event("C", "ARREST", LocalDate.of(2025, 8, 1))
                .fact("offence_code", "46"));
    }

    @Test
    void operation_encompass_is_met_by_a_household_incident_in_the_last_seven_days_only() {
        met("encompass.household_domestic_abuse", event("F", "DOMESTIC_ABUSE_INCIDENT", LocalDate.of(2026, 2, 28))
                .role(EventRole.SUSPECT));
        met("encompass.household_domestic_abuse", event("C", "DOMESTIC_ABUSE_INCIDENT", LocalDate.of(2026, 2, 23))
                .role(EventRole.CHILD_PRESENT));
        notMet("encompass.household_domestic_abuse", event("C", "DOMESTIC_ABUSE_INCIDENT",
                LocalDate.of(2026, 2, 22)).role(EventRole.CHILD_PRESENT));
        notMet("encompass.household_domestic_abuse", event("F", "POLICE_INCIDENT", LocalDate.of(2026, 2, 28))
                .role(EventRole.SUSPECT));
    }

    @Test
    void evaluation_is_deterministic_whatever_the_order_of_the_events() {
        List<ChronologyEvent> es = new ArrayList<>(events(
                term("2025/26", "AUT", 140, 10, 6), term("2025/26", "SPR", 120, 6, 4),
                event("C", "MISSING_EPISODE", LocalDate.of(2025, 4, 1)).role(EventRole.MISSING_PERSON),
                event("C", "MISSING_EPISODE", LocalDate.of(2025, 5, 1)).role(EventRole.MISSING_PERSON),
                event("C", "MISSING_EPISODE", LocalDate.of(2025, 6, 1)).role(EventRole.MISSING_PERSON)));
        Evaluation first = rules.evaluate(fb.get("C"), family, es, Fixtures.AS_OF);
        java.util.Collections.reverse(es);
        assertThat(rules.evaluate(fb.get("C"), family, es, Fixtures.AS_OF)).isEqualTo(first);
    }
}
