package org.threadline.app.web.analyst;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.accounts.Role;
import org.threadline.domain.governance.agreements.DataItem;
import org.threadline.domain.governance.policy.AccessRequest;
import org.threadline.domain.governance.policy.Decision;
import org.threadline.domain.governance.policy.PolicyDecisionPoint;
import org.threadline.domain.governance.policy.Subject;

/**
 * Whether a viewer may see cohort counts, and why: the analyst's role, the service evaluation purpose declared, and
 * an agreement that releases counts to their agency and role. The last is the policy decision point's answer to
 * one question per data item of the agreements: may this principal have it under
 * {@value #AGGREGATE_PURPOSE} (the agreements' purpose for "counts and rates only ... cells under 10
 * suppressed")? Counts are released when at least one data item is; the agreements relied on go into the audit log.
 *
 * <p>This is coarser than a person's page, where each record is decided: the indicator results are the rule
 * engine's derived data, drawn from every feed, and the page does not yet trace which feeds an indicator reads
 * (ADR 0019 records the gap). The subject asked about is no person but the aggregate itself.
 */
public final class AggregateAccess {
    /** The agreement purpose counts are released under. */
    public static final String AGGREGATE_PURPOSE = "SERVICE_EVALUATION.AGGREGATE";
    /** The purpose an analyst declares to see counts (the purpose catalogue offers it to analysts only). */
    public static final String DECLARED_PURPOSE = "SERVICE_EVALUATION.PSEUDONYMISED";
    /** The audit log's data item for a view of cohort counts. */
    public static final String ITEM = "indicator-cohorts";

    private final PolicyDecisionPoint pdp;
    private final List<DataItem> dataItems;

    public AggregateAccess(PolicyDecisionPoint pdp, List<DataItem> dataItems) {
        this.pdp = pdp;
        this.dataItems = List.copyOf(dataItems);
    }

    /** The answer: allowed with the agreements relied on, or refused with the reason in words and its codes. */
    public sealed interface Outcome {
        record Allowed(List<String> agreements) implements Outcome {
            public Allowed {
                agreements = List.copyOf(agreements);
            }
        }

        record Refused(String reason, List<String> codes) implements Outcome {
            public Refused {
                codes = List.copyOf(codes);
            }
        }
    }

    /** Whether the journey may be offered at all: the role and the purpose (the page asks the agreements too). */
    public static Optional<Outcome.Refused> roleAndPurpose(Viewer v) {
        if (!v.account().roles().contains(Role.ANALYST)) {
            return Optional.of(new Outcome.Refused("Cohort counts are for analysts. Your roles ("
                    + String.join(", ", v.account().roles().stream().map(Role::label).sorted().toList())
                    + ") do not include it, so no counts are shown to you.", List.of("ROLE_NOT_ANALYST")));
        }
        if (!v.declared().code().equals(DECLARED_PURPOSE)) {
            return Optional.of(new Outcome.Refused("Cohort counts are for service evaluation. You declared \""
                    + v.declared().label() + "\": declare \"Evaluate services using pseudonymised data\" to see"
                    + " them.", List.of("PURPOSE_NOT_SERVICE_EVALUATION")));
        }
        return Optional.empty();
    }

    public Outcome decide(Viewer v) {
        Optional<Outcome.Refused> refused = roleAndPurpose(v);
        if (refused.isPresent()) {
            return refused.get();
        }
        Set<String> agreements = new TreeSet<>();
        Set<String> codes = new TreeSet<>();
        Set<String> asked = new TreeSet<>();
        for (DataItem item : dataItems) {
            if (!asked.add(item.id())) {
                continue;
            }
            Decision d = pdp.decide(AccessRequest.of(v.principal(), AGGREGATE_PURPOSE, Optional.empty(), item.id(),
                    Set.copyOf(item.fields()), Subject.of("AGGREGATE")));
            if (d instanceof Decision.Permit p) {
                agreements.addAll(p.agreements());
            } else {
                ((Decision.Deny) d).reasons().forEach(r -> codes.add(r.code().name()));
            }
        }
        if (!agreements.isEmpty()) {
            return new Outcome.Allowed(List.copyOf(agreements));
        }
        return new Outcome.Refused("No agreement in force releases counts (" + AGGREGATE_PURPOSE + ") to "
                + v.party() + " for your role, so no counts are shown to you.", codes.isEmpty()
                ? List.of("NO_AGGREGATE_GRANT") : List.copyOf(codes));
    }
}
