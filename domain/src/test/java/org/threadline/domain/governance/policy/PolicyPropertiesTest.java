package org.threadline.domain.governance.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 * GOVERNANCE.md S1.2: properties of the decision point over 10,000 seeded random requests each, on the shipped
 * agreements. Each failure names the seed and the request number; the counts are printed for docs/security.md.
 */
class PolicyPropertiesTest {
    private static final int N = 10_000;
    private static final CaseRegister OPEN = (c, s, a) -> CaseRegister.CaseStatus.OPEN_AND_LINKED;
    private final List<Agreement> shipped = GovernanceFixtures.shipped();

    private static Decision decide(List<Agreement> agreements, CaseRegister cases, AccessRequest r, Instant at) {
        return new PolicyDecisionPoint(AgreementRegistry.of(agreements), cases, Clock.fixed(at, ZoneOffset.UTC))
                .decide(r);
    }

    @Test
    void with_no_agreement_or_no_grant_every_request_is_denied_with_a_reason() {
        long seed = 101;
        RequestGenerator gen = new RequestGenerator(shipped, seed);
        List<Agreement> grantless = shipped.stream().map(a -> GovernanceFixtures.withItems(a, a.dataItems().stream()
                .map(d -> new DataItem(d.id(), d.feed(), d.provider(), d.fields(), d.classification(),
                        d.specialCategory(), d.criminalOffenceData(), d.retention(), List.of(), d.narrowing()))
                .toList())).toList();
        for (int i = 0; i < N; i++) {
            RequestGenerator.Generated g = gen.next();
            Decision empty = decide(List.of(), OPEN, g.request(), g.at());
            Decision none = decide(grantless, OPEN, g.request(), g.at());
            assertThat(empty.permitted()).as("seed %d request %d", seed, i).isFalse();
            assertThat(none.permitted()).as("seed %d request %d", seed, i).isFalse();
            assertThat(((Decision.Deny) empty).reasons()).isNotEmpty();
        }
        report("default deny", N, 0);
    }

    @Test
    void a_matching_forbid_rule_wins_over_every_permit_and_break_glass() {
        long seed = 202;
        RequestGenerator gen = new RequestGenerator(shipped, seed);
        int wouldPermit = 0;
        for (int i = 0; i < N; i++) {
            RequestGenerator.Generated g = gen.next();
            AccessRequest clean = withMarkers(g.request(), Set.of());
            AccessRequest sealed = withMarkers(g.request(), Set.of("SEALED_ADOPTION_RECORD"));
            Decision before = decide(shipped, OPEN, clean, g.at());
            Decision after = decide(shipped, OPEN, sealed, g.at());
            assertThat(after.permitted()).as("seed %d request %d: %s", seed, i, sealed).isFalse();
            if (before.permitted()) {
                wouldPermit++;
                assertThat(((Decision.Deny) after).has(ReasonCode.FORBIDDEN)).as("seed %d request %d", seed, i)
                        .isTrue();
            }
        }
        report("forbid overrides permit (requests that were permitted without the marker)", N, wouldPermit);
        assertThat(wouldPermit).isGreaterThan(N / 5);
    }

    @Test
    void released_fields_are_within_the_requested_and_the_allowed() {
        long seed = 303;
        RequestGenerator gen = new RequestGenerator(shipped, seed);
        ReferenceEvaluator reference = new ReferenceEvaluator(shipped);
        int permits = 0;
        for (int i = 0; i < N; i++) {
            RequestGenerator.Generated g = gen.next();
            AccessRequest r = g.request();
            Decision d = decide(shipped, OPEN, r, g.at());
            if (!(d instanceof Decision.Permit p)) {
                continue;
            }
            permits++;
            assertThat(r.fields()).as("seed %d request %d", seed, i).containsAll(p.fields());
            Set<String> itemFields = PermissionMatrixAgreementTest.fields(shipped, r.dataItem());
            assertThat(itemFields).containsAll(p.fields());
            if (!p.breakGlass()) {
                Set<String> allowed = reference.released(r.principal().agency(), r.principal().roles(), r.purpose(),
                        r.dataItem(), itemFields, r.subject().roleOnEvent(), r.subject().levelOfNeed());
                assertThat(allowed).as("seed %d request %d: %s", seed, i, r).containsAll(p.fields());
            }
        }
        report("released fields within requested and allowed (permits checked)", N, permits);
        assertThat(permits).isGreaterThan(N / 5);
    }

    @Test
    void removing_a_grant_never_widens_access() {
        long seed = 404;
        RequestGenerator gen = new RequestGenerator(shipped, seed);
        SplittableRandom random = new SplittableRandom(seed + 1);
        int narrowed = 0;
        for (int i = 0; i < N; i++) {
            Removal removal = withoutOneGrant(shipped, random);
            RequestGenerator.Generated g = gen.next();
            // Half the requests aim at the grant removed, so that the property is tested where it bites.
            AccessRequest r = random.nextBoolean() ? aimAt(removal, g.request(), random) : g.request();
            Decision before = decide(shipped, OPEN, r, g.at());
            Decision after = decide(removal.agreements(), OPEN, r, g.at());
            if (after instanceof Decision.Permit a) {
                assertThat(before).as("seed %d request %d", seed, i).isInstanceOf(Decision.Permit.class);
                assertThat(((Decision.Permit) before).fields()).as("seed %d request %d", seed, i)
                        .containsAll(a.fields());
                narrowed += ((Decision.Permit) before).fields().size() > a.fields().size() ? 1 : 0;
            } else if (before.permitted()) {
                narrowed++;
            }
        }
        report("removing a grant never widens (requests it narrowed)", N, narrowed);
        assertThat(narrowed).isGreaterThan(N / 10);
    }

    /** The agreements with one grant removed, and where it was. */
    record Removal(List<Agreement> agreements, Agreement from, DataItem item, Grant grant) {
    }

    private static AccessRequest aimAt(Removal removal, AccessRequest template, SplittableRandom random) {
        Grant g = removal.grant();
        List<String> roles = g.roles().isEmpty() ? removal.from().party(g.recipient()).orElseThrow().roles()
                : g.roles();
        List<String> fields = g.fields().isEmpty() ? removal.item().fields() : g.fields();
        return new AccessRequest(new Principal("u", g.recipient(), Set.of(roles.get(random.nextInt(roles.size())))),
                g.purposes().get(random.nextInt(g.purposes().size())), Optional.of("CASE-1"), removal.item().id(),
                Set.of(fields.get(random.nextInt(fields.size()))), template.subject(), Optional.empty());
    }

    @Test
    void a_missing_part_of_the_request_denies_it() {
        long seed = 505;
        RequestGenerator gen = new RequestGenerator(shipped, seed);
        SplittableRandom random = new SplittableRandom(seed + 1);
        for (int i = 0; i < N; i++) {
            RequestGenerator.Generated g = gen.next();
            AccessRequest broken = breakOnePart(g.request(), random.nextInt(9));
            Decision d = decide(shipped, OPEN, broken, g.at());
            assertThat(d.permitted()).as("seed %d request %d: %s", seed, i, broken).isFalse();
            assertThat(((Decision.Deny) d).has(ReasonCode.MISSING_INPUT)).as("seed %d request %d", seed, i).isTrue();
        }
        report("missing input denies", N, N);
    }

    @Test
    void a_failing_case_register_denies_every_request_that_needs_a_case() {
        long seed = 606;
        RequestGenerator gen = new RequestGenerator(shipped, seed);
        CaseRegister failing = (c, s, a) -> {
            throw new IllegalStateException("timeout");
        };
        int needingCase = 0;
        for (int i = 0; i < N; i++) {
            RequestGenerator.Generated g = gen.next();
            AccessRequest r = g.request();
            Decision d = decide(shipped, failing, r, g.at());
            boolean needsCase = r.breakGlass().isEmpty() && shipped.stream().flatMap(a -> a.purposes().stream())
                    .anyMatch(p -> p.requiresCaseReference() && Purpose.fallsUnder(r.purpose(), p.code()));
            if (needsCase) {
                needingCase++;
                assertThat(d.permitted()).as("seed %d request %d: %s", seed, i, r).isFalse();
            }
        }
        report("case register error denies (requests needing a case)", N, needingCase);
        assertThat(needingCase).isGreaterThan(N / 2);
    }

    @Test
    void nothing_is_permitted_outside_validity_or_once_the_review_is_overdue() {
        long seed = 707;
        RequestGenerator gen = new RequestGenerator(shipped, seed);
        SplittableRandom random = new SplittableRandom(seed + 1);
        for (int i = 0; i < N; i++) {
            AccessRequest r = gen.next().request();
            LocalDate day = random.nextBoolean() ? LocalDate.of(2026, 3, 31).minusDays(random.nextInt(400))
                    : LocalDate.of(2029, 2, 1).plusDays(random.nextInt(400));
            Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(random.nextInt(86_400));
            assertThat(decide(shipped, OPEN, r, at).permitted()).as("seed %d request %d at %s", seed, i, at).isFalse();
        }
        report("no permit outside validity or after reviewDue", N, N);
    }

    @Test
    void the_same_request_always_gets_the_same_decision() {
        long seed = 808;
        RequestGenerator gen = new RequestGenerator(shipped, seed);
        for (int i = 0; i < N; i++) {
            RequestGenerator.Generated g = gen.next();
            assertThat(decide(shipped, OPEN, g.request(), g.at()))
                    .as("seed %d request %d", seed, i).isEqualTo(decide(shipped, OPEN, g.request(), g.at()));
        }
        report("determinism", N, N);
    }

    private static void report(String property, int requests, int relevant) {
        System.out.printf("S1.2 %s: %,d requests, %,d relevant, 0 counterexamples%n", property, requests, relevant);
    }

    private static AccessRequest withMarkers(AccessRequest r, Set<String> markers) {
        return new AccessRequest(r.principal(), r.purpose(), r.caseReference(), r.dataItem(), r.fields(),
                new Subject(r.subject().subjectId(), markers, r.subject().roleOnEvent(), r.subject().levelOfNeed()),
                r.breakGlass());
    }

    static Removal withoutOneGrant(List<Agreement> agreements, SplittableRandom random) {
        int which = random.nextInt(agreements.size());
        Agreement a = agreements.get(which);
        int itemIndex = random.nextInt(a.dataItems().size());
        DataItem d = a.dataItems().get(itemIndex);
        List<Grant> grants = new ArrayList<>(d.grants());
        Grant removed = grants.remove(random.nextInt(grants.size()));
        List<DataItem> items = new ArrayList<>(a.dataItems());
        items.set(itemIndex, new DataItem(d.id(), d.feed(), d.provider(), d.fields(), d.classification(),
                d.specialCategory(), d.criminalOffenceData(), d.retention(), grants, d.narrowing()));
        List<Agreement> out = new ArrayList<>(agreements);
        out.set(which, GovernanceFixtures.withItems(a, items));
        return new Removal(out, a, d, removed);
    }

    private static AccessRequest breakOnePart(AccessRequest r, int part) {
        Principal p = r.principal();
        Subject s = r.subject();
        return switch (part) {
            case 0 -> new AccessRequest(null, r.purpose(), r.caseReference(), r.dataItem(), r.fields(), s,
                    r.breakGlass());
            case 1 -> new AccessRequest(new Principal(p.userId(), null, p.roles()), r.purpose(), r.caseReference(),
                    r.dataItem(), r.fields(), s, r.breakGlass());
            case 2 -> new AccessRequest(new Principal(p.userId(), p.agency(), Set.of()), r.purpose(),
                    r.caseReference(), r.dataItem(), r.fields(), s, r.breakGlass());
            case 3 -> new AccessRequest(p, " ", r.caseReference(), r.dataItem(), r.fields(), s, r.breakGlass());
            case 4 -> new AccessRequest(p, r.purpose(), r.caseReference(), "", r.fields(), s, r.breakGlass());
            case 5 -> new AccessRequest(p, r.purpose(), r.caseReference(), r.dataItem(), new HashSet<>(), s,
                    r.breakGlass());
            case 6 -> new AccessRequest(p, r.purpose(), r.caseReference(), r.dataItem(), r.fields(), null,
                    r.breakGlass());
            case 7 -> new AccessRequest(p, r.purpose(), r.caseReference(), r.dataItem(), r.fields(),
                    new Subject(null, s.markers(), s.roleOnEvent(), s.levelOfNeed()), r.breakGlass());
            default -> new AccessRequest(p, r.purpose(), null, r.dataItem(), r.fields(), s, Optional.empty());
        };
    }
}
