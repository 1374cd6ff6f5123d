package org.threadline.domain.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threadline.domain.indicators.Fixtures.childWithParents;
import static org.threadline.domain.indicators.Fixtures.event;
import static org.threadline.domain.indicators.Fixtures.events;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadline.domain.chronology.EventRole;
import org.threadline.domain.people.Family;

class SupportingFamiliesRulesTest {
    final RuleAssertions rules = new RuleAssertions("supporting-families");
    final Fixtures.FamilyBuilder fb = childWithParents();
    final Family family = fb.build();

    private IndicatorResult met(String id, Fixtures.EventBuilder... e) {
        return rules.met(id, fb.get("C"), family, events(e));
    }

    private IndicatorResult notMet(String id, Fixtures.EventBuilder... e) {
        return rules.notMet(id, fb.get("C"), family, events(e));
    }

    static final LocalDate RECENT = LocalDate.of(2025, 10, 1);
    static final LocalDate OLD = LocalDate.of(2024, 10, 1);

    @Test
    void each_headline_is_met_by_a_recent_record_of_any_family_member_and_not_by_an_old_one() {
        met("sf.education", event("C", "SUSPENSION", RECENT));
        met("sf.education", event("C", "SCHOOL_ATTENDANCE", RECENT).facts("academic_year", "2025/26",
                "possible_sessions", "100", "authorised_absence", "5", "unauthorised_absence", "6"));
        notMet("sf.education", event("C", "SUSPENSION", OLD));
        met("sf.early_years", event("M", "HEALTH_VISITOR_CONCERN", RECENT).fact("concerns", "PARENTAL SUBSTANCE USE"));
        notMet("sf.early_years", event("M", "HEALTH_VISIT", RECENT));
        met("sf.health", event("F", "SELF_HARM", RECENT));
        notMet("sf.health", event("F", "ED_ATTENDANCE", RECENT).fact("complaint", "ILLNESS"));
        met("sf.substance_use", event("F", "SUBSTANCE_MISUSE_TREATMENT", OLD).end(RECENT));
        notMet("sf.substance_use", event("F", "SUBSTANCE_MISUSE_TREATMENT", OLD).end(OLD));
        met("sf.family_relationships", event("M", "HOMELESSNESS_APPLICATION", RECENT)
                .fact("reason", "family no longer willing"));
        notMet("sf.family_relationships", event("M", "HOMELESSNESS_APPLICATION", RECENT)
                .fact("reason", "end of tenancy"));
        met("sf.children_safe", event("C", "CSC_REFERRAL", RECENT).fact("outcome", "CP PLAN"));
        notMet("sf.children_safe", event("C", "CSC_REFERRAL", RECENT).fact("outcome", "NFA"));
        met("sf.crime", event("F", "ARREST", RECENT).fact("outcome", "CHARGED"));
        notMet("sf.crime", event("F", "ARREST", RECENT).fact("outcome", "RUI"));
        met("sf.domestic_abuse", event("M", "DOMESTIC_ABUSE_INCIDENT", RECENT).role(EventRole.VICTIM));
        notMet("sf.domestic_abuse", event("M", "POLICE_INCIDENT", RECENT).role(EventRole.VICTIM));
        met("sf.housing", event("M", "HOMELESSNESS_APPLICATION", RECENT));
        notMet("sf.housing", event("M", "HOMELESSNESS_APPLICATION", OLD));
        met("sf.financial_stability", event("M", "HOMELESSNESS_APPLICATION", RECENT).fact("reason", "rent arrears"));
        notMet("sf.financial_stability", event("M", "HOMELESSNESS_APPLICATION", RECENT).fact("reason", "left care"));
    }

    @Test
    void three_or_more_headlines_cites_the_evidence_of_each_headline_met() {
        Fixtures.EventBuilder housing = event("M", "HOMELESSNESS_APPLICATION", RECENT).fact("reason", "rent arrears");
        Fixtures.EventBuilder crime = event("F", "CUSTODIAL_SENTENCE", RECENT);
        IndicatorResult r = met("sf.three_or_more", housing, crime);
        assertThat(r.evidence()).extracting(Evidence::signal).containsExactly("sf.crime/member_offending",
                "sf.housing/member_homeless", "sf.financial_stability/member_rent_arrears");
        notMet("sf.three_or_more", event("M", "HOMELESSNESS_APPLICATION", RECENT), crime);
    }

    @Test
    void family_indicators_are_evaluated_for_the_familys_anchor_only() {
        Evaluation e = rules.evaluate(fb.get("M"), family, List.of(), Fixtures.AS_OF);
        assertThat(e.results()).isEmpty();
        assertThat(rules.evaluate(fb.get("C"), family, List.of(), Fixtures.AS_OF).results()).hasSize(11);
    }

    @Test
    void two_childrens_school_years_are_two_rates_not_one() {
        Fixtures.FamilyBuilder b = childWithParents().member("D", LocalDate.of(2012, 1, 1));
        Family f = b.build();
        // C 4% and D 16% in the same year: D alone is persistently absent
        IndicatorResult r = rules.met("sf.education", b.get("C"), f, events(
                event("C", "SCHOOL_ATTENDANCE", RECENT).facts("academic_year", "2025/26", "possible_sessions", "100",
                        "authorised_absence", "4", "unauthorised_absence", "0"),
                event("D", "SCHOOL_ATTENDANCE", RECENT).facts("academic_year", "2025/26", "possible_sessions", "100",
                        "authorised_absence", "8", "unauthorised_absence", "8")));
        assertThat(r.evidence().get(0).events()).extracting(EvidenceEvent::personId).containsExactly("D");
        rules.notMet("sf.education", b.get("C"), f, events(
                event("C", "SCHOOL_ATTENDANCE", RECENT).facts("academic_year", "2025/26", "possible_sessions", "100",
                        "authorised_absence", "4", "unauthorised_absence", "0"),
                event("D", "SCHOOL_ATTENDANCE", RECENT).facts("academic_year", "2025/26", "possible_sessions", "100",
                        "authorised_absence", "8", "unauthorised_absence", "0")));
    }
}
