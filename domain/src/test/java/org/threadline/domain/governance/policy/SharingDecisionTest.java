package org.threadline.domain.governance.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SharingDecisionTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-06-01T09:00:00Z"), ZoneOffset.UTC);
    private final AccessRequest request = AccessRequest.of(new Principal("u1", "social-care", Set.of("SOCIAL_WORKER")),
            "SAFEGUARDING.CHILD", Optional.of("CASE-1"), "incidents", Set.of("DATE", "NAME"), Subject.of("p1"));
    private final Decision.Permit permit = new Decision.Permit(Set.of("DATE"), List.of(new Obligation.Audit(false)),
            List.of("ISA-TEST@1"), "SAFEGUARDING.CHILD", false);
    private final Decision.Deny deny = new Decision.Deny(List.of(new DenyReason(ReasonCode.CASE_NOT_OPEN, "closed")));

    @Test
    void a_decision_to_share_records_what_to_whom_why_and_under_which_agreement_and_purpose() {
        SharingDecision d = SharingDecision.record("SD-1", request, permit, SharingDecision.Outcome.SHARE, "school",
                "the school needs to know before Monday", clock);

        assertThat(d.fields()).containsExactly("DATE");
        assertThat(d.agreements()).containsExactly("ISA-TEST@1");
        assertThat(d.purpose()).isEqualTo("SAFEGUARDING.CHILD");
        assertThat(d.recipient()).isEqualTo("school");
        assertThat(d.subjectId()).isEqualTo("p1");
        assertThat(d.decidedAt()).isEqualTo(clock.instant());
    }

    @Test
    void a_decision_not_to_share_can_follow_a_permit_or_a_deny_and_keeps_the_reasons() {
        SharingDecision judged = SharingDecision.record("SD-2", request, permit, SharingDecision.Outcome.NOT_SHARE,
                "school", "sharing would alert the alleged abuser", clock);
        SharingDecision refused = SharingDecision.record("SD-3", request, deny, SharingDecision.Outcome.NOT_SHARE,
                "school", "no open case", clock);

        assertThat(judged.outcome()).isEqualTo(SharingDecision.Outcome.NOT_SHARE);
        assertThat(refused.reasons()).containsExactly(ReasonCode.CASE_NOT_OPEN);
    }

    @Test
    void a_denied_request_cannot_be_recorded_as_shared_and_every_decision_says_why() {
        assertThatThrownBy(() -> SharingDecision.record("SD-4", request, deny, SharingDecision.Outcome.SHARE, "school",
                "why not", clock)).hasMessageContaining("cannot be shared");
        assertThatThrownBy(() -> SharingDecision.record("SD-5", request, permit, SharingDecision.Outcome.SHARE,
                "school", " ", clock)).hasMessageContaining("why");
    }
}
