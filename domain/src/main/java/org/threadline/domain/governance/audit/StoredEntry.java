package org.threadline.domain.governance.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of a stored log exactly as read back, trusted for nothing: the verifier recomputes every hash from it.
 *
 * @param sequence the stored position
 * @param time the stored event time
 * @param action the stored action name (kept as text: a tampered row may hold a name no action has)
 * @param retainUntil the stored end of retention
 * @param payloadHash the stored payload commitment
 * @param leafHash the stored leaf hash
 * @param payload the payload, its absence, or why it could not be read
 */
public record StoredEntry(long sequence, Instant time, String action, Instant retainUntil, byte[] payloadHash,
        byte[] leafHash, Payload payload) {
    public StoredEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(retainUntil, "retainUntil");
        Objects.requireNonNull(payloadHash, "payloadHash");
        Objects.requireNonNull(leafHash, "leafHash");
        Objects.requireNonNull(payload, "payload");
    }

    /** What the row holds of the event itself. */
    public sealed interface Payload {
    }

    /** The event and the salt of its commitment. */
    public record Present(AuditEvent event, byte[] salt) implements Payload {
    }

    /** Removed at the end of retention (or by someone who should not have). */
    public record Removed() implements Payload {
    }

    /** There, but not an event (edited into something unreadable). */
    public record Unreadable(String why) implements Payload {
    }
}
