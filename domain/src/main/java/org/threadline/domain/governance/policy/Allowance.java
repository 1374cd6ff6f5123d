package org.threadline.domain.governance.policy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.threadline.domain.governance.agreements.BreakGlassRule;

/**
 * What the grants (or a break-glass rule) allow a request before narrowing: the fields, the agreement versions
 * they come from, the providers to notify, and the break-glass rule used, if any.
 */
record Allowance(Set<String> fields, List<String> agreements, Set<String> notifyProviders,
                 Optional<BreakGlassRule> breakGlassRule) {
    Allowance {
        fields = Set.copyOf(fields);
        agreements = List.copyOf(agreements);
        notifyProviders = Set.copyOf(new LinkedHashSet<>(notifyProviders));
    }

    static Allowance none() {
        return new Allowance(Set.of(), List.of(), Set.of(), Optional.empty());
    }
}
