package org.threadline.domain.governance.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * The record that an entry's payload was removed at the end of its retention: when, and which REDACTION entry of
 * the log accounts for it.
 */
public record Redaction(long sequence, Instant redactedAt, long redactionEntry) {
    public Redaction {
        Objects.requireNonNull(redactedAt, "redactedAt");
    }
}
