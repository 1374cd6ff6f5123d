package org.threadline.domain.governance.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.threadline.domain.governance.RuleFile;
import org.threadline.domain.governance.agreements.LevelOfNeed;

class LevelOfNeedRuleParsingTest {

    @Test
    void a_well_formed_rule_reads_its_steps_highest_first() {
        LevelOfNeedRule r = LevelOfNeedRule.parse("""
                id: lon
                version: 2
                rulebook: need-rules
                levels:
                  - {level: SPECIALIST, indicator: a}
                  - {level: EARLY_HELP, indicator: b}
                otherwise: UNIVERSAL
                """, "test");
        assertThat(r.reference()).isEqualTo("lon@2");
        assertThat(r.steps()).containsExactly(new LevelOfNeedRule.Step(LevelOfNeed.SPECIALIST, "a"),
                new LevelOfNeedRule.Step(LevelOfNeed.EARLY_HELP, "b"));
        assertThat(r.otherwise()).isEqualTo(LevelOfNeed.UNIVERSAL);
    }

    @Test
    void every_problem_is_reported_at_once_with_its_path() {
        assertThatThrownBy(() -> LevelOfNeedRule.parse("""
                id: lon
                version: 0
                levels:
                  - {level: TARGETED, indicator: a}
                  - {level: SPECIALIST, indicator: b}
                  - {level: LEVEL_5, indicator: a}
                  - {level: EARLY_HELP, indicator: c, weight: 2}
                otherwise: TARGETED
                """, "rules.yaml"))
                .isInstanceOfSatisfying(RuleFile.InvalidRuleFileException.class, e -> assertThat(
                        e.problems()).containsExactlyInAnyOrder(
                        "$.version: must be a whole number of at least 1",
                        "$.rulebook: required text",
                        "$.levels[1].level: SPECIALIST must be lower than the level before it (TARGETED): list the"
                                + " highest level first",
                        "$.levels[2].level: LEVEL_5 is not a level of need (one of [UNIVERSAL, EARLY_HELP,"
                                + " TARGETED, SPECIALIST])",
                        "$.levels[2].indicator: a is listed twice",
                        "$.levels[3].weight: unknown key (known: indicator, level)",
                        "$.otherwise: TARGETED must be lower than every step's level: it is the level of a person"
                                + " no step places"))
                .hasMessageStartingWith("rules.yaml: 7 problem(s)");
    }

    @Test
    void a_rule_without_levels_or_not_a_mapping_is_refused() {
        assertThatThrownBy(() -> LevelOfNeedRule.parse("- a\n", "x.yaml")).hasMessageContaining("$: must be a mapping");
        assertThatThrownBy(() -> LevelOfNeedRule.parse("id: a\nversion: 1\nrulebook: r\notherwise: UNIVERSAL\n",
                "x.yaml")).hasMessageContaining("$.levels: must be a list");
    }
}
