package org.threadline.domain.governance.policy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.threadline.domain.governance.agreements.DataItem;
import org.threadline.domain.governance.agreements.Narrowing;

/**
 * Fields withheld because of who the subject is on the event and their level of need. A rule applies when every
 * condition it names holds; a condition on a role or level the request does not state holds (unknown narrows).
 */
final class Narrowings {
    private Narrowings() {
    }

    static Set<String> withheld(List<DataItem> items, Subject subject) {
        Set<String> out = new LinkedHashSet<>();
        for (DataItem item : items) {
            for (Narrowing rule : item.narrowing()) {
                if (applies(rule, subject)) {
                    out.addAll(rule.withhold());
                }
            }
        }
        return out;
    }

    static boolean applies(Narrowing rule, Subject subject) {
        boolean role = rule.subjectRoles().isEmpty() || subject.roleOnEvent().isEmpty()
                || rule.subjectRoles().contains(subject.roleOnEvent().get());
        boolean level = rule.levelsOfNeed().isEmpty() || subject.levelOfNeed().isEmpty()
                || rule.levelsOfNeed().contains(subject.levelOfNeed().get());
        return role && level;
    }
}
