package org.threadline.domain.governance.policy;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.threadline.domain.chronology.EventRole;
import org.threadline.domain.governance.agreements.Agreement;
import org.threadline.domain.governance.agreements.AgreementRegistry;
import org.threadline.domain.governance.agreements.DataItem;
import org.threadline.domain.governance.agreements.LevelOfNeed;
import org.threadline.domain.governance.agreements.Party;
import org.threadline.domain.governance.agreements.Purpose;

/**
 * Every (agency × role × purpose × data item × field) an agreement allows, decided by the {@link PolicyDecisionPoint}
 * itself, so the matrix partners review is what is enforced. Each agreement is decided on its first valid day (what
 * it allows while live), with an open case that links the subject, no markers on the subject, and every role on an
 * event and level of need in turn (which gives {@link MatrixEntry#withheldFor}).
 */
public final class PermissionMatrix {
    private static final CaseRegister OPEN_CASE = (caseRef, subject, agency) -> CaseRegister.CaseStatus.OPEN_AND_LINKED;

    private PermissionMatrix() {
    }

    public static List<MatrixEntry> of(List<Agreement> agreements) {
        List<MatrixEntry> out = new ArrayList<>();
        agreements.forEach(a -> out.addAll(of(a)));
        return out;
    }

    public static List<MatrixEntry> of(Agreement a) {
        Clock firstDay = Clock.fixed(a.validFrom().atStartOfDay(ZoneOffset.UTC).plusHours(12).toInstant(),
                ZoneOffset.UTC);
        PolicyDecisionPoint pdp = new PolicyDecisionPoint(AgreementRegistry.of(List.of(live(a))), OPEN_CASE, firstDay);
        List<MatrixEntry> out = new ArrayList<>();
        for (Party agency : a.parties()) {
            for (String role : agency.roles()) {
                for (Purpose purpose : a.purposes()) {
                    for (DataItem item : a.dataItems()) {
                        out.addAll(cells(pdp, a, agency.id(), role, purpose.code(), item));
                    }
                }
            }
        }
        return out;
    }

    /** Decides on content, not status: a draft or suspended agreement's matrix shows what it would allow. */
    private static Agreement live(Agreement a) {
        return a.status() == org.threadline.domain.governance.agreements.AgreementStatus.ACTIVE ? a
                : new Agreement(a.id(), a.version(), a.supersedes(), a.title(), a.dpia(), a.approvedBy(),
                        org.threadline.domain.governance.agreements.AgreementStatus.ACTIVE, a.validFrom(), a.validTo(),
                        a.reviewDue(), a.parties(), a.purposes(), a.prohibitedPurposes(), a.dataItems(), a.forbid(),
                        a.breakGlass(), a.signatures());
    }

    private static List<MatrixEntry> cells(PolicyDecisionPoint pdp, Agreement a, String agency, String role,
                                           String purpose, DataItem item) {
        Principal who = new Principal("matrix", agency, Set.of(role));
        List<Set<String>> releasedPerVariant = new ArrayList<>();
        for (EventRole eventRole : EventRole.values()) {
            for (LevelOfNeed level : LevelOfNeed.values()) {
                Subject subject = new Subject("matrix-subject", Set.of(), Optional.of(eventRole), Optional.of(level));
                Decision d = pdp.decide(AccessRequest.of(who, purpose, Optional.of("matrix-case"), item.id(),
                        Set.copyOf(item.fields()), subject));
                releasedPerVariant.add(d instanceof Decision.Permit p ? p.fields() : Set.of());
            }
        }
        List<MatrixEntry> out = new ArrayList<>();
        for (String field : item.fields()) {
            boolean permitted = releasedPerVariant.stream().anyMatch(s -> s.contains(field));
            List<String> withheld = permitted ? withheldFor(field, releasedPerVariant) : List.of();
            out.add(new MatrixEntry(a.reference(), agency, role, purpose, item.id(), field, permitted, withheld));
        }
        return out;
    }

    /** The variants a permitted field is withheld for, folded to a role or a level where it is all of one. */
    private static List<String> withheldFor(String field, List<Set<String>> released) {
        EventRole[] roles = EventRole.values();
        LevelOfNeed[] levels = LevelOfNeed.values();
        boolean[][] withheld = new boolean[roles.length][levels.length];
        for (int r = 0; r < roles.length; r++) {
            for (int l = 0; l < levels.length; l++) {
                withheld[r][l] = !released.get(r * levels.length + l).contains(field);
            }
        }
        Set<String> out = new LinkedHashSet<>();
        boolean[] wholeLevel = new boolean[levels.length];
        for (int l = 0; l < levels.length; l++) {
            wholeLevel[l] = true;
            for (int r = 0; r < roles.length; r++) {
                wholeLevel[l] &= withheld[r][l];
            }
            if (wholeLevel[l]) {
                out.add(levels[l].name());
            }
        }
        for (int r = 0; r < roles.length; r++) {
            boolean wholeRole = true;
            for (int l = 0; l < levels.length; l++) {
                wholeRole &= withheld[r][l];
            }
            if (wholeRole) {
                out.add(roles[r].name());
                continue;
            }
            for (int l = 0; l < levels.length; l++) {
                if (withheld[r][l] && !wholeLevel[l]) {
                    out.add(roles[r].name() + "@" + levels[l].name());
                }
            }
        }
        return List.copyOf(out);
    }
}
