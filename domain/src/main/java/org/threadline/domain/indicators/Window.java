package org.threadline.domain.indicators;

import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * When an event must have happened to count, relative to the as-of date or the subject's age. Events after the
 * as-of date never count, so an evaluation as of a past date sees what was known then (by event date).
 */
public sealed interface Window {
    /** The last {@code amount} days, months or years up to and including the as-of date. */
    record Last(Amount amount, ChronoUnit unit) implements Window {
        public Last {
            Objects.requireNonNull(amount, "amount");
            if (unit != ChronoUnit.DAYS && unit != ChronoUnit.MONTHS && unit != ChronoUnit.YEARS) {
                throw new IllegalArgumentException("a window is counted in days, months or years");
            }
        }
    }

    /** From the subject's birth to their 18th birthday (or the as-of date, if earlier). */
    record Childhood() implements Window {
    }

    /** Any time up to the as-of date. */
    record Ever() implements Window {
    }

    /** While the subject was younger than {@code age} (a first offence before 14). */
    record BeforeAge(Amount age) implements Window {
        public BeforeAge {
            Objects.requireNonNull(age, "age");
        }
    }

    /** Whether resolving it needs the subject's date of birth. */
    default boolean needsDateOfBirth() {
        return this instanceof Childhood || this instanceof BeforeAge;
    }
}
