package org.threadline.app.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Failed sign-ins (or API authentications) counted per name and per client address in a sliding window (ADR 0026).
 * While a name or an address has {@code limit} failures within the last {@code window}, further attempts are refused
 * before anything is checked: no password hash, no key lookup, no audit entry per attempt. Refused attempts are not
 * failures: they neither extend the window nor count towards it, so the refusal lifts exactly {@code window} after
 * the oldest of the failures that caused it, however hard someone keeps trying (the wait shown is exact).
 *
 * <p>Each run of refusals for one key is an episode, audited coalesced: the caller is told when an episode starts
 * (the first refusal) and when it is over (found at the next attempt for that key after the refusal lifted, or when
 * the key is swept), with how many attempts it refused. The state is in memory (one node; a restart forgets it, and
 * the lockout of ADR 0025 still holds in the database); at most {@code maxTracked} keys are kept, the least recently
 * seen forgotten first, so a flood of made-up names cannot exhaust memory.
 */
public final class SignInThrottle {
    /** What a count is kept for: the name tried (a username, an API key id) or the client address. */
    public enum Scope {
        NAME, ADDRESS
    }

    /** One counted thing. */
    public record Key(Scope scope, String value) {
        public Key {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Whether an attempt may go ahead. */
    public sealed interface Decision permits Allowed, Refused {
    }

    /** It may: check the password or key as usual. */
    public record Allowed() implements Decision {
    }

    /**
     * It may not, because of {@code by}; try again after {@code retryAfter}. {@code started} is true for the first refusal
     * of an episode (the one to audit).
     */
    public record Refused(Key by, Duration retryAfter, boolean started, int limit) implements Decision {
    }

    /** A run of refusals for one key that is over: how many attempts it refused, from when to when. */
    public record Episode(Key key, long refused, Instant firstRefused, Instant lastRefused, int limit) {
    }

    private static final class Tracked {
        final ArrayDeque<Instant> failures = new ArrayDeque<>();
        long refused;
        Instant firstRefused;
        Instant lastRefused;
    }

    private final Clock clock;
    private final Duration window;
    private final int perName;
    private final int perAddress;
    private final int maxTracked;
    private final Map<Key, Tracked> tracked = new LinkedHashMap<>(256, 0.75f, true);
    private final List<Episode> ended = new ArrayList<>();
    private Instant lastSweep = Instant.MIN;

    public SignInThrottle(Clock clock, Duration window, int perName, int perAddress, int maxTracked) {
        this.clock = clock;
        this.window = window;
        this.perName = perName;
        this.perAddress = perAddress;
        this.maxTracked = maxTracked;
    }

    public Duration window() {
        return window;
    }

    public int limit(Scope scope) {
        return scope == Scope.NAME ? perName : perAddress;
    }

    /**
     * Whether an attempt naming these keys may go ahead now; a refusal is counted in its episode. The first key
     * refusing decides (the longest wait is not looked for: the page says to wait, and the next attempt says again).
     */
    public synchronized Decision check(List<Key> keys) {
        Instant now = clock.instant();
        sweep(now);
        for (Key k : keys) {
            Tracked t = tracked.get(k);
            if (t == null) {
                continue;
            }
            prune(t, now);
            int limit = limit(k.scope());
            if (t.failures.size() >= limit) {
                boolean started = t.refused == 0;
                if (started) {
                    t.firstRefused = now;
                }
                t.refused++;
                t.lastRefused = now;
                return new Refused(k, Duration.between(now, t.failures.peekFirst().plus(window)), started, limit);
            }
            endEpisode(k, t);
        }
        return new Allowed();
    }

    /** An attempt naming these keys failed (a wrong password, an unknown name, a wrong key). */
    public synchronized void failed(List<Key> keys) {
        Instant now = clock.instant();
        for (Key k : keys) {
            Tracked t = tracked.computeIfAbsent(k, x -> new Tracked());
            prune(t, now);
            endEpisode(k, t);
            t.failures.addLast(now);
            // Only the newest `limit` failures can decide anything.
            while (t.failures.size() > limit(k.scope())) {
                t.failures.removeFirst();
            }
        }
        while (tracked.size() > maxTracked) {
            Iterator<Map.Entry<Key, Tracked>> it = tracked.entrySet().iterator();
            Map.Entry<Key, Tracked> eldest = it.next();
            endEpisode(eldest.getKey(), eldest.getValue());
            it.remove();
        }
    }

    /** The name signed in: its failures are forgotten (the address's are not). */
    public synchronized void succeeded(Key key) {
        Tracked t = tracked.remove(key);
        if (t != null) {
            endEpisode(key, t);
        }
    }

    /** The episodes that ended since the last call, for the audit log; each is given once. */
    public synchronized List<Episode> drainEnded() {
        List<Episode> out = List.copyOf(ended);
        ended.clear();
        return out;
    }

    /** How many keys are held (for tests and monitoring). */
    public synchronized int tracked() {
        return tracked.size();
    }

    private void prune(Tracked t, Instant now) {
        Instant since = now.minus(window);
        while (!t.failures.isEmpty() && !t.failures.peekFirst().isAfter(since)) {
            t.failures.removeFirst();
        }
    }

    private void endEpisode(Key k, Tracked t) {
        if (t.refused > 0) {
            ended.add(new Episode(k, t.refused, t.firstRefused, t.lastRefused, limit(k.scope())));
            t.refused = 0;
            t.firstRefused = null;
            t.lastRefused = null;
        }
    }

    /** At most once a second: forget keys whose failures have all left the window, ending their episodes. */
    private void sweep(Instant now) {
        if (!lastSweep.equals(Instant.MIN) && now.isBefore(lastSweep.plusSeconds(1))) {
            return;
        }
        lastSweep = now;
        Iterator<Map.Entry<Key, Tracked>> it = tracked.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, Tracked> e = it.next();
            prune(e.getValue(), now);
            if (e.getValue().failures.isEmpty()) {
                endEpisode(e.getKey(), e.getValue());
                it.remove();
            }
        }
    }

    /** The wait in words for a page: "3 minutes", "1 minute", "45 seconds" (rounded up, never zero). */
    public static String words(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        if (seconds < 60) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        long minutes = (seconds + 59) / 60;
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    static Optional<Key> name(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Key(Scope.NAME, SignInAudit.attempted(raw.strip())));
    }
}
