package org.threadline.domain.governance.policy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.threadline.domain.governance.agreements.Agreement;
import org.threadline.domain.governance.agreements.AgreementRegistry;
import org.threadline.domain.governance.agreements.DataItem;
import org.threadline.domain.governance.agreements.ForbidRule;
import org.threadline.domain.governance.agreements.Purpose;

/**
 * Decides every read of personal data from the agreements in force. A pure function of the request, the agreements,
 * the case register's answer and the clock: the same inputs always give the same decision.
 *
 * <p>The order of evaluation: the request must be complete; some live agreement must have the data item; no live
 * agreement may prohibit the purpose; the purpose must fall under one of the agreement's purposes; where that purpose
 * needs a case, the case register must confirm an open case linking the subject; grants to the requester's agency,
 * purpose and roles (or, for break-glass, the agreement's break-glass rule) give the allowed fields; narrowing by the
 * subject's role and level of need (in the agreements that granted them) removes some; the released fields are those requested and still allowed. Forbid
 * rules are checked on every path and deny whatever else was found. Any exception denies.
 */
public final class PolicyDecisionPoint {
    private final AgreementRegistry agreements;
    private final CaseRegister cases;
    private final Clock clock;

    public PolicyDecisionPoint(AgreementRegistry agreements, CaseRegister cases, Clock clock) {
        this.agreements = Objects.requireNonNull(agreements, "agreements");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Decision decide(AccessRequest request) {
        try {
            return evaluate(request);
        } catch (RuntimeException e) {
            return deny(ReasonCode.EVALUATION_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Decision evaluate(AccessRequest r) {
        List<DenyReason> missing = RequestCheck.missing(r);
        if (!missing.isEmpty()) {
            return new Decision.Deny(missing);
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        List<Agreement> withItem = agreements.agreements().stream()
                .filter(a -> a.dataItem(r.dataItem()).isPresent()).toList();
        if (withItem.isEmpty()) {
            return deny(ReasonCode.UNKNOWN_DATA_ITEM, "no agreement has data item '" + r.dataItem() + "'");
        }
        List<Agreement> live = withItem.stream().filter(a -> a.validityOn(today) == Agreement.Validity.LIVE).toList();
        if (live.isEmpty()) {
            return new Decision.Deny(withItem.stream().map(a -> lapsed(a, today)).toList());
        }
        List<DenyReason> reasons = new ArrayList<>();
        forbidden(r, live, reasons);
        live.stream().filter(a -> a.prohibits(r.purpose())).forEach(a -> reasons.add(new DenyReason(
                ReasonCode.PURPOSE_PROHIBITED, a.reference() + " prohibits purpose '" + r.purpose() + "'")));
        List<DataItem> items = live.stream().map(a -> a.dataItem(r.dataItem()).orElseThrow()).toList();
        Set<String> unknown = new TreeSet<>(r.fields());
        items.forEach(d -> unknown.removeAll(d.fields()));
        if (!unknown.isEmpty()) {
            reasons.add(new DenyReason(ReasonCode.UNKNOWN_FIELD, "not fields of '" + r.dataItem() + "': " + unknown));
        }
        if (!reasons.isEmpty()) {
            return new Decision.Deny(reasons);
        }
        List<Agreement> forPurpose = live.stream().filter(a -> a.purposes().stream()
                .anyMatch(p -> Purpose.fallsUnder(r.purpose(), p.code()))).toList();
        if (forPurpose.isEmpty()) {
            return deny(ReasonCode.PURPOSE_NOT_IN_AGREEMENT, "purpose '" + r.purpose() + "' falls under no purpose of "
                    + live.stream().map(Agreement::reference).toList());
        }
        Allowance allowance = r.breakGlass().isPresent()
                ? BreakGlassCheck.allowance(r, forPurpose, now, reasons)
                : GrantMatch.allowance(r, forPurpose, reasons);
        if (!reasons.isEmpty()) {
            return new Decision.Deny(reasons);
        }
        if (r.breakGlass().isEmpty()) {
            caseCheck(r, forPurpose, reasons);
            if (!reasons.isEmpty()) {
                return new Decision.Deny(reasons);
            }
        }
        // Each agreement narrows what it grants: released = requested ∩ ⋃ (granted by A − withheld by A).
        Set<String> allowed = new TreeSet<>();
        for (Agreement a : live) {
            Set<String> granted = allowance.fieldsByAgreement().get(a.reference());
            if (granted != null) {
                Set<String> kept = new TreeSet<>(granted);
                kept.removeAll(Narrowings.withheld(List.of(a.dataItem(r.dataItem()).orElseThrow()), r.subject()));
                allowed.addAll(kept);
            }
        }
        Set<String> released = new TreeSet<>(r.fields());
        released.retainAll(allowed);
        if (released.isEmpty()) {
            return deny(ReasonCode.NO_PERMITTED_FIELDS, "none of " + new TreeSet<>(r.fields()) + " may be released "
                    + "to this requester for this purpose and subject");
        }
        return new Decision.Permit(released, Obligations.of(r, items, allowance, now), allowance.agreements(),
                r.purpose(), r.breakGlass().isPresent());
    }

    private static DenyReason lapsed(Agreement a, LocalDate today) {
        return switch (a.validityOn(today)) {
            case NOT_ACTIVE -> new DenyReason(ReasonCode.AGREEMENT_NOT_ACTIVE, a.reference() + " is "
                    + a.status().yamlName());
            case NOT_YET_VALID -> new DenyReason(ReasonCode.AGREEMENT_NOT_YET_VALID, a.reference()
                    + " is valid from " + a.validFrom());
            case EXPIRED -> new DenyReason(ReasonCode.AGREEMENT_EXPIRED, a.reference() + " expired on " + a.validTo());
            case REVIEW_OVERDUE -> new DenyReason(ReasonCode.AGREEMENT_REVIEW_OVERDUE, a.reference()
                    + " was due for review on " + a.reviewDue());
            case LIVE -> throw new IllegalStateException("a live agreement has not lapsed");
        };
    }

    /** Forbid overrides permit: every matching rule of every live agreement is a reason to deny. */
    private static void forbidden(AccessRequest r, List<Agreement> live, List<DenyReason> reasons) {
        for (Agreement a : live) {
            for (ForbidRule f : a.forbid()) {
                if (matches(f, r)) {
                    reasons.add(new DenyReason(ReasonCode.FORBIDDEN, a.reference() + " rule '" + f.id() + "': "
                            + f.reason()));
                }
            }
        }
    }

    static boolean matches(ForbidRule f, AccessRequest r) {
        return r.subject().markers().contains(f.marker())
                && (f.dataItems().isEmpty() || f.dataItems().contains(r.dataItem()))
                && (f.purposes().isEmpty() || f.purposes().stream().anyMatch(p -> Purpose.fallsUnder(r.purpose(), p)))
                && (f.recipients().isEmpty() || f.recipients().contains(r.principal().agency()))
                && f.unlessRoles().stream().noneMatch(r.principal().roles()::contains);
    }

    /** Where the purpose needs a case, the register must confirm an open case linking the subject. */
    private void caseCheck(AccessRequest r, List<Agreement> forPurpose, List<DenyReason> reasons) {
        Optional<String> needing = forPurpose.stream().flatMap(a -> a.purposes().stream())
                .filter(p -> p.requiresCaseReference() && Purpose.fallsUnder(r.purpose(), p.code()))
                .map(Purpose::code).findFirst();
        if (needing.isEmpty()) {
            return;
        }
        String caseRef = r.caseReference().map(String::strip).orElse("");
        if (caseRef.isEmpty()) {
            reasons.add(new DenyReason(ReasonCode.CASE_REFERENCE_REQUIRED, "purpose '" + needing.get()
                    + "' needs the reference of an open case"));
            return;
        }
        CaseRegister.CaseStatus status;
        try {
            status = cases.status(caseRef, r.subject().subjectId(), r.principal().agency());
        } catch (RuntimeException e) {
            reasons.add(new DenyReason(ReasonCode.CASE_CHECK_FAILED, "the case register did not answer: "
                    + e.getClass().getSimpleName()));
            return;
        }
        if (status == null || status == CaseRegister.CaseStatus.UNKNOWN || status == CaseRegister.CaseStatus.CLOSED) {
            reasons.add(new DenyReason(ReasonCode.CASE_NOT_OPEN, "case '" + caseRef + "' is "
                    + (status == null ? "not known" : status.name().toLowerCase(java.util.Locale.ROOT))));
        } else if (status == CaseRegister.CaseStatus.OPEN_NOT_LINKED) {
            reasons.add(new DenyReason(ReasonCode.CASE_NOT_LINKED_TO_SUBJECT, "case '" + caseRef
                    + "' does not link subject '" + r.subject().subjectId() + "'"));
        }
    }

    private static Decision deny(ReasonCode code, String detail) {
        return new Decision.Deny(List.of(new DenyReason(code, detail)));
    }
}
