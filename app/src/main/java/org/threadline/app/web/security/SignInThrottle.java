package org.threadline.app.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.threadline.app.web.security.ThrottleState.Tracked;

/**
 * Failed sign-ins (or API authentications) counted per name and per client address in a sliding window (ADR 0026).
 * While a name or an address has {@code limit} failures within the last {@code window}, further attempts are refused
 * before anything is checked: no password hash, no key lookup, no audit entry per attempt. Refused attempts are not
 * failures: they neither extend the window nor count towards it, so the refusal lifts exactly {@code window} after
 * the oldest of the failures that caused it, however hard someone keeps trying (the wait shown is exact).
 *
 * <p>Each run of refusals for one key is an episode, audited coalesced: the caller is told when an episode starts
 * (the first refusal) and when it is over (found at the next attempt for that key after the refusal lifted, or when
 * the key is swept), with how many attempts it refused. The counts live in a {@link ThrottleState}: PostgreSQL in
 * the application (shared by every server, kept over a restart: ADR 0026 as amended on 2026-11-27), each step on a
 * key atomic there, so that two servers, or two threads, never count past one another.
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
    public sealed interface Decision permits Allowed, Refused, Unavailable {
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

    /**
     * It may not, because the counts could not be read (the database is unreachable): deny by default, never let an
     * unchecked attempt through. Nothing is remembered of it, so the next attempt, once the counts can be read
     * again, is decided as usual: no one is locked out for longer than the database is.
     */
    public record Unavailable() implements Decision {
    }

    /** A run of refusals for one key that is over: how many attempts it refused, from when to when. */
    public record Episode(Key key, long refused, Instant firstRefused, Instant lastRefused, int limit) {
    }

    private final Clock clock;
    private final Duration window;
    private final int perName;
    private final int perAddress;
    private final ThrottleState state;
    private final List<Episode> ended = new ArrayList<>();
    private Instant lastSweep = Instant.MIN;

    /** Counts kept in {@code state}: PostgreSQL for the application ({@link StoredThrottleState}). */
    public SignInThrottle(Clock clock, Duration window, int perName, int perAddress, ThrottleState state) {
        this.clock = clock;
        this.window = window;
        this.perName = perName;
        this.perAddress = perAddress;
        this.state = state;
    }

    /**
     * Counts kept in this process's memory, at most {@code maxTracked} keys, the least recently seen forgotten first:
     * for the rule's own tests, which need no database. The application keeps them in PostgreSQL.
     */
    public static SignInThrottle inMemory(Clock clock, Duration window, int perName, int perAddress, int maxTracked) {
        return new SignInThrottle(clock, window, perName, perAddress, new Memory(maxTracked));
    }

    /** The time on the throttle's clock. */
    public Instant now() {
        return clock.instant();
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
    public Decision check(List<Key> keys) {
        Instant now = clock.instant();
        Decision decision = keys.isEmpty() ? new Allowed() : state.apply(keys, false, tracked -> {
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
        }, this::endEpisode);
        // After the keys in hand: an episode of theirs that is over is ended above, with the name or address (the
        // database keeps only a hash, so the sweep could not say whose it was).
        sweep(now);
        return decision;
    }

    /** An attempt naming these keys failed (a wrong password, an unknown name, a wrong key). */
    public void failed(List<Key> keys) {
        if (keys.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        state.apply(keys, true, tracked -> {
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
            return null;
        }, this::endEpisode);
    }

    /** The name signed in: its failures are forgotten (the address's are not). */
    public void succeeded(Key key) {
        state.apply(List.of(key), false, tracked -> {
            Tracked t = tracked.remove(key);
            if (t != null) {
                endEpisode(key, t);
            }
            return null;
        }, this::endEpisode);
    }

    /** The episodes that ended since the last call, for the audit log; each is given once. */
    public synchronized List<Episode> drainEnded() {
        List<Episode> out = List.copyOf(ended);
        ended.clear();
        return out;
    }

    /** How many keys are held (for tests and monitoring). */
    public int tracked() {
        return state.tracked();
    }

    private void prune(Tracked t, Instant now) {
        Instant since = now.minus(window);
        while (!t.failures.isEmpty() && !t.failures.peekFirst().isAfter(since)) {
            t.failures.removeFirst();
        }
    }

    private void endEpisode(Key k, Tracked t) {
        if (t.refused > 0) {
            synchronized (this) {
                ended.add(new Episode(k, t.refused, t.firstRefused, t.lastRefused, limit(k.scope())));
            }
            t.refused = 0;
            t.firstRefused = null;
            t.lastRefused = null;
        }
    }

    /**
     * At most once a second (per server): forget keys whose failures have all left the window, ending their
     * episodes. On PostgreSQL one server's sweep forgets them for all, and only that server writes the ends.
     */
    private void sweep(Instant now) {
        synchronized (this) {
            if (!lastSweep.equals(Instant.MIN) && now.isBefore(lastSweep.plusSeconds(1))) {
                return;
            }
            lastSweep = now;
        }
        for (Map.Entry<Key, Tracked> e : state.sweep(now.minus(window))) {
            endEpisode(e.getKey(), e.getValue());
        }
    }

    /** The counts in this process's memory: the least recently seen key forgotten first beyond {@code maxTracked}. */
    private static final class Memory implements ThrottleState {
        private final int maxTracked;
        private final Map<Key, Tracked> tracked = new LinkedHashMap<>(256, 0.75f, true);

        Memory(int maxTracked) {
            this.maxTracked = maxTracked;
        }

        @Override
        public synchronized <T> T apply(List<Key> keys, boolean create, Function<Map<Key, Tracked>, T> change,
                                        BiConsumer<Key, Tracked> forgotten) {
            Map<Key, Tracked> some = new HashMap<>();
            for (Key k : keys) {
                Tracked t = tracked.get(k);
                if (t != null) {
                    some.put(k, t);
                }
            }
            T out = change.apply(some);
            for (Key k : keys) {
                Tracked t = some.get(k);
                if (t == null) {
                    tracked.remove(k);
                } else {
                    tracked.put(k, t);
                }
            }
            while (tracked.size() > maxTracked) {
                Iterator<Map.Entry<Key, Tracked>> it = tracked.entrySet().iterator();
                Map.Entry<Key, Tracked> eldest = it.next();
                forgotten.accept(eldest.getKey(), eldest.getValue());
                it.remove();
            }
            return out;
        }

        @Override
        public synchronized List<Map.Entry<Key, Tracked>> sweep(Instant since) {
            List<Map.Entry<Key, Tracked>> out = new ArrayList<>();
            Iterator<Map.Entry<Key, Tracked>> it = tracked.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<Key, Tracked> e = it.next();
                Tracked t = e.getValue();
                while (!t.failures.isEmpty() && !t.failures.peekFirst().isAfter(since)) {
                    t.failures.removeFirst();
                }
                if (t.failures.isEmpty()) {
                    out.add(Map.entry(e.getKey(), t));
                    it.remove();
                }
            }
            return out;
        }

        @Override
        public synchronized int tracked() {
            return tracked.size();
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
