package org.threadline.domain.governance.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.threadline.domain.governance.agreements.BreakGlassRule;

/**
 * What the grants (or a break-glass rule) allow a request before narrowing: the fields by agreement version (each
 * agreement narrows only what it grants), the providers to notify, and the break-glass rule used, if any.
 */
record Allowance(Map<String, Set<String>> fieldsByAgreement, Set<String> notifyProviders,
                 Optional<BreakGlassRule> breakGlassRule) {
    Allowance {
        fieldsByAgreement = Collections.unmodifiableMap(new LinkedHashMap<>(fieldsByAgreement));
        notifyProviders = Set.copyOf(new LinkedHashSet<>(notifyProviders));
    }

    static Allowance none() {
        return new Allowance(Map.of(), Set.of(), Optional.empty());
    }

    List<String> agreements() {
        return List.copyOf(fieldsByAgreement.keySet());
    }

    boolean isEmpty() {
        return fieldsByAgreement.values().stream().allMatch(Set::isEmpty);
    }
}
