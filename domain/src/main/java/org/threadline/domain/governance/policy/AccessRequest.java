package org.threadline.domain.governance.policy;

import java.util.Optional;
import java.util.Set;

/**
 * One read of personal data to decide: who asks, for which declared purpose, under which case, for which fields of
 * which data item, about whom, and whether as break-glass. The time is the decision point's clock, never the
 * caller's. Nothing is checked on construction, so that a request with a missing part reaches the decision point
 * and is denied with a reason rather than failing somewhere else.
 */
public record AccessRequest(Principal principal, String purpose, Optional<String> caseReference, String dataItem,
                            Set<String> fields, Subject subject, Optional<BreakGlassClaim> breakGlass) {
    public AccessRequest {
        fields = fields == null ? null : Set.copyOf(fields);
    }

    /** A request without break-glass. */
    public static AccessRequest of(Principal principal, String purpose, Optional<String> caseReference,
                                   String dataItem, Set<String> fields, Subject subject) {
        return new AccessRequest(principal, purpose, caseReference, dataItem, fields, subject, Optional.empty());
    }
}
