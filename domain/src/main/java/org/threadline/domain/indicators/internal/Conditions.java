package org.threadline.domain.indicators.internal;

import java.util.List;
import org.threadline.domain.indicators.Condition;

/** Walking a condition tree (Java 17 has no pattern switch, so the variants are told apart here, once). */
final class Conditions {
    private Conditions() {
    }

    static List<Condition> children(Condition c) {
        if (c instanceof Condition.AnyOf a) {
            return a.of();
        }
        if (c instanceof Condition.AllOf a) {
            return a.of();
        }
        if (c instanceof Condition.AtLeastOf a) {
            return a.of();
        }
        return List.of();
    }
}
