package org.threadline.domain.governance.policy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.threadline.domain.governance.agreements.Agreement;
import org.threadline.domain.governance.agreements.BreakGlassRule;
import org.threadline.domain.governance.agreements.DataItem;
import org.threadline.domain.governance.agreements.Grant;
import org.threadline.domain.governance.agreements.Purpose;

/**
 * Emergency access (GOVERNANCE.md b1.8). Allowed only to a role the agreement's break-glass rule names, about the
 * single subject the claim names, within the claimed window of at most the rule's maximum, with a reason code and a
 * reason. It lifts the role restriction of the grants and the need for a case; it does not lift the purpose, the
 * agreement's validity, narrowing or any forbid rule. It releases what the agreement grants the requester's agency
 * for the declared purpose.
 */
final class BreakGlassCheck {
    private BreakGlassCheck() {
    }

    static Allowance allowance(AccessRequest r, List<Agreement> agreements, Instant now, List<DenyReason> reasons) {
        BreakGlassClaim claim = r.breakGlass().orElseThrow();
        Optional<Agreement> governing = agreements.stream().filter(a -> mayBreakGlass(a, r.principal())).findFirst();
        if (governing.isEmpty()) {
            reasons.add(new DenyReason(ReasonCode.BREAK_GLASS_NOT_ALLOWED, "no agreement allows break-glass to roles "
                    + r.principal().roles()));
            return Allowance.none();
        }
        BreakGlassRule rule = governing.get().breakGlass().orElseThrow();
        if (blank(claim.reasonCode()) || blank(claim.reason())) {
            reasons.add(new DenyReason(ReasonCode.BREAK_GLASS_REASON_REQUIRED, "break-glass needs a reason code and "
                    + "a reason"));
        }
        if (claim.subjectId() == null || !claim.subjectId().equals(r.subject().subjectId())) {
            reasons.add(new DenyReason(ReasonCode.BREAK_GLASS_SUBJECT_MISMATCH, "break-glass was for subject '"
                    + claim.subjectId() + "', not '" + r.subject().subjectId() + "'"));
        }
        if (claim.duration() == null || claim.activatedAt() == null || claim.duration().isNegative()
                || claim.duration().isZero()) {
            reasons.add(new DenyReason(ReasonCode.BREAK_GLASS_NOT_IN_FORCE, "break-glass needs a start and a "
                    + "duration"));
        } else if (claim.duration().compareTo(rule.maxDuration()) > 0) {
            reasons.add(new DenyReason(ReasonCode.BREAK_GLASS_TOO_LONG, "break-glass lasts at most "
                    + rule.maxDuration() + ", claimed " + claim.duration()));
        } else if (now.isBefore(claim.activatedAt()) || !now.isBefore(claim.activatedAt().plus(claim.duration()))) {
            reasons.add(new DenyReason(ReasonCode.BREAK_GLASS_NOT_IN_FORCE, "break-glass runs from "
                    + claim.activatedAt() + " for " + claim.duration() + ", not at " + now));
        }
        if (!reasons.isEmpty()) {
            return Allowance.none();
        }
        Map<String, Set<String>> fields = new LinkedHashMap<>();
        for (Agreement a : agreements) {
            DataItem item = a.dataItem(r.dataItem()).orElseThrow();
            for (Grant g : item.grants()) {
                if (g.recipient().equals(r.principal().agency())
                        && g.purposes().stream().anyMatch(p -> Purpose.fallsUnder(r.purpose(), p))) {
                    fields.computeIfAbsent(a.reference(), k -> new LinkedHashSet<>())
                            .addAll(g.fields().isEmpty() ? item.fields() : g.fields());
                }
            }
        }
        if (fields.isEmpty()) {
            reasons.add(new DenyReason(ReasonCode.PURPOSE_NOT_GRANTED, "even under break-glass, '"
                    + r.principal().agency() + "' does not receive '" + r.dataItem() + "' for '" + r.purpose() + "'"));
            return Allowance.none();
        }
        return new Allowance(fields, Set.of(), Optional.of(rule));
    }

    /** The principal holds a role the rule names, and that role is one of its own agency's roles. */
    private static boolean mayBreakGlass(Agreement a, Principal p) {
        return a.breakGlass().isPresent() && a.party(p.agency()).isPresent()
                && a.breakGlass().get().allowedRoles().stream()
                    .anyMatch(role -> p.roles().contains(role) && a.party(p.agency()).get().roles().contains(role));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
