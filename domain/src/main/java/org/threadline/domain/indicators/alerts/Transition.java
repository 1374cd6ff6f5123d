package org.threadline.domain.indicators.alerts;

import java.util.Objects;

/** The result of asking an alert to take a step: the alert after it, or the reason it was refused. */
public sealed interface Transition {
    record Done(Alert alert) implements Transition {
        public Done {
            Objects.requireNonNull(alert, "alert");
        }
    }

    record Refused(String reason) implements Transition {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
