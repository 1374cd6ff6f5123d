package org.threadline.domain.indicators;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A condition on one fact of an event. Text compares ignoring case and surrounding space (feeds drift in case);
 * {@code HAS_ANY} reads a coded list ({@code "2B,4B,16A"}, {@code "A|B"}, {@code "A;B"}) item by item.
 */
public record FactTest(String fact, Op op, List<String> values, Optional<Amount> number) {
    /** How the fact is compared. */
    public enum Op {
        /** Equals one of the values (one value: equals it). */
        IN,
        /** One of the list's items equals one of the values. */
        HAS_ANY,
        /** Contains one of the values as text. */
        CONTAINS,
        /** Starts with one of the values. */
        STARTS_WITH,
        /** Is not blank. */
        PRESENT,
        /** Is a number at least {@code number}. */
        AT_LEAST
    }

    public FactTest {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(op, "op");
        values = List.copyOf(values);
        Objects.requireNonNull(number, "number");
    }

    /** As the published rule table shows it. */
    public String describe() {
        return switch (op) {
            case IN -> fact + (values.size() == 1 ? " = " + values.get(0) : " in " + values);
            case HAS_ANY -> fact + " lists any of " + values;
            case CONTAINS -> fact + " contains " + String.join(" or ", values);
            case STARTS_WITH -> fact + " starts with " + String.join(" or ", values);
            case PRESENT -> fact + " recorded";
            case AT_LEAST -> fact + " ≥ " + number.map(Amount::toString).orElse("?");
        };
    }
}
