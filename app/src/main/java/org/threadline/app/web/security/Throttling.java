package org.threadline.app.web.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.security.SignInThrottle.Decision;
import org.threadline.app.web.security.SignInThrottle.Episode;
import org.threadline.app.web.security.SignInThrottle.Key;
import org.threadline.app.web.security.SignInThrottle.Refused;
import org.threadline.app.web.security.SignInThrottle.Reservation;
import org.threadline.app.web.security.SignInThrottle.Scope;
import org.threadline.app.web.security.SignInThrottle.Unavailable;
import org.threadline.domain.governance.audit.AuditAction;

/**
 * One channel's throttle (the sign-in form, or the API's keys and tokens) with its audit (ADR 0026): asks the
 * {@link SignInThrottle}, and writes the coalesced entries, one when a name or an address starts being refused and
 * one when it stops, with the number refused. Between the two, nothing is written per attempt.
 *
 * <p>The entries' reason codes: {@code THROTTLING_STARTED} or {@code THROTTLING_ENDED}; {@code BY_USERNAME},
 * {@code BY_API_KEY} or {@code BY_ADDRESS}; {@code LIMIT_<n>_FAILED_IN_<window>}; then {@code RETRY_AFTER_<s>S} on the
 * start, {@code REFUSED_<n>} on the end; and, for an API key id that names no key, {@code key-id:<hex>}. The client
 * address is not written to the audit log (ADR 0025 keeps staff addresses out of it): a {@code BY_ADDRESS} entry says
 * that one address was refused, and the application log names it. A throttled username that is an account is the entry's actor; one
 * that is not is {@code unknown} and never written (ADR 0025: people type passwords into the username box).
 *
 * <p>The counts are in PostgreSQL ({@link StoredThrottleState}); if they cannot be read, the attempt is refused
 * unchecked ({@link Unavailable}): deny by default, and nothing is counted, so it lifts when the database answers.
 */
public final class Throttling {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Throttling.class);
    /** Where the attempts come from. */
    public enum Channel {
        SIGN_IN(AuditAction.SIGN_IN_THROTTLED, SignInAudit.Way.LOCAL, "BY_USERNAME"),
        API(AuditAction.API_AUTHENTICATION_THROTTLED, SignInAudit.Way.API_KEY, "BY_API_KEY");

        final AuditAction action;
        final SignInAudit.Way way;
        final String byName;

        Channel(AuditAction action, SignInAudit.Way way, String byName) {
            this.action = action;
            this.way = way;
            this.byName = byName;
        }
    }

    private final SignInThrottle throttle;
    private final SignInAudit audit;
    private final Channel channel;
    private final Function<String, Optional<Account>> accountOf;
    /** When a throttle that could not be read was last audited (once a minute at most). */
    private Instant lastUnavailableAudited;

    /**
     * @param accountOf the account a throttled name is, if it is one (a username's account; an API key's account by
     *     its key id)
     */
    public Throttling(SignInThrottle throttle, SignInAudit audit, Channel channel,
                      Function<String, Optional<Account>> accountOf) {
        this.throttle = throttle;
        this.audit = audit;
        this.channel = channel;
        this.accountOf = accountOf;
    }

    public SignInThrottle throttle() {
        return throttle;
    }

    /** The keys of an attempt: the name tried, if any, and the client address. */
    public List<Key> keys(Optional<String> name, String address) {
        List<Key> out = new ArrayList<>(2);
        name.flatMap(SignInThrottle::name).ifPresent(out::add);
        out.add(new Key(Scope.ADDRESS, address == null ? "" : address));
        return out;
    }

    /**
     * Whether the attempt may go ahead; if it may, the {@link SignInThrottle.Allowed} holds its slots, to be given
     * back with its outcome ({@link #failed}, {@link #succeeded}) or, if it ends with neither, {@link #released}.
     * Audits a refusal that starts an episode, and episodes that ended. If the counts cannot be read (the
     * database), the attempt is refused ({@link Unavailable}): deny by default. That is
     * logged, and audited at most once a minute per server if the audit log can be written (a flood of attempts
     * while the database is down must not become a flood of entries when it is back).
     */
    public Decision check(List<Key> keys) {
        Decision d;
        try {
            d = throttle.check(keys);
        } catch (RuntimeException e) {
            return unavailable(e);
        }
        if (d instanceof Refused r && r.started()) {
            List<String> reasons = new ArrayList<>(List.of("THROTTLING_STARTED", by(r.by()), limit(r.limit()),
                    "RETRY_AFTER_" + Math.max(1, r.retryAfter().toSeconds()) + "S"));
            record(r.by(), reasons);
        }
        recordEnded();
        return d;
    }

    /**
     * The attempt failed. If the failure cannot be counted (the database), that is logged and the caller goes on:
     * the attempt has already been refused, and the next one is refused unchecked while the counts cannot be read
     * (its slot, if the database kept it, counts until it expires).
     */
    public void failed(Reservation reservation) {
        try {
            throttle.failed(reservation);
        } catch (RuntimeException e) {
            LOG.error("{}: a failed attempt could not be counted: {}", channel.action, e.getMessage());
        }
        recordEnded();
    }

    /**
     * The attempt succeeded: its slots are freed and its name's failures forgotten; if that cannot be written (the
     * database), it is logged, not fatal (the slots expire).
     */
    public void succeeded(Reservation reservation) {
        try {
            throttle.succeeded(reservation);
        } catch (RuntimeException e) {
            LOG.error("{}: the failures of a name that signed in could not be forgotten: {}", channel.action,
                    e.getMessage());
        }
        recordEnded();
    }

    /**
     * The attempt ended with neither outcome: its slots are freed. If that cannot be written, it is logged, not
     * fatal: they expire ({@link SignInThrottle#IN_FLIGHT_EXPIRY}).
     */
    public void released(Reservation reservation) {
        try {
            throttle.released(reservation);
        } catch (RuntimeException e) {
            LOG.error("{}: the slots of an attempt that ended unchecked could not be freed: {}", channel.action,
                    e.getMessage());
        }
        recordEnded();
    }

    private Decision unavailable(RuntimeException e) {
        LOG.error("{}: the throttle's counts could not be read, so the attempt is refused: {}", channel.action,
                e.getMessage());
        Instant now = throttle.now();
        boolean audit;
        synchronized (this) {
            audit = lastUnavailableAudited == null || !now.isBefore(lastUnavailableAudited.plusSeconds(60));
            if (audit) {
                lastUnavailableAudited = now;
            }
        }
        if (audit) {
            this.audit.throttling(channel.action, channel.way, Optional.empty(),
                    List.of("THROTTLE_UNAVAILABLE", "REFUSED_UNCHECKED"));
        }
        return new Unavailable();
    }

    private void recordEnded() {
        for (Episode e : throttle.drainEnded()) {
            record(e.key(), new ArrayList<>(List.of("THROTTLING_ENDED", by(e.key()), limit(e.limit()),
                    "REFUSED_" + e.refused())));
        }
    }

    private void record(Key key, List<String> reasons) {
        Optional<Account> account = Optional.empty();
        if (key.scope() == Scope.ADDRESS) {
            // Not in the audit log (ADR 0025: a member of staff's address is their personal data, in a log kept
            // for seven years); the application log has it, as the reverse proxy's access log does.
            // One swept from the database has no value (only its hash is kept): the start's line named it.
            LOG.warn("{} {} for client address {}: {}", channel.action, reasons.get(0),
                    key.value().isEmpty() ? "(not kept)" : key.value(), reasons);
        } else {
            // An episode swept from the database has no name (only its hash is kept): written as unknown.
            account = key.value().isEmpty() ? Optional.empty() : accountOf.apply(key.value());
            if (account.isEmpty() && channel == Channel.API && !key.value().isEmpty()) {
                reasons.add(SignInAudit.attempted("key-id:" + key.value()));
            }
        }
        audit.throttling(channel.action, channel.way, account, reasons);
    }

    private String by(Key key) {
        return key.scope() == Scope.ADDRESS ? "BY_ADDRESS" : channel.byName;
    }

    private String limit(int limit) {
        return "LIMIT_" + limit + "_FAILED_IN_" + throttle.window();
    }
}
