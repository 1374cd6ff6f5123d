package org.threadline.domain.governance.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.threadline.domain.governance.agreements.BreakGlassRule;
import org.threadline.domain.governance.agreements.DataItem;

/** The obligations a permit carries; the audit obligation always comes first. */
final class Obligations {
    private Obligations() {
    }

    static List<Obligation> of(AccessRequest r, List<DataItem> items, Allowance allowance, Instant now) {
        List<Obligation> out = new ArrayList<>();
        boolean breakGlass = allowance.breakGlassRule().isPresent();
        out.add(new Obligation.Audit(breakGlass));
        if (breakGlass) {
            BreakGlassRule rule = allowance.breakGlassRule().get();
            BreakGlassClaim claim = r.breakGlass().orElseThrow();
            out.add(new Obligation.RecordReason(claim.reasonCode() + ": " + claim.reason()));
            out.add(new Obligation.Notify(rule.notifyOnUse(), true));
            out.add(new Obligation.ReviewTask(now.plus(rule.reviewWithin())));
            return out;
        }
        boolean sensitive = items.stream().anyMatch(d -> d.specialCategory().isPresent() || d.criminalOffenceData());
        if (sensitive) {
            out.add(new Obligation.RecordReason("special category or criminal offence data: record why it is needed"));
        }
        if (!allowance.notifyProviders().isEmpty()) {
            out.add(new Obligation.Notify(allowance.notifyProviders().stream().sorted().toList(), false));
        }
        return out;
    }
}
