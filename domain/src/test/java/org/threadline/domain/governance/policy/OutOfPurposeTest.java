package org.threadline.domain.governance.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.threadline.domain.governance.GovernanceFixtures;
import org.threadline.domain.governance.agreements.Agreement;
import org.threadline.domain.governance.agreements.AgreementRegistry;
import org.threadline.domain.governance.agreements.DataItem;
import org.threadline.domain.governance.agreements.Grant;
import org.threadline.domain.governance.agreements.Purpose;

/**
 * GOVERNANCE.md S1.3: 5,000 requests that would be permitted but for their purpose — a purpose outside every
 * agreement, a prohibited one, one the recipient is not granted for this item, or one that needs an open case
 * linking the subject and has none — are all denied, each with a reason code of its kind. (The DENY audit event
 * for each is the audit chain's part of S1.3.)
 */
class OutOfPurposeTest {
    private static final int M = 5_000;
    private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");
    private final List<Agreement> shipped = GovernanceFixtures.shipped();

    enum Kind { OUTSIDE, PROHIBITED, NOT_GRANTED_FOR_PURPOSE, NO_CASE, CASE_CLOSED, CASE_NOT_LINKED, CASE_ERROR }

    @Test
    void every_out_of_purpose_request_is_denied_with_a_reason_of_its_kind() {
        long seed = 909;
        SplittableRandom random = new SplittableRandom(seed);
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        ReferenceEvaluator reference = new ReferenceEvaluator(shipped);
        int i = 0;
        while (i < M) {
            Agreement a = shipped.get(random.nextInt(shipped.size()));
            DataItem item = a.dataItems().get(random.nextInt(a.dataItems().size()));
            Grant g = item.grants().get(random.nextInt(item.grants().size()));
            String role = (g.roles().isEmpty() ? a.party(g.recipient()).orElseThrow().roles() : g.roles())
                    .get(0);
            Principal who = new Principal("u", g.recipient(), Set.of(role));
            Subject subject = new Subject("p1", Set.of(), Optional.of(org.threadline.domain.chronology.EventRole.VICTIM),
                    Optional.of(org.threadline.domain.governance.agreements.LevelOfNeed.SPECIALIST));
            Set<String> fields = Set.copyOf(g.fields().isEmpty() ? item.fields() : g.fields());
            Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
            String purpose = g.purposes().get(random.nextInt(g.purposes().size()));
            CaseRegister cases = (c, s, ag) -> CaseRegister.CaseStatus.OPEN_AND_LINKED;
            Optional<String> caseRef = Optional.of("CASE-" + i);
            boolean needsCase = a.purpose(purpose).orElseThrow().requiresCaseReference();
            switch (kind) {
                case OUTSIDE -> purpose = List.of("HOUSING.ALLOCATION", "EDUCATION.ADMISSIONS", "SAFEGUARDING.PETS",
                        "CRIME.INTELLIGENCE", "EARLY_HELP_X").get(random.nextInt(5));
                case PROHIBITED -> {
                    String banned = a.prohibitedPurposes().get(random.nextInt(a.prohibitedPurposes().size()));
                    purpose = random.nextBoolean() ? banned : banned + ".ANY";
                }
                case NOT_GRANTED_FOR_PURPOSE -> {
                    String finalPurpose = purpose;
                    Optional<String> other = a.purposes().stream().map(Purpose::code)
                            .filter(p -> !p.equals(finalPurpose)
                                    && reference.released(who.agency(), who.roles(), p, item.id(), fields,
                                        subject.roleOnEvent(), subject.levelOfNeed()).isEmpty())
                            .findFirst();
                    if (other.isEmpty()) {
                        continue;
                    }
                    purpose = other.get();
                }
                case NO_CASE -> caseRef = Optional.empty();
                case CASE_CLOSED -> cases = (c, s, ag) -> CaseRegister.CaseStatus.CLOSED;
                case CASE_NOT_LINKED -> cases = (c, s, ag) -> CaseRegister.CaseStatus.OPEN_NOT_LINKED;
                case CASE_ERROR -> cases = (c, s, ag) -> {
                    throw new IllegalStateException("register down");
                };
                default -> throw new IllegalStateException();
            }
            if (kind.name().startsWith("CASE") || kind == Kind.NO_CASE) {
                if (!needsCase) {
                    continue;
                }
            }
            AccessRequest r = AccessRequest.of(who, purpose, caseRef, item.id(), fields, subject);
            Decision d = new PolicyDecisionPoint(AgreementRegistry.of(shipped), cases, Clock.fixed(AT, ZoneOffset.UTC))
                    .decide(r);
            assertThat(d).as("seed %d request %d (%s): %s", seed, i, kind, r).isInstanceOf(Decision.Deny.class);
            assertThat(expected(kind).stream().anyMatch(((Decision.Deny) d)::has)).as("seed %d request %d (%s): %s", seed, i, kind, d)
                    .isTrue();
            counts.merge(kind, 1, Integer::sum);
            i++;
        }
        System.out.printf("S1.3 out-of-purpose: %,d requests, %,d denied with a reason of their kind; by kind %s%n",
                M, counts.values().stream().mapToInt(Integer::intValue).sum(), counts);
        assertThat(counts).hasSize(Kind.values().length);
    }

    @Test
    void the_same_requests_with_their_own_purpose_and_an_open_case_are_permitted() {
        Agreement children = GovernanceFixtures.shipped("ISA-TL-CHILDREN");
        AccessRequest r = AccessRequest.of(new Principal("u", "social-care", Set.of("MASH_SOCIAL_WORKER")),
                "SAFEGUARDING.CHILD.MASH_TRIAGE", Optional.of("MASH-1"), "police-incident-persons",
                Set.of("OCCURRENCE_DATE_TIME", "INVOLVEMENT"), Subject.of("p1"));

        assertThat(new PolicyDecisionPoint(AgreementRegistry.of(List.of(children)),
                (c, s, a) -> CaseRegister.CaseStatus.OPEN_AND_LINKED, Clock.fixed(AT, ZoneOffset.UTC)).decide(r)
                .permitted()).isTrue();
    }

    /** The reason codes a request of each kind may be denied with (a purpose granted to other roles only is a role). */
    private static List<ReasonCode> expected(Kind kind) {
        return switch (kind) {
            case OUTSIDE -> List.of(ReasonCode.PURPOSE_NOT_IN_AGREEMENT);
            case PROHIBITED -> List.of(ReasonCode.PURPOSE_PROHIBITED);
            case NOT_GRANTED_FOR_PURPOSE -> List.of(ReasonCode.PURPOSE_NOT_GRANTED, ReasonCode.ROLE_NOT_GRANTED);
            case NO_CASE -> List.of(ReasonCode.CASE_REFERENCE_REQUIRED);
            case CASE_CLOSED -> List.of(ReasonCode.CASE_NOT_OPEN);
            case CASE_NOT_LINKED -> List.of(ReasonCode.CASE_NOT_LINKED_TO_SUBJECT);
            case CASE_ERROR -> List.of(ReasonCode.CASE_CHECK_FAILED);
        };
    }
}
