package org.threadline.domain.governance.policy;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.threadline.domain.governance.agreements.Agreement;
import org.threadline.domain.governance.agreements.DataItem;
import org.threadline.domain.governance.agreements.Grant;
import org.threadline.domain.governance.agreements.Party;
import org.threadline.domain.governance.agreements.Purpose;

/** The fields the grants of the live agreements allow the requester's agency, purpose and roles. */
final class GrantMatch {
    private GrantMatch() {
    }

    static Allowance allowance(AccessRequest r, List<Agreement> agreements, List<DenyReason> reasons) {
        Map<String, Set<String>> fields = new LinkedHashMap<>();
        Set<String> notify = new LinkedHashSet<>();
        boolean toAgency = false;
        boolean forPurpose = false;
        for (Agreement a : agreements) {
            DataItem item = a.dataItem(r.dataItem()).orElseThrow();
            Optional<Party> recipient = a.party(r.principal().agency());
            for (Grant g : item.grants()) {
                if (recipient.isEmpty() || !g.recipient().equals(recipient.get().id())) {
                    continue;
                }
                toAgency = true;
                if (g.purposes().stream().noneMatch(p -> Purpose.fallsUnder(r.purpose(), p))) {
                    continue;
                }
                forPurpose = true;
                if (!holdsRole(r.principal(), g, recipient.get())) {
                    continue;
                }
                fields.computeIfAbsent(a.reference(), k -> new LinkedHashSet<>())
                        .addAll(g.fields().isEmpty() ? item.fields() : g.fields());
                if (g.notifyProvider()) {
                    notify.add(item.provider());
                }
            }
        }
        if (fields.isEmpty()) {
            reasons.add(toAgency
                    ? forPurpose
                        ? new DenyReason(ReasonCode.ROLE_NOT_GRANTED, "no grant of '" + r.dataItem() + "' to '"
                            + r.principal().agency() + "' for '" + r.purpose() + "' covers roles "
                            + r.principal().roles())
                        : new DenyReason(ReasonCode.PURPOSE_NOT_GRANTED, "'" + r.principal().agency()
                            + "' does not receive '" + r.dataItem() + "' for purpose '" + r.purpose() + "'")
                    : new DenyReason(ReasonCode.RECIPIENT_NOT_GRANTED, "'" + r.principal().agency()
                        + "' is not a recipient of '" + r.dataItem() + "'"));
            return Allowance.none();
        }
        return new Allowance(fields, notify, Optional.empty());
    }

    /** A grant without roles is for every role the recipient party defines; otherwise for the roles it names. */
    static boolean holdsRole(Principal principal, Grant g, Party recipient) {
        List<String> roles = g.roles().isEmpty() ? recipient.roles() : g.roles();
        return roles.stream().anyMatch(principal.roles()::contains);
    }
}
