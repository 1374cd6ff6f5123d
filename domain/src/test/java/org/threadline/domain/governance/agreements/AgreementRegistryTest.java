package org.threadline.domain.governance.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadline.domain.governance.GovernanceFixtures;

class AgreementRegistryTest {
    private final Agreement small = GovernanceFixtures.small();   // valid 2026-04-01..2027-03-31, review 2027-01-31
    private final AgreementRegistry registry = AgreementRegistry.of(List.of(small));

    @Test
    void a_feed_in_a_live_agreement_is_covered_and_names_the_agreement_and_data_item() {
        assertThat(registry.coversFeed("police", "police-incident-persons", LocalDate.of(2026, 6, 1)))
                .isEqualTo(new FeedCoverage.Covered("ISA-TEST@1", "incidents"));
        assertThat(registry.coversFeed("police", "incidents", LocalDate.of(2026, 6, 1)).covered()).isTrue();
    }

    @Test
    void validity_runs_from_the_first_day_to_the_last_day_inclusive() {
        assertThat(registry.coversFeed("police", "incidents", LocalDate.of(2026, 4, 1)).covered()).isTrue();
        assertThat(registry.coversFeed("police", "incidents", LocalDate.of(2027, 1, 31)).covered()).isTrue();
    }

    @Test
    void an_overdue_review_stops_new_sharing_and_says_when_the_review_was_due() {
        FeedCoverage c = registry.coversFeed("police", "police-incident-persons", LocalDate.of(2027, 2, 1));

        assertThat(c).isInstanceOf(FeedCoverage.NotCovered.class);
        FeedCoverage.NotCovered not = (FeedCoverage.NotCovered) c;
        assertThat(not.reason()).isEqualTo(FeedCoverage.Reason.REVIEW_OVERDUE);
        assertThat(not.detail()).contains("ISA-TEST@1", "2027-01-31");
    }

    @Test
    void an_expired_agreement_stops_a_feed() {
        FeedCoverage.NotCovered c = (FeedCoverage.NotCovered) registry.coversFeed("police", "police-incident-persons",
                LocalDate.of(2027, 4, 1));

        assertThat(c.reason()).isEqualTo(FeedCoverage.Reason.EXPIRED);
        assertThat(c.detail()).contains("expired on 2027-03-31");
    }

    @Test
    void a_feed_before_the_agreement_starts_is_not_yet_covered() {
        assertThat(((FeedCoverage.NotCovered) registry.coversFeed("police", "incidents", LocalDate.of(2026, 3, 31)))
                .reason()).isEqualTo(FeedCoverage.Reason.NOT_YET_VALID);
    }

    @Test
    void a_suspended_agreement_covers_nothing() {
        AgreementRegistry suspended = AgreementRegistry.of(List.of(
                GovernanceFixtures.withStatus(small, AgreementStatus.SUSPENDED)));

        assertThat(((FeedCoverage.NotCovered) suspended.coversFeed("police", "incidents", LocalDate.of(2026, 6, 1)))
                .reason()).isEqualTo(FeedCoverage.Reason.NOT_ACTIVE);
    }

    @Test
    void a_feed_no_agreement_mentions_or_from_another_agency_has_no_agreement() {
        LocalDate day = LocalDate.of(2026, 6, 1);

        assertThat(((FeedCoverage.NotCovered) registry.coversFeed("police", "schools-pupils", day)).reason())
                .isEqualTo(FeedCoverage.Reason.NO_AGREEMENT);
        assertThat(((FeedCoverage.NotCovered) registry.coversFeed("health", "police-incident-persons", day)).reason())
                .isEqualTo(FeedCoverage.Reason.NO_AGREEMENT);
        assertThat(AgreementRegistry.of(List.of()).coversFeed("police", "incidents", day).covered()).isFalse();
    }

    @Test
    void a_newer_version_replaces_the_old_one_entirely() {
        Agreement v2 = GovernanceFixtures.withStatus(GovernanceFixtures.withVersion(small, 2,
                java.util.Optional.empty()), AgreementStatus.SUSPENDED);

        AgreementRegistry both = AgreementRegistry.of(List.of(v2, small));

        assertThat(both.agreements()).extracting(Agreement::reference).containsExactly("ISA-TEST@2");
        assertThat(both.coversFeed("police", "incidents", LocalDate.of(2026, 6, 1)).covered()).isFalse();
    }

    @Test
    void the_shipped_folder_covers_every_synthetic_feed_while_live_and_none_once_expired() {
        AgreementRegistry shipped = AgreementRegistry.load(GovernanceFixtures.AGREEMENTS);

        assertThat(shipped.coversFeed("police", "police-custody", LocalDate.of(2026, 11, 26)))
                .isEqualTo(new FeedCoverage.Covered("ISA-TL-CHILDREN@1", "police-custody"));
        assertThat(shipped.coversFeed("health", "health-ed-attendances", LocalDate.of(2029, 4, 1)))
                .isInstanceOf(FeedCoverage.NotCovered.class);
    }

    @Test
    void a_folder_with_a_broken_agreement_does_not_load(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir.resolve("keys"));
        java.nio.file.Files.copy(GovernanceFixtures.TRUSTED_KEYS, dir.resolve("keys").resolve("trusted-keys.yaml"));
        java.nio.file.Files.writeString(dir.resolve("a.yaml"), java.nio.file.Files.readString(
                GovernanceFixtures.AGREEMENTS.resolve("isa-adults-safeguarding.yaml")).replace("P6Y", "P7Y"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AgreementRegistry.load(dir))
                .isInstanceOf(InvalidAgreementException.class).hasMessageContaining("does not verify");
    }

    @Test
    void a_draft_of_the_next_version_does_not_replace_the_version_in_force() {
        Agreement draft = GovernanceFixtures.withStatus(GovernanceFixtures.withVersion(small, 2,
                java.util.Optional.empty()), AgreementStatus.DRAFT);

        AgreementRegistry both = AgreementRegistry.of(List.of(draft, small));

        assertThat(both.agreements()).extracting(Agreement::reference).containsExactly("ISA-TEST@1");
        assertThat(AgreementRegistry.of(List.of(draft)).agreements()).extracting(Agreement::reference)
                .containsExactly("ISA-TEST@2");
    }

    @Test
    void another_live_agreement_still_covers_a_feed_when_one_has_lapsed() {
        Agreement other = GovernanceFixtures.withDates(GovernanceFixtures.withVersion(small, 1,
                java.util.Optional.empty()), LocalDate.of(2027, 2, 1), LocalDate.of(2028, 1, 31),
                LocalDate.of(2028, 1, 1));
        Agreement renamed = new Agreement("ISA-TEST-2", 1, other.supersedes(), other.title(), other.dpia(),
                other.approvedBy(), other.status(), other.validFrom(), other.validTo(), other.reviewDue(),
                other.parties(), other.purposes(), other.prohibitedPurposes(), other.dataItems(), other.forbid(),
                other.breakGlass(), other.signatures());

        FeedCoverage c = AgreementRegistry.of(List.of(small, renamed))
                .coversFeed("police", "police-incident-persons", LocalDate.of(2027, 2, 15));

        assertThat(c).isEqualTo(new FeedCoverage.Covered("ISA-TEST-2@1", "incidents"));
    }
}
