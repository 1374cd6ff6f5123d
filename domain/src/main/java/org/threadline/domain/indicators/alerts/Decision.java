package org.threadline.domain.indicators.alerts;

import java.util.Objects;

/** What the recipient decided, with the reason (what was done, or why nothing needed doing). */
public record Decision(Outcome outcome, String reason) {
    public enum Outcome { ACTION_TAKEN, NO_ACTION }

    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }
}
