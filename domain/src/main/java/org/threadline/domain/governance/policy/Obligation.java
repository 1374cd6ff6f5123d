package org.threadline.domain.governance.policy;

import java.time.Instant;
import java.util.List;

/**
 * What the caller must do for a permit to stand; if it cannot (the audit insert fails, the notification cannot be
 * queued), it must not release the data (GOVERNANCE.md b1.5).
 */
public sealed interface Obligation {

    /** Write an audit event for the release; break-glass releases carry their own marker. */
    record Audit(boolean breakGlass) implements Obligation {
    }

    /** The practitioner records why they need this (special category or criminal-offence data, or break-glass). */
    record RecordReason(String why) implements Obligation {
    }

    /** Tell these people or parties; {@code immediate} for break-glass. */
    record Notify(List<String> whom, boolean immediate) implements Obligation {
        public Notify {
            whom = List.copyOf(whom);
        }
    }

    /** Open a retrospective review of a break-glass access, due by {@code due}. */
    record ReviewTask(Instant due) implements Obligation {
    }
}
