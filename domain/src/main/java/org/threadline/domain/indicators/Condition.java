package org.threadline.domain.indicators;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How an indicator combines signals: any of, all of, at least n of; a leaf uses a signal (optionally with its own
 * window or count) or another indicator's outcome. Three-valued: an insufficient-data leaf makes the whole
 * insufficient only where its answer could change the result.
 */
public sealed interface Condition {
    record AnyOf(List<Condition> of) implements Condition {
        public AnyOf {
            of = List.copyOf(of);
        }
    }

    record AllOf(List<Condition> of) implements Condition {
        public AllOf {
            of = List.copyOf(of);
        }
    }

    record AtLeastOf(Amount n, List<Condition> of) implements Condition {
        public AtLeastOf {
            Objects.requireNonNull(n, "n");
            of = List.copyOf(of);
        }
    }

    /** A signal, with the window and count the indicator gives it (else the signal's own). */
    record UseSignal(String signal, Optional<Window> window, Optional<Amount> atLeast) implements Condition {
        public UseSignal {
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(atLeast, "atLeast");
        }
    }

    /** Another indicator's outcome for the same subject (Supporting Families: three headline problems or more). */
    record UseIndicator(String indicator) implements Condition {
        public UseIndicator {
            Objects.requireNonNull(indicator, "indicator");
        }
    }
}
