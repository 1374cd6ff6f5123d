package org.threadline.domain.governance.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.threadline.domain.chronology.EventRole;
import org.threadline.domain.governance.agreements.Agreement;
import org.threadline.domain.governance.agreements.DataItem;
import org.threadline.domain.governance.agreements.Grant;
import org.threadline.domain.governance.agreements.LevelOfNeed;
import org.threadline.domain.governance.agreements.Narrowing;

/**
 * An independently written answer to "which fields may be released?", for checking the decision point (GOVERNANCE.md
 * S1.1). It shares no code with it: it first enumerates every grant into a set of permitted
 * (agreement, agency, role, purpose, item, field) strings and every narrowing rule into a set of withheld
 * (agreement, item, role on event, level, field) strings, then answers by walking the declared purpose's ancestors and
 * looking the strings up. It covers live agreements, an open case, no markers and no break-glass; the property tests
 * cover the rest.
 */
final class ReferenceEvaluator {
    private static final String ABSENT = "?";
    private final List<Agreement> agreements;
    private final Set<String> granted = new HashSet<>();
    private final Set<String> withheld = new HashSet<>();

    ReferenceEvaluator(List<Agreement> agreements) {
        this.agreements = List.copyOf(agreements);
        for (Agreement a : agreements) {
            for (DataItem item : a.dataItems()) {
                for (Grant g : item.grants()) {
                    List<String> roles = g.roles().isEmpty()
                            ? a.party(g.recipient()).orElseThrow().roles() : g.roles();
                    List<String> fields = g.fields().isEmpty() ? item.fields() : g.fields();
                    for (String role : roles) {
                        for (String purpose : g.purposes()) {
                            for (String field : fields) {
                                granted.add(key(a.reference(), g.recipient(), role, purpose, item.id(), field));
                            }
                        }
                    }
                }
                for (Narrowing rule : item.narrowing()) {
                    for (String role : names(rule.subjectRoles().isEmpty() ? List.of(EventRole.values())
                            : new ArrayList<>(rule.subjectRoles()))) {
                        for (String level : names(rule.levelsOfNeed().isEmpty() ? List.of(LevelOfNeed.values())
                                : new ArrayList<>(rule.levelsOfNeed()))) {
                            for (String field : rule.withhold()) {
                                withheld.add(key(a.reference(), item.id(), role, level, field));
                            }
                        }
                    }
                }
            }
        }
    }

    /** The fields released, or none when the request would be denied. */
    Set<String> released(String agency, Set<String> roles, String purpose, String itemId, Set<String> fields,
                         Optional<EventRole> role, Optional<LevelOfNeed> level) {
        List<Agreement> holding = new ArrayList<>();
        Set<String> itemFields = new HashSet<>();
        for (Agreement a : agreements) {
            for (DataItem d : a.dataItems()) {
                if (d.id().equals(itemId)) {
                    holding.add(a);
                    itemFields.addAll(d.fields());
                }
            }
        }
        if (holding.isEmpty() || !itemFields.containsAll(fields)) {
            return Set.of();
        }
        for (Agreement a : holding) {
            for (String banned : a.prohibitedPurposes()) {
                if (purpose.equals(banned) || purpose.startsWith(banned + ".")) {
                    return Set.of();
                }
            }
        }
        List<String> ancestors = new ArrayList<>();
        for (int i = 0; i <= purpose.length(); i++) {
            if (i == purpose.length() || purpose.charAt(i) == '.') {
                ancestors.add(purpose.substring(0, i));
            }
        }
        String roleName = role.map(Enum::name).orElse(ABSENT);
        String levelName = level.map(Enum::name).orElse(ABSENT);
        Set<String> out = new HashSet<>();
        for (Agreement a : holding) {
            for (String field : fields) {
                boolean grantedHere = false;
                for (String r : roles) {
                    for (String ancestor : ancestors) {
                        grantedHere |= granted.contains(key(a.reference(), agency, r, ancestor, itemId, field));
                    }
                }
                if (grantedHere && !withheld.contains(key(a.reference(), itemId, roleName, levelName, field))) {
                    out.add(field);
                }
            }
        }
        return out;
    }

    /** Every value, plus the absent one (unknown narrows, so a rule covers it whatever it names). */
    private static List<String> names(List<? extends Enum<?>> values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(v.name()));
        out.add(ABSENT);
        return out;
    }

    private static String key(String... parts) {
        return String.join("\u0000", parts);
    }
}
