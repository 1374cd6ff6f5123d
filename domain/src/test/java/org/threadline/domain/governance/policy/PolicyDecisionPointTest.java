package org.threadline.domain.governance.policy;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The decision point on the small fixture agreement (GovernanceFixtures.SMALL), one behaviour per test. */
class PolicyDecisionPointTest {
    static final Instant NOON = Instant.parse("2026-06-01T12:00:00Z");
    static final Set<String> ALL = Set.of("DATE", "OFFENCE", "NAME", "ADDRESS", "PHONE");
    static final CaseRegister OPEN = (c, s, a) -> CaseRegister.CaseStatus.OPEN_AND_LINKED;

    private final AgreementRegistry registry = AgreementRegistry.of(List.of(GovernanceFixtures.small()));

    static Principal socialWorker() {
        return new Principal("u1", "social-care", Set.of("SOCIAL_WORKER"));
    }

    static Principal dutyManager() {
        return new Principal("u2", "social-care", Set.of("DUTY_MANAGER"));
    }

    static Subject known(EventRole role, LevelOfNeed level, String... markers) {
        return new Subject("p1", Set.of(markers), Optional.of(role), Optional.of(level));
    }

    static AccessRequest ask(Principal who, String purpose, Set<String> fields, Subject subject) {
        return AccessRequest.of(who, purpose, Optional.of("CASE-1"), "incidents", fields, subject);
    }

    private Decision decide(AccessRequest r) {
        return decide(r, OPEN, NOON);
    }

    private Decision decide(AccessRequest r, CaseRegister cases, Instant at) {
        return new PolicyDecisionPoint(registry, cases, Clock.fixed(at, ZoneOffset.UTC)).decide(r);
    }

    private static Decision.Deny denied(Decision d) {
        assertThat(d).isInstanceOf(Decision.Deny.class);
        return (Decision.Deny) d;
    }

    private static Decision.Permit permitted(Decision d) {
        assertThat(d).as(d.toString()).isInstanceOf(Decision.Permit.class);
        return (Decision.Permit) d;
    }

    @Test
    void a_social_worker_with_an_open_case_receives_the_granted_fields_for_safeguarding() {
        Decision.Permit p = permitted(decide(ask(socialWorker(), "SAFEGUARDING.CHILD", ALL,
                known(EventRole.VICTIM, LevelOfNeed.SPECIALIST))));

        assertThat(p.fields()).isEqualTo(ALL);
        assertThat(p.agreements()).containsExactly("ISA-TEST@1");
        assertThat(p.breakGlass()).isFalse();
    }

    @Test
    void a_purpose_below_a_granted_purpose_is_covered_by_it_but_a_look_alike_is_not() {
        Subject s = known(EventRole.VICTIM, LevelOfNeed.SPECIALIST);
        assertThat(decide(ask(socialWorker(), "SAFEGUARDING.CHILD.MASH_TRIAGE", ALL, s)).permitted()).isTrue();
        assertThat(denied(decide(ask(socialWorker(), "SAFEGUARDING.CHILDREN", ALL, s)))
                .has(ReasonCode.PURPOSE_NOT_IN_AGREEMENT)).isTrue();
        assertThat(denied(decide(ask(socialWorker(), "SAFEGUARDING", ALL, s)))
                .has(ReasonCode.PURPOSE_NOT_IN_AGREEMENT)).isTrue();
    }

    @Test
    void only_the_requested_fields_that_are_also_granted_are_released() {
        Decision.Permit p = permitted(decide(ask(socialWorker(), "ANALYSIS", Set.of("DATE", "NAME"),
                known(EventRole.VICTIM, LevelOfNeed.SPECIALIST))));

        assertThat(p.fields()).containsExactly("DATE");
    }

    @Test
    void with_no_agreements_everything_is_denied() {
        Decision d = new PolicyDecisionPoint(AgreementRegistry.of(List.of()), OPEN, Clock.fixed(NOON, ZoneOffset.UTC))
                .decide(ask(socialWorker(), "SAFEGUARDING.CHILD", ALL, known(EventRole.VICTIM, LevelOfNeed.SPECIALIST)));

        assertThat(denied(d).has(ReasonCode.UNKNOWN_DATA_ITEM)).isTrue();
    }

    @Test
    void a_prohibited_purpose_is_denied_even_below_it() {
        Subject s = known(EventRole.VICTIM, LevelOfNeed.SPECIALIST);
        assertThat(denied(decide(ask(socialWorker(), "MARKETING", ALL, s))).has(ReasonCode.PURPOSE_PROHIBITED)).isTrue();
        assertThat(denied(decide(ask(socialWorker(), "MARKETING.EMAIL", ALL, s))).has(ReasonCode.PURPOSE_PROHIBITED))
                .isTrue();
    }

    @Test
    void the_reason_names_whether_the_agency_the_purpose_or_the_role_lacks_a_grant() {
        Subject s = known(EventRole.VICTIM, LevelOfNeed.SPECIALIST);
        Principal police = new Principal("u3", "police", Set.of("PPU_OFFICER"));
        Principal housing = new Principal("u4", "housing", Set.of("PPU_OFFICER"));
        Principal manager = new Principal("u5", "social-care", Set.of("DUTY_MANAGER"));

        assertThat(denied(decide(ask(police, "SAFEGUARDING.CHILD", ALL, s))).has(ReasonCode.RECIPIENT_NOT_GRANTED)).isTrue();
        assertThat(denied(decide(ask(housing, "SAFEGUARDING.CHILD", ALL, s))).has(ReasonCode.RECIPIENT_NOT_GRANTED)).isTrue();
        assertThat(denied(decide(ask(manager, "ANALYSIS", ALL, s))).has(ReasonCode.ROLE_NOT_GRANTED)).isTrue();
        assertThat(denied(decide(AccessRequest.of(police, "ANALYSIS", Optional.empty(), "referrals",
                Set.of("CHILD"), s))).has(ReasonCode.PURPOSE_NOT_GRANTED)).isTrue();
    }

    @Test
    void a_purpose_that_needs_a_case_is_denied_without_an_open_case_that_links_the_subject() {
        Subject s = known(EventRole.VICTIM, LevelOfNeed.SPECIALIST);
        AccessRequest noCase = AccessRequest.of(socialWorker(), "SAFEGUARDING.CHILD", Optional.of("  "), "incidents",
                ALL, s);
        AccessRequest withCase = ask(socialWorker(), "SAFEGUARDING.CHILD", ALL, s);

        assertThat(denied(decide(noCase)).has(ReasonCode.CASE_REFERENCE_REQUIRED)).isTrue();
        assertThat(denied(decide(withCase, (c, p, a) -> CaseRegister.CaseStatus.CLOSED, NOON))
                .has(ReasonCode.CASE_NOT_OPEN)).isTrue();
        assertThat(denied(decide(withCase, (c, p, a) -> CaseRegister.CaseStatus.UNKNOWN, NOON))
                .has(ReasonCode.CASE_NOT_OPEN)).isTrue();
        assertThat(denied(decide(withCase, (c, p, a) -> CaseRegister.CaseStatus.OPEN_NOT_LINKED, NOON))
                .has(ReasonCode.CASE_NOT_LINKED_TO_SUBJECT)).isTrue();
        assertThat(denied(decide(withCase, (c, p, a) -> {
            throw new IllegalStateException("case register down");
        }, NOON)).has(ReasonCode.CASE_CHECK_FAILED)).isTrue();
        assertThat(denied(decide(withCase, (c, p, a) -> null, NOON)).has(ReasonCode.CASE_NOT_OPEN)).isTrue();
    }

    @Test
    void the_register_is_asked_about_this_case_this_subject_and_this_agency() {
        String[] asked = new String[3];
        decide(ask(socialWorker(), "SAFEGUARDING.CHILD", ALL, known(EventRole.VICTIM, LevelOfNeed.SPECIALIST)),
                (c, s, a) -> {
                    asked[0] = c;
                    asked[1] = s;
                    asked[2] = a;
                    return CaseRegister.CaseStatus.OPEN_AND_LINKED;
                }, NOON);

        assertThat(asked).containsExactly("CASE-1", "p1", "social-care");
    }

    @Test
    void a_purpose_without_a_case_requirement_needs_no_case() {
        AccessRequest r = AccessRequest.of(socialWorker(), "ANALYSIS", Optional.empty(), "incidents",
                Set.of("DATE"), known(EventRole.VICTIM, LevelOfNeed.SPECIALIST));

        assertThat(decide(r, (c, s, a) -> {
            throw new AssertionError("not asked");
        }, NOON).permitted()).isTrue();
    }

    @Test
    void a_witnesss_address_and_phone_are_withheld_and_so_is_the_offence_at_universal_level() {
        assertThat(permitted(decide(ask(socialWorker(), "SAFEGUARDING.CHILD", ALL,
                known(EventRole.WITNESS, LevelOfNeed.SPECIALIST)))).fields()).containsExactlyInAnyOrder("DATE",
                "OFFENCE", "NAME");
        assertThat(permitted(decide(ask(socialWorker(), "SAFEGUARDING.CHILD", ALL,
                known(EventRole.VICTIM, LevelOfNeed.UNIVERSAL)))).fields()).containsExactlyInAnyOrder("DATE",
                "NAME", "ADDRESS", "PHONE");
    }

    @Test
    void an_unknown_role_or_level_narrows_as_if_every_rule_applied() {
        Subject unknown = Subject.of("p1");

        assertThat(permitted(decide(ask(socialWorker(), "SAFEGUARDING.CHILD", ALL, unknown))).fields())
                .containsExactlyInAnyOrder("DATE", "NAME");
    }

    @Test
    void asking_only_for_withheld_fields_is_denied_with_a_reason() {
        assertThat(denied(decide(ask(socialWorker(), "SAFEGUARDING.CHILD", Set.of("PHONE"),
                known(EventRole.WITNESS, LevelOfNeed.SPECIALIST)))).has(ReasonCode.NO_PERMITTED_FIELDS)).isTrue();
    }

    @Test
    void a_field_the_data_item_does_not_have_is_an_error_and_denied() {
        assertThat(denied(decide(ask(socialWorker(), "SAFEGUARDING.CHILD", Set.of("DATE", "NHS_NUMBER"),
                known(EventRole.VICTIM, LevelOfNeed.SPECIALIST)))).has(ReasonCode.UNKNOWN_FIELD)).isTrue();
    }

    @Test
    void a_sealed_record_is_denied_whatever_is_granted() {
        assertThat(denied(decide(ask(socialWorker(), "SAFEGUARDING.CHILD", ALL,
                known(EventRole.VICTIM, LevelOfNeed.SPECIALIST, "SEALED_ADOPTION_RECORD")))).has(ReasonCode.FORBIDDEN))
                .isTrue();
    }

    @Test
    void a_restricted_record_is_opened_by_a_duty_manager_only() {
        Subject restricted = known(EventRole.VICTIM, LevelOfNeed.SPECIALIST, "RESTRICTED_RECORD");

        assertThat(denied(decide(ask(socialWorker(), "SAFEGUARDING.CHILD", ALL, restricted))).has(ReasonCode.FORBIDDEN))
                .isTrue();
        assertThat(decide(ask(dutyManager(), "SAFEGUARDING.CHILD", ALL, restricted)).permitted()).isTrue();
    }

    @Test
    void nothing_is_shared_before_the_agreement_starts_after_it_ends_or_once_its_review_is_overdue() {
        AccessRequest r = ask(socialWorker(), "SAFEGUARDING.CHILD", ALL, known(EventRole.VICTIM, LevelOfNeed.SPECIALIST));

        assertThat(denied(decide(r, OPEN, Instant.parse("2026-03-31T23:59:59Z"))).has(ReasonCode.AGREEMENT_NOT_YET_VALID))
                .isTrue();
        assertThat(decide(r, OPEN, Instant.parse("2027-01-31T23:59:59Z")).permitted()).isTrue();
        assertThat(denied(decide(r, OPEN, Instant.parse("2027-02-01T00:00:00Z"))).has(ReasonCode.AGREEMENT_REVIEW_OVERDUE))
                .isTrue();
        assertThat(denied(decide(r, OPEN, Instant.parse("2027-04-01T00:00:00Z"))).has(ReasonCode.AGREEMENT_EXPIRED))
                .isTrue();
    }

    @Test
    void every_missing_part_of_a_request_is_a_reason_to_deny() {
        Subject s = known(EventRole.VICTIM, LevelOfNeed.SPECIALIST);
        List<AccessRequest> broken = List.of(
                AccessRequest.of(null, "SAFEGUARDING.CHILD", Optional.of("C"), "incidents", ALL, s),
                AccessRequest.of(new Principal(" ", "social-care", Set.of("SOCIAL_WORKER")), "SAFEGUARDING.CHILD",
                        Optional.of("C"), "incidents", ALL, s),
                AccessRequest.of(new Principal("u", "social-care", Set.of()), "SAFEGUARDING.CHILD", Optional.of("C"),
                        "incidents", ALL, s),
                AccessRequest.of(socialWorker(), "", Optional.of("C"), "incidents", ALL, s),
                AccessRequest.of(socialWorker(), "SAFEGUARDING.CHILD", null, "incidents", ALL, s),
                AccessRequest.of(socialWorker(), "SAFEGUARDING.CHILD", Optional.of("C"), null, ALL, s),
                AccessRequest.of(socialWorker(), "SAFEGUARDING.CHILD", Optional.of("C"), "incidents", Set.of(), s),
                AccessRequest.of(socialWorker(), "SAFEGUARDING.CHILD", Optional.of("C"), "incidents", null, s),
                AccessRequest.of(socialWorker(), "SAFEGUARDING.CHILD", Optional.of("C"), "incidents", ALL, null),
                AccessRequest.of(socialWorker(), "SAFEGUARDING.CHILD", Optional.of("C"), "incidents", ALL,
                        new Subject("p1", null, Optional.empty(), Optional.empty())),
                AccessRequest.of(socialWorker(), "SAFEGUARDING.CHILD", Optional.of("C"), "incidents", ALL,
                        new Subject("p1", Set.of(), null, Optional.empty())),
                new AccessRequest(socialWorker(), "SAFEGUARDING.CHILD", Optional.of("C"), "incidents", ALL, s, null));

        for (AccessRequest r : broken) {
            assertThat(denied(decide(r)).has(ReasonCode.MISSING_INPUT)).as(r.toString()).isTrue();
        }
        assertThat(denied(decide(null)).has(ReasonCode.MISSING_INPUT)).isTrue();
    }

    @Test
    void a_failure_inside_the_decision_point_denies() {
        Clock broken = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                throw new IllegalStateException("no time");
            }
        };
        Decision d = new PolicyDecisionPoint(registry, OPEN, broken).decide(ask(socialWorker(), "SAFEGUARDING.CHILD",
                ALL, known(EventRole.VICTIM, LevelOfNeed.SPECIALIST)));

        assertThat(denied(d).has(ReasonCode.EVALUATION_ERROR)).isTrue();
    }

    @Test
    void a_permit_obliges_an_audit_first_and_a_recorded_reason_for_criminal_offence_data() {
        Decision.Permit p = permitted(decide(ask(socialWorker(), "SAFEGUARDING.CHILD", ALL,
                known(EventRole.VICTIM, LevelOfNeed.SPECIALIST))));

        assertThat(p.obligations()).first().isEqualTo(new Obligation.Audit(false));
        assertThat(p.obligations()).hasAtLeastOneElementOfType(Obligation.RecordReason.class);
    }

    @Test
    void the_same_request_always_gets_the_same_decision() {
        AccessRequest r = ask(socialWorker(), "SAFEGUARDING.CHILD", ALL, known(EventRole.WITNESS, LevelOfNeed.TARGETED));

        assertThat(decide(r)).isEqualTo(decide(r));
        AccessRequest d = ask(socialWorker(), "MARKETING", ALL, Subject.of("p1"));
        assertThat(decide(d)).isEqualTo(decide(d));
    }
}
