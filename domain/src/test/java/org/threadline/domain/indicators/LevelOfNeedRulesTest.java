package org.threadline.domain.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threadline.domain.indicators.Fixtures.AS_OF;
import static org.threadline.domain.indicators.Fixtures.childWithParents;
import static org.threadline.domain.indicators.Fixtures.event;
import static org.threadline.domain.indicators.Fixtures.events;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.governance.agreements.LevelOfNeed;
import org.threadline.domain.governance.need.AssessedLevel;
import org.threadline.domain.governance.need.LevelOfNeedRule;
import org.threadline.domain.people.Family;

/**
 * The shipped level-of-need rulebook read through the shipped level rule (config/governance/level-of-need.yaml):
 * what social care records place a child and their household at each level, as of {@link Fixtures#AS_OF}.
 */
class LevelOfNeedRulesTest {
    final Rulebook rulebook = Fixtures.rulebook("level-of-need");
    final RuleAssertions rules = new RuleAssertions(rulebook);
    final LevelOfNeedRule rule = LevelOfNeedRule.read(Fixtures.config().resolve("governance/level-of-need.yaml"));
    final Fixtures.FamilyBuilder fb = childWithParents();

    private AssessedLevel levelOf(String person, Family family, Fixtures.EventBuilder... e) {
        List<ChronologyEvent> evs = events(e);
        return rule.assess(Optional.of(rules.evaluate(fb.get(person), family, evs, AS_OF)), rulebook);
    }

    private AssessedLevel levelOfChild(Fixtures.EventBuilder... e) {
        return levelOf("C", fb.build(), e);
    }

    private static Fixtures.EventBuilder referral(String person, LocalDate on, String outcome) {
        return event(person, "CSC_REFERRAL", on).fact("outcome", outcome);
    }

    @Test
    void the_shipped_rule_names_only_indicators_the_shipped_rulebook_has() {
        assertThat(rule.problemsWith(rulebook)).isEmpty();
        assertThat(rule.steps()).extracting(LevelOfNeedRule.Step::level)
                .containsExactly(LevelOfNeed.SPECIALIST, LevelOfNeed.TARGETED, LevelOfNeed.EARLY_HELP);
    }

    @Test
    void each_indicator_is_met_by_its_own_records_and_not_by_the_others() {
        Family family = fb.build();
        Fixtures.EventBuilder open = referral("C", LocalDate.of(2025, 10, 1), "CP PLAN");
        Fixtures.EventBuilder closed = referral("C", LocalDate.of(2025, 1, 1), "CIN PLAN").end(AS_OF.minusMonths(2));
        Fixtures.EventBuilder nfa = referral("C", AS_OF.minusMonths(4), "NFA").end(AS_OF.minusMonths(3));
        rules.met("need.specialist", fb.get("C"), family, events(open));
        rules.notMet("need.specialist", fb.get("C"), family, events(closed, nfa));
        rules.met("need.targeted", fb.get("C"), family, events(closed));
        rules.notMet("need.targeted", fb.get("C"), family, events(nfa));
        rules.met("need.early_help", fb.get("C"), family, events(nfa));
        rules.notMet("need.early_help", fb.get("C"), family, events(open, closed));
    }

    @Test
    void an_open_child_protection_plan_places_the_child_at_specialist_with_the_referral_as_evidence() {
        Fixtures.EventBuilder plan = referral("C", LocalDate.of(2025, 10, 1), "CP PLAN").id("cp-1");
        AssessedLevel level = levelOfChild(plan);
        assertThat(level.level()).contains(LevelOfNeed.SPECIALIST);
        assertThat(level.eventIds()).containsExactly("cp-1");
        assertThat(level.reason()).contains("need.specialist met as of " + AS_OF).contains("level-of-need@1");
    }

    @Test
    void an_open_looked_after_episode_is_specialist_and_one_ended_last_month_is_targeted() {
        assertThat(levelOfChild(event("C", "LOOKED_AFTER_EPISODE", LocalDate.of(2024, 6, 1))).level())
                .contains(LevelOfNeed.SPECIALIST);
        assertThat(levelOfChild(event("C", "LOOKED_AFTER_EPISODE", LocalDate.of(2024, 6, 1))
                .end(AS_OF.minusMonths(1))).level()).contains(LevelOfNeed.TARGETED);
    }

    @Test
    void whether_a_child_is_looked_after_now_is_the_episodes_word_not_the_referral_that_brought_them_into_care() {
        // the referral into care is never closed in the return; the child went home in 2020
        Fixtures.EventBuilder intoCare = referral("C", LocalDate.of(2018, 5, 1), "LOOKED AFTER");
        Fixtures.EventBuilder episode = event("C", "LOOKED_AFTER_EPISODE", LocalDate.of(2018, 5, 2))
                .end(LocalDate.of(2020, 2, 1));
        assertThat(levelOfChild(intoCare, episode).level()).contains(LevelOfNeed.UNIVERSAL);
    }

    @Test
    void a_plan_closed_inside_the_step_down_window_is_targeted_and_one_closed_before_it_is_not() {
        LocalDate opened = LocalDate.of(2024, 1, 10);
        // the last 6 months to 2026-03-01 are 2025-09-02 to 2026-03-01 (docs/indicators.md, windows)
        assertThat(levelOfChild(referral("C", opened, "CIN PLAN").end(LocalDate.of(2025, 9, 2))).level())
                .contains(LevelOfNeed.TARGETED);
        assertThat(levelOfChild(referral("C", opened, "CIN PLAN").end(LocalDate.of(2025, 9, 1))).level())
                .contains(LevelOfNeed.UNIVERSAL);
        // closed on the as-of date itself is still open that day
        assertThat(levelOfChild(referral("C", opened, "CP PLAN").end(AS_OF)).level())
                .contains(LevelOfNeed.SPECIALIST);
    }

    @Test
    void a_referral_that_ended_with_no_further_action_in_the_last_year_is_early_help() {
        assertThat(levelOfChild(referral("C", AS_OF.minusMonths(3), "NFA").end(AS_OF.minusMonths(2))).level())
                .contains(LevelOfNeed.EARLY_HELP);
        assertThat(levelOfChild(referral("C", AS_OF.minusMonths(13), "NFA").end(AS_OF.minusMonths(12))).level())
                .contains(LevelOfNeed.UNIVERSAL);
    }

    @Test
    void the_highest_level_met_decides() {
        AssessedLevel level = levelOfChild(referral("C", AS_OF.minusMonths(3), "NFA"),
                referral("C", AS_OF.minusMonths(1), "CP PLAN").id("cp-2"));
        assertThat(level.level()).contains(LevelOfNeed.SPECIALIST);
        assertThat(level.eventIds()).containsExactly("cp-2");
    }

    @Test
    void a_person_evaluated_with_nothing_in_social_care_is_universal_with_no_evidence() {
        AssessedLevel level = levelOfChild(event("C", "SUSPENSION", AS_OF.minusMonths(1)).fact("reason", "PA"));
        assertThat(level.level()).contains(LevelOfNeed.UNIVERSAL);
        assertThat(level.eventIds()).isEmpty();
        assertThat(level.reason()).contains("none of [need.specialist, need.targeted, need.early_help] met");
    }

    @Test
    void a_household_member_on_a_plan_places_the_adults_they_live_with_at_the_same_level() {
        Family family = fb.relationship(Fixtures.household("C", "M", LocalDate.of(2020, 1, 1), null)).build();
        Fixtures.EventBuilder plan = referral("C", LocalDate.of(2025, 10, 1), "CP PLAN").id("cp-3");
        AssessedLevel mother = levelOf("M", family, plan);
        assertThat(mother.level()).contains(LevelOfNeed.SPECIALIST);
        assertThat(mother.eventIds()).containsExactly("cp-3");
        // the father, a parent but not of the household, is not placed by it
        assertThat(levelOf("F", family, referral("C", LocalDate.of(2025, 10, 1), "CP PLAN")).level())
                .contains(LevelOfNeed.UNIVERSAL);
    }

    @Test
    void a_level_is_unknown_when_the_person_was_never_evaluated_or_was_evaluated_under_another_version() {
        assertThat(rule.assess(Optional.empty(), rulebook).level()).isEmpty();
        assertThat(rule.assess(Optional.empty(), rulebook).reason()).isEqualTo("not evaluated under level-of-need@1");
        Evaluation old = new Evaluation("C", "level-of-need@0", AS_OF, List.of());
        AssessedLevel level = rule.assess(Optional.of(old), rulebook);
        assertThat(level.level()).isEmpty();
        assertThat(level.reason()).contains("evaluated under level-of-need@0, not the current level-of-need@1");
    }

    @Test
    void a_level_is_unknown_when_a_higher_step_could_not_be_answered_even_if_a_lower_one_is_met() {
        Evaluation e = new Evaluation("C", rulebook.reference(), AS_OF, List.of(
                new IndicatorResult("need.specialist", Status.INSUFFICIENT_DATA, "records needed", List.of()),
                rules.evaluate(fb.get("C"), fb.build(), events(referral("C", AS_OF.minusMonths(3), "NFA")), AS_OF)
                        .result("need.early_help").orElseThrow()));
        AssessedLevel level = rule.assess(Optional.of(e), rulebook);
        assertThat(level.level()).isEmpty();
        assertThat(level.reason()).contains("need.specialist could not be answered");
        // and a step with no stored result at all says so
        Evaluation missing = new Evaluation("C", rulebook.reference(), AS_OF, List.of());
        assertThat(rule.assess(Optional.of(missing), rulebook).reason()).contains("need.specialist has no result");
    }
}
