package org.threadline.app.web.security;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.threadline.app.web.security.SignInThrottle.Key;

/**
 * Where a {@link SignInThrottle}'s counts live: in PostgreSQL ({@link StoredThrottleState}), shared by every server
 * and kept over a restart, or in this process's memory ({@link SignInThrottle#inMemory}, for the rule's own tests).
 * The throttle's rules are the same on either: only where the counts live differs (ADR 0026, amended 2026-11-27).
 */
public interface ThrottleState {
    /**
     * What is known of one key: its newest failures (oldest first), the attempts in flight (each reservation's id and
     * when it was taken), and the episode of refusals under way, if any.
     */
    final class Tracked {
        final ArrayDeque<Instant> failures = new ArrayDeque<>();
        final Map<UUID, Instant> reserved = new LinkedHashMap<>();
        long refused;
        Instant firstRefused;
        Instant lastRefused;
    }

    /**
     * Runs {@code change} on the keys' state as one atomic step: no other change to any of these keys, from this or
     * any other server, comes in between. The map holds the keys already tracked; with {@code create} (a check that
     * may reserve, or a failure) keys not yet tracked may be added to it. What the map holds afterwards is kept; a
     * key with no failure, no reservation and no episode under way may be forgotten.
     *
     * @param forgotten told of each key forgotten to bound what is kept (its episode, if any, has to be ended)
     */
    <T> T apply(List<Key> keys, boolean create, Function<Map<Key, Tracked>, T> change,
                BiConsumer<Key, Tracked> forgotten);

    /**
     * Forgets every key whose failures all happened at or before {@code since} (they left the window) and whose
     * reservations were all taken at or before {@code reservedSince} (they expired), and gives those whose episode
     * was under way. A stored key's value is not known (only its hash is kept): it is given as an empty value.
     */
    List<Map.Entry<Key, Tracked>> sweep(Instant since, Instant reservedSince);

    /** How many keys are held (for tests and monitoring). */
    int tracked();
}
