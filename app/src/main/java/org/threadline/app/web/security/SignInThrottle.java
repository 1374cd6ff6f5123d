package org.threadline.app.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.threadline.app.web.security.ThrottleState.Tracked;

/**
 * Failed sign-ins (or API authentications) counted per name and per client address in a sliding window (ADR 0026).
 * While a name or an address has {@code limit} failures within the last {@code window}, further attempts are refused
 * before anything is checked: no password hash, no key lookup, no audit entry per attempt. Refused attempts are not
 * failures: they neither extend the window nor count towards it, so the refusal lifts exactly {@code window} after
 * the oldest of the failures that caused it, however hard someone keeps trying (the wait shown is exact).
 *
 * <p>An attempt counts from the moment it is let through, not only once it has failed: the check that lets it go
 * ahead reserves a slot on each of its keys in the same atomic step that read them, and its outcome turns the slot
 * into a failure ({@link #failed(Reservation)}) or frees it ({@link #succeeded(Reservation)}, or
 * {@link #released(Reservation)} when it ended with neither). So however many attempts arrive at the same moment,
 * at most {@code limit} of them are checked per key and window (ADR 0026, amended 2026-11-27, "attempts in flight").
 * A reservation whose outcome never comes stops counting {@link #IN_FLIGHT_EXPIRY} after it was taken.
 *
 * <p>Each run of refusals for one key is an episode, audited coalesced: the caller is told when an episode starts
 * (the first refusal) and when it is over (found at the next attempt for that key after the refusal lifted, or when
 * the key is swept), with how many attempts it refused. The counts live in a {@link ThrottleState}: PostgreSQL in
 * the application (shared by every server, kept over a restart: ADR 0026 as amended on 2026-11-27), each step on a
 * key atomic there, so that two servers, or two threads, never count past one another.
 */
public final class SignInThrottle {
    /**
     * How long an attempt in flight counts at most: a reservation whose outcome never arrives (the server stopped, or
     * the request died, between the check and the outcome) stops counting this long after it was taken, so a crash
     * never locks a name or an address out for longer. A live attempt settles far sooner: its password hash takes
     * well under a second, and each of the few database steps on its way waits at most the pool's 30-second
     * connection timeout. Longer would lock out longer after a crash; shorter would let an attempt still being
     * checked stop counting, letting one more through (its failure is counted when it comes, all the same). One
     * minute is also the wait the sign-in page and the API give when the counts cannot be read.
     */
    public static final Duration IN_FLIGHT_EXPIRY = Duration.ofMinutes(1);

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

    /**
     * It may: check the password or key as usual, then give the outcome with {@code reservation}, the slot it holds
     * on each key meanwhile.
     */
    public record Allowed(Reservation reservation) implements Decision {
    }

    /** The slot an attempt in flight holds on each of its keys, from its check until its outcome. */
    public record Reservation(UUID id, List<Key> keys) {
        public Reservation {
            Objects.requireNonNull(id, "id");
            keys = List.copyOf(keys);
        }

        /** For an outcome whose attempt holds no slot (its check was not made here): it only counts the outcome. */
        public static Reservation none(List<Key> keys) {
            return new Reservation(UUID.randomUUID(), keys);
        }
    }

    /**
     * It may not, because of {@code by}; try again after {@code retryAfter}: when the refusal lifts if nothing more
     * fails (exact when no attempt is in flight; otherwise each attempt in flight is taken to end by its expiry).
     * {@code started} is true for the first refusal of an episode (the one to audit).
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
        return new SignInThrottle(clock, window, perName, perAddress, new MemoryThrottleState(maxTracked));
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
     * Whether an attempt naming these keys may go ahead now. If it may, it holds a slot on each key until its outcome
     * is given (failures and attempts in flight together may not reach the limit); a refusal is counted in its
     * episode. The first key refusing decides (the longest wait is not looked for: the page says to wait, and the next
     * attempt says again).
     */
    public Decision check(List<Key> keys) {
        Instant now = clock.instant();
        Reservation reservation = Reservation.none(keys);
        // create: the slot is taken in the same locked step as the counts are read, on a row made first if need be,
        // so that two first attempts at once lock the same row and cannot both take the last slot.
        Decision decision = keys.isEmpty() ? new Allowed(reservation) : state.apply(keys, true, tracked -> {
            for (Key k : keys) {
                Tracked t = tracked.get(k);
                if (t == null) {
                    continue;
                }
                prune(t, now);
                int limit = limit(k.scope());
                if (t.failures.size() + t.reserved.size() >= limit) {
                    boolean started = t.refused == 0;
                    if (started) {
                        t.firstRefused = now;
                    }
                    t.refused++;
                    t.lastRefused = now;
                    return new Refused(k, wait(t, limit, now), started, limit);
                }
                endEpisode(k, t);
            }
            for (Key k : keys) {
                tracked.computeIfAbsent(k, x -> new Tracked()).reserved.put(reservation.id(), now);
            }
            return new Allowed(reservation);
        }, this::endEpisode);
        // After the keys in hand: an episode of theirs that is over is ended above, with the name or address (the
        // database keeps only a hash, so the sweep could not say whose it was).
        sweep(now);
        return decision;
    }

    /**
     * The attempt failed (a wrong password, an unknown name, a wrong key): its slots become failures. A failure whose
     * reservation has expired meanwhile is counted all the same: it was checked.
     */
    public void failed(Reservation reservation) {
        List<Key> keys = reservation.keys();
        if (keys.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        state.apply(keys, true, tracked -> {
            for (Key k : keys) {
                Tracked t = tracked.computeIfAbsent(k, x -> new Tracked());
                prune(t, now);
                endEpisode(k, t);
                t.reserved.remove(reservation.id());
                t.failures.addLast(now);
                // Only the newest `limit` failures can decide anything.
                while (t.failures.size() > limit(k.scope())) {
                    t.failures.removeFirst();
                }
            }
            return null;
        }, this::endEpisode);
    }

    /** An attempt naming these keys failed, one that held no slot (the rule's tests set counts up with it). */
    public void failed(List<Key> keys) {
        failed(Reservation.none(keys));
    }

    /**
     * The attempt succeeded: its slots are freed, and its name's failures are forgotten (the address's are not; nor
     * are other attempts in flight on the name, which count until their own outcome).
     */
    public void succeeded(Reservation reservation) {
        settle(reservation, true);
    }

    /**
     * The attempt ended with neither outcome (nothing was checked, or the request broke off after a success): its
     * slots are freed, nothing else changes. Giving it after the outcome changes nothing.
     */
    public void released(Reservation reservation) {
        settle(reservation, false);
    }

    private void settle(Reservation reservation, boolean succeeded) {
        if (reservation.keys().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        state.apply(reservation.keys(), false, tracked -> {
            for (Key k : reservation.keys()) {
                Tracked t = tracked.get(k);
                if (t == null) {
                    continue;
                }
                prune(t, now);
                t.reserved.remove(reservation.id());
                if (succeeded && k.scope() == Scope.NAME) {
                    t.failures.clear();
                    endEpisode(k, t);
                }
                if (t.failures.isEmpty() && t.reserved.isEmpty() && t.refused == 0) {
                    tracked.remove(k);
                }
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
        // Abandoned: its outcome never came (ADR 0026, amended 2026-11-27).
        Instant reservedSince = now.minus(IN_FLIGHT_EXPIRY);
        t.reserved.values().removeIf(at -> !at.isAfter(reservedSince));
    }

    /**
     * How long until fewer than {@code limit} count, if nothing more fails: each failure stops counting when it
     * leaves the window, each attempt in flight at the latest when its reservation expires (sooner if it succeeds;
     * if it fails, the next attempt is told the new wait). With nothing in flight this is exact, as before.
     */
    private Duration wait(Tracked t, int limit, Instant now) {
        List<Instant> ends = new ArrayList<>();
        t.failures.forEach(f -> ends.add(f.plus(window)));
        t.reserved.values().forEach(r -> ends.add(r.plus(IN_FLIGHT_EXPIRY)));
        ends.sort(null);
        return Duration.between(now, ends.get(ends.size() - limit));
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
        for (Map.Entry<Key, Tracked> e : state.sweep(now.minus(window), now.minus(IN_FLIGHT_EXPIRY))) {
            endEpisode(e.getKey(), e.getValue());
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
