package org.threadline.domain.governance.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.threadline.domain.governance.GovernanceFixtures;
import org.threadline.domain.governance.agreements.Agreement;
import org.threadline.domain.governance.agreements.DataItem;
import org.threadline.domain.governance.agreements.Grant;

class AgreementDiffTest {
    private final Agreement v1 = GovernanceFixtures.small();

    private Agreement v2(Optional<String> approvedBy) {
        return GovernanceFixtures.withVersion(v1, 2, approvedBy);
    }

    private static Agreement withIncidentGrants(Agreement a, List<Grant> grants) {
        List<DataItem> items = new ArrayList<>(a.dataItems());
        DataItem d = items.get(0);
        items.set(0, new DataItem(d.id(), d.feed(), d.provider(), d.fields(), d.classification(), d.specialCategory(),
                d.criminalOffenceData(), d.retention(), grants, d.narrowing()));
        return GovernanceFixtures.withItems(a, items);
    }

    @Test
    void an_unchanged_agreement_neither_widens_nor_narrows() {
        AgreementDiff diff = AgreementDiff.between(v1, v2(Optional.empty()));

        assertThat(diff.widened()).isEmpty();
        assertThat(diff.narrowed()).isEmpty();
        assertThat(diff.ok()).isTrue();
    }

    @Test
    void a_new_field_for_a_role_is_a_widening_that_needs_an_approver() {
        Grant analysis = new Grant("social-care", List.of("ANALYSIS"), List.of("SOCIAL_WORKER"),
                List.of("DATE", "OFFENCE", "NAME"), false);
        Agreement wider = withIncidentGrants(v2(Optional.empty()), List.of(v1.dataItems().get(0).grants().get(0),
                analysis));

        AgreementDiff unapproved = AgreementDiff.between(v1, wider);
        AgreementDiff approved = AgreementDiff.between(v1, withIncidentGrants(v2(Optional.of("DPO, 2026-05-01")),
                wider.dataItems().get(0).grants()));

        assertThat(unapproved.widened()).containsExactly(
                "grants social-care | SOCIAL_WORKER | ANALYSIS | incidents | NAME");
        assertThat(unapproved.ok()).isFalse();
        assertThat(unapproved.errors()).singleElement().asString().contains("approvedBy");
        assertThat(approved.ok()).isTrue();
    }

    @Test
    void removing_a_grant_is_a_narrowing_and_needs_no_approver() {
        Agreement narrower = withIncidentGrants(v2(Optional.empty()), List.of(v1.dataItems().get(0).grants().get(0)));

        AgreementDiff diff = AgreementDiff.between(v1, narrower);

        assertThat(diff.narrowed()).containsExactly(
                "no longer grants social-care | SOCIAL_WORKER | ANALYSIS | incidents | DATE",
                "no longer grants social-care | SOCIAL_WORKER | ANALYSIS | incidents | OFFENCE");
        assertThat(diff.widened()).isEmpty();
        assertThat(diff.ok()).isTrue();
    }

    @Test
    void longer_validity_a_lifted_prohibition_and_a_removed_forbid_rule_are_widenings() {
        Agreement changed = GovernanceFixtures.withForbid(GovernanceFixtures.withProhibited(GovernanceFixtures.withDates(
                v2(Optional.empty()), v1.validFrom(), v1.validTo().plusYears(1), v1.reviewDue()), List.of()),
                v1.forbid().subList(0, 1));

        AgreementDiff diff = AgreementDiff.between(v1, changed);

        assertThat(diff.widened()).containsExactlyInAnyOrder("validTo 2027-03-31 -> 2028-03-31",
                "purpose MARKETING is no longer prohibited", "forbid rule 'restricted' removed");
        assertThat(diff.ok()).isFalse();
    }

    @Test
    void a_version_that_does_not_go_up_or_another_agreement_is_an_error() {
        assertThat(AgreementDiff.between(v1, v1).errors()).singleElement().asString().contains("must be higher");
    }

    @Test
    void dropping_a_narrowing_rule_releases_fields_for_more_subjects_and_is_a_widening() {
        List<DataItem> items = new ArrayList<>(v1.dataItems());
        DataItem d = items.get(0);
        items.set(0, new DataItem(d.id(), d.feed(), d.provider(), d.fields(), d.classification(), d.specialCategory(),
                d.criminalOffenceData(), d.retention(), d.grants(), d.narrowing().subList(1, 2)));

        AgreementDiff diff = AgreementDiff.between(v1, GovernanceFixtures.withItems(v2(Optional.empty()), items));

        assertThat(diff.widened()).contains("releases social-care | SOCIAL_WORKER | SAFEGUARDING.CHILD | incidents | PHONE"
                + " also for [WITNESS]");
        assertThat(diff.ok()).isFalse();
    }
}
