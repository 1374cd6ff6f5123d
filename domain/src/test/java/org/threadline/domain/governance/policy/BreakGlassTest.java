package org.threadline.domain.governance.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threadline.domain.governance.policy.PolicyDecisionPointTest.ALL;
import static org.threadline.domain.governance.policy.PolicyDecisionPointTest.NOON;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threadline.domain.chronology.EventRole;
import org.threadline.domain.governance.GovernanceFixtures;
import org.threadline.domain.governance.agreements.AgreementRegistry;
import org.threadline.domain.governance.agreements.LevelOfNeed;

class BreakGlassTest {
    private static final CaseRegister NO_CASE = (c, s, a) -> CaseRegister.CaseStatus.UNKNOWN;
    private final PolicyDecisionPoint pdp = new PolicyDecisionPoint(
            AgreementRegistry.of(List.of(GovernanceFixtures.small())), NO_CASE, Clock.fixed(NOON, ZoneOffset.UTC));
    private final Subject child = new Subject("p1", Set.of(), Optional.of(EventRole.VICTIM),
            Optional.of(LevelOfNeed.SPECIALIST));

    private AccessRequest glass(Principal who, BreakGlassClaim claim, Subject subject) {
        return new AccessRequest(who, "SAFEGUARDING.CHILD", Optional.empty(), "incidents", ALL, subject,
                Optional.of(claim));
    }

    private static BreakGlassClaim claim(String subject, Instant from, Duration length) {
        return new BreakGlassClaim("IMMEDIATE_RISK", "child found at address overnight, no case open yet", subject, from,
                length);
    }

    @Test
    void a_duty_manager_breaks_glass_without_a_case_and_must_notify_at_once_and_open_a_review() {
        Decision d = pdp.decide(glass(PolicyDecisionPointTest.dutyManager(), claim("p1", NOON.minusSeconds(600),
                Duration.ofHours(4)), child));

        assertThat(d).isInstanceOf(Decision.Permit.class);
        Decision.Permit p = (Decision.Permit) d;
        assertThat(p.breakGlass()).isTrue();
        assertThat(p.fields()).isEqualTo(ALL);
        assertThat(p.obligations()).containsExactly(new Obligation.Audit(true),
                new Obligation.RecordReason("IMMEDIATE_RISK: child found at address overnight, no case open yet"),
                new Obligation.Notify(List.of("provider.dpo"), true),
                new Obligation.ReviewTask(NOON.plus(Duration.ofDays(3))));
    }

    @Test
    void without_break_glass_the_same_request_is_denied_for_want_of_a_case() {
        AccessRequest plain = AccessRequest.of(PolicyDecisionPointTest.dutyManager(), "SAFEGUARDING.CHILD",
                Optional.empty(), "incidents", ALL, child);

        assertThat(((Decision.Deny) pdp.decide(plain)).has(ReasonCode.CASE_REFERENCE_REQUIRED)).isTrue();
    }

    @Test
    void only_a_role_the_agreement_names_may_break_glass() {
        Decision d = pdp.decide(glass(PolicyDecisionPointTest.socialWorker(), claim("p1", NOON, Duration.ofHours(1)),
                child));

        assertThat(((Decision.Deny) d).has(ReasonCode.BREAK_GLASS_NOT_ALLOWED)).isTrue();
    }

    @Test
    void a_role_named_for_another_agency_does_not_let_this_agency_break_glass() {
        Principal police = new Principal("u9", "police", Set.of("DUTY_MANAGER"));

        assertThat(((Decision.Deny) pdp.decide(glass(police, claim("p1", NOON, Duration.ofHours(1)), child)))
                .has(ReasonCode.BREAK_GLASS_NOT_ALLOWED)).isTrue();
    }

    @Test
    void break_glass_needs_a_reason_covers_one_subject_and_lasts_no_longer_than_allowed() {
        Principal manager = PolicyDecisionPointTest.dutyManager();
        BreakGlassClaim noReason = new BreakGlassClaim("IMMEDIATE_RISK", " ", "p1", NOON, Duration.ofHours(1));

        assertThat(((Decision.Deny) pdp.decide(glass(manager, noReason, child)))
                .has(ReasonCode.BREAK_GLASS_REASON_REQUIRED)).isTrue();
        assertThat(((Decision.Deny) pdp.decide(glass(manager, claim("p2", NOON, Duration.ofHours(1)), child)))
                .has(ReasonCode.BREAK_GLASS_SUBJECT_MISMATCH)).isTrue();
        assertThat(((Decision.Deny) pdp.decide(glass(manager, claim("p1", NOON, Duration.ofHours(5)), child)))
                .has(ReasonCode.BREAK_GLASS_TOO_LONG)).isTrue();
    }

    @Test
    void break_glass_is_denied_once_its_time_is_up_and_before_it_starts() {
        Principal manager = PolicyDecisionPointTest.dutyManager();

        assertThat(((Decision.Deny) pdp.decide(glass(manager, claim("p1", NOON.minus(Duration.ofHours(4)),
                Duration.ofHours(4)), child))).has(ReasonCode.BREAK_GLASS_NOT_IN_FORCE)).isTrue();
        assertThat(((Decision.Deny) pdp.decide(glass(manager, claim("p1", NOON.plusSeconds(1), Duration.ofHours(4)),
                child))).has(ReasonCode.BREAK_GLASS_NOT_IN_FORCE)).isTrue();
        assertThat(pdp.decide(glass(manager, claim("p1", NOON.minus(Duration.ofHours(4)).plusSeconds(1),
                Duration.ofHours(4)), child)).permitted()).isTrue();
    }

    @Test
    void break_glass_does_not_open_a_sealed_record_nor_lift_narrowing() {
        Principal manager = PolicyDecisionPointTest.dutyManager();
        Subject sealed = new Subject("p1", Set.of("SEALED_ADOPTION_RECORD"), Optional.of(EventRole.VICTIM),
                Optional.of(LevelOfNeed.SPECIALIST));
        Subject witness = new Subject("p1", Set.of(), Optional.of(EventRole.WITNESS), Optional.of(LevelOfNeed.SPECIALIST));

        assertThat(((Decision.Deny) pdp.decide(glass(manager, claim("p1", NOON, Duration.ofHours(1)), sealed)))
                .has(ReasonCode.FORBIDDEN)).isTrue();
        assertThat(((Decision.Permit) pdp.decide(glass(manager, claim("p1", NOON, Duration.ofHours(1)), witness)))
                .fields()).doesNotContain("ADDRESS", "PHONE");
    }

    @Test
    void a_hundred_break_glass_uses_each_oblige_an_immediate_notification_and_a_review_and_end_with_their_window() {
        Principal manager = PolicyDecisionPointTest.dutyManager();
        int notified = 0;
        int reviews = 0;
        int deniedAfter = 0;
        for (int i = 0; i < 100; i++) {
            Instant start = NOON.minusSeconds(60L * i);
            Duration length = Duration.ofMinutes(30 + i);
            BreakGlassClaim c = claim("p" + i, start, length);
            Subject s = new Subject("p" + i, Set.of(), Optional.of(EventRole.VICTIM), Optional.of(LevelOfNeed.TARGETED));
            Decision during = pdp.decide(glass(manager, c, s));
            Decision after = new PolicyDecisionPoint(AgreementRegistry.of(List.of(GovernanceFixtures.small())), NO_CASE,
                    Clock.fixed(start.plus(length), ZoneOffset.UTC)).decide(glass(manager, c, s));
            List<Obligation> obligations = ((Decision.Permit) during).obligations();
            notified += obligations.stream().filter(o -> o instanceof Obligation.Notify n && n.immediate()).count();
            reviews += obligations.stream().filter(o -> o instanceof Obligation.ReviewTask).count();
            deniedAfter += after.permitted() ? 0 : 1;
        }
        assertThat(notified).isEqualTo(100);
        assertThat(reviews).isEqualTo(100);
        assertThat(deniedAfter).isEqualTo(100);
    }
}
