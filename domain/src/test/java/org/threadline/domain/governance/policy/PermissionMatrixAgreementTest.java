package org.threadline.domain.governance.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.threadline.domain.chronology.EventRole;
import org.threadline.domain.governance.GovernanceFixtures;
import org.threadline.domain.governance.agreements.Agreement;
import org.threadline.domain.governance.agreements.AgreementRegistry;
import org.threadline.domain.governance.agreements.DataItem;
import org.threadline.domain.governance.agreements.LevelOfNeed;
import org.threadline.domain.governance.agreements.Party;
import org.threadline.domain.governance.agreements.Purpose;

/**
 * GOVERNANCE.md S1.1: the decision point and an independently written reference evaluator agree on every
 * (agency × role × purpose × data item × field × subject's role × level of need) of the fixture agreements, and the
 * published permission matrix agrees with the reference too. The counts are printed for docs/security.md.
 */
class PermissionMatrixAgreementTest {
    private static final Instant DAY = Instant.parse("2026-06-01T12:00:00Z");
    private static final CaseRegister OPEN = (c, s, a) -> CaseRegister.CaseStatus.OPEN_AND_LINKED;
    private static final List<Optional<EventRole>> EVENT_ROLES = List.of(Optional.empty(),
            Optional.of(EventRole.WITNESS), Optional.of(EventRole.VICTIM), Optional.of(EventRole.SUSPECT),
            Optional.of(EventRole.CHILD_PRESENT));
    private static final List<Optional<LevelOfNeed>> LEVELS = List.of(Optional.empty(),
            Optional.of(LevelOfNeed.UNIVERSAL), Optional.of(LevelOfNeed.EARLY_HELP), Optional.of(LevelOfNeed.TARGETED),
            Optional.of(LevelOfNeed.SPECIALIST));

    @Test
    void the_decision_point_agrees_with_the_reference_on_every_cell_of_the_shipped_agreements() {
        Tally t = compare(GovernanceFixtures.shipped());

        System.out.printf("S1.1 shipped agreements: %,d decisions, %,d field cells compared, %,d permitted, "
                + "%d disagreements%n", t.decisions, t.cells, t.permittedCells, t.disagreements.size());
        assertThat(t.disagreements).isEmpty();
        assertThat(t.permittedCells).isGreaterThan(10_000);
        assertThat(t.cells - t.permittedCells).isGreaterThan(100_000);
    }

    @Test
    void the_decision_point_agrees_with_the_reference_on_every_cell_of_the_small_fixture() {
        Tally t = compare(List.of(GovernanceFixtures.small()));

        assertThat(t.disagreements).isEmpty();
        assertThat(t.permittedCells).isPositive();
    }

    @Test
    void the_published_matrix_permits_exactly_what_the_reference_permits_for_some_subject() {
        int cells = 0;
        for (Agreement a : GovernanceFixtures.shipped()) {
            ReferenceEvaluator reference = new ReferenceEvaluator(List.of(a));
            for (MatrixEntry e : PermissionMatrix.of(a)) {
                boolean anyVariant = false;
                for (EventRole role : EventRole.values()) {
                    for (LevelOfNeed level : LevelOfNeed.values()) {
                        anyVariant |= reference.released(e.agency(), Set.of(e.role()), e.purpose(), e.dataItem(),
                                Set.of(e.field()), Optional.of(role), Optional.of(level)).contains(e.field());
                    }
                }
                assertThat(e.permitted()).as(e.toString()).isEqualTo(anyVariant);
                cells++;
            }
        }
        assertThat(cells).isEqualTo(16_997);
    }

    private static final class Tally {
        long decisions;
        long cells;
        long permittedCells;
        final List<String> disagreements = new ArrayList<>();
    }

    private static Tally compare(List<Agreement> agreements) {
        PolicyDecisionPoint pdp = new PolicyDecisionPoint(AgreementRegistry.of(agreements), OPEN,
                Clock.fixed(DAY, ZoneOffset.UTC));
        ReferenceEvaluator reference = new ReferenceEvaluator(agreements);
        Tally t = new Tally();
        for (Principal who : principals(agreements)) {
            for (String purpose : purposes(agreements)) {
                for (String item : items(agreements)) {
                    Set<String> fields = fields(agreements, item);
                    for (Optional<EventRole> role : EVENT_ROLES) {
                        for (Optional<LevelOfNeed> level : LEVELS) {
                            Subject subject = new Subject("s", Set.of(), role, level);
                            Decision d = pdp.decide(AccessRequest.of(who, purpose, Optional.of("case"), item, fields,
                                    subject));
                            Set<String> expected = reference.released(who.agency(), who.roles(), purpose, item, fields,
                                    role, level);
                            Set<String> actual = d instanceof Decision.Permit p ? p.fields() : Set.of();
                            t.decisions++;
                            t.cells += fields.size();
                            t.permittedCells += actual.size();
                            if (!actual.equals(expected) && t.disagreements.size() < 20) {
                                t.disagreements.add(who + " " + purpose + " " + item + " " + role + " " + level
                                        + ": pdp " + new TreeSet<>(actual) + " reference " + new TreeSet<>(expected)
                                        + " " + d);
                            }
                        }
                    }
                }
            }
        }
        return t;
    }

    /** Each agency with each of its own roles, all of them at once, a role of another agency and a made-up one. */
    static List<Principal> principals(List<Agreement> agreements) {
        Set<String> agencies = new LinkedHashSet<>();
        Set<String> allRoles = new TreeSet<>();
        agreements.forEach(a -> a.parties().forEach(p -> {
            agencies.add(p.id());
            allRoles.addAll(p.roles());
        }));
        agencies.add("not-a-party");
        List<Principal> out = new ArrayList<>();
        for (String agency : agencies) {
            Set<String> own = new TreeSet<>();
            agreements.forEach(a -> a.party(agency).map(Party::roles).ifPresent(own::addAll));
            own.forEach(r -> out.add(new Principal("u", agency, Set.of(r))));
            if (own.size() > 1) {
                out.add(new Principal("u", agency, own));
            }
            allRoles.stream().filter(r -> !own.contains(r)).findFirst()
                    .ifPresent(r -> out.add(new Principal("u", agency, Set.of(r))));
            out.add(new Principal("u", agency, Set.of("NO_SUCH_ROLE")));
        }
        return out;
    }

    /** Every declared purpose, one below each, every ancestor, every prohibited one and one below it, an unknown. */
    static List<String> purposes(List<Agreement> agreements) {
        Set<String> out = new LinkedHashSet<>();
        for (Agreement a : agreements) {
            for (Purpose p : a.purposes()) {
                out.add(p.code());
                out.add(p.code() + ".SUB_PURPOSE");
                String code = p.code();
                while (code.contains(".")) {
                    code = code.substring(0, code.lastIndexOf('.'));
                    out.add(code);
                }
            }
            for (String banned : a.prohibitedPurposes()) {
                out.add(banned);
                out.add(banned + ".SUB_PURPOSE");
            }
        }
        out.add("UNKNOWN.PURPOSE");
        return List.copyOf(out);
    }

    static List<String> items(List<Agreement> agreements) {
        Set<String> out = new LinkedHashSet<>();
        agreements.forEach(a -> a.dataItems().forEach(d -> out.add(d.id())));
        out.add("no-such-item");
        return List.copyOf(out);
    }

    static Set<String> fields(List<Agreement> agreements, String item) {
        Set<String> out = new HashSet<>();
        agreements.forEach(a -> a.dataItem(item).map(DataItem::fields).ifPresent(out::addAll));
        return out.isEmpty() ? Set.of("ANY_FIELD") : out;
    }
}
