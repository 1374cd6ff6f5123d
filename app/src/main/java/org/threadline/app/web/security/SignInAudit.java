package org.threadline.app.web.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threadline.app.web.access.AgreementMapping;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.accounts.Account;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.domain.governance.audit.AuditEvent;

/**
 * Writes how people and partner systems got in, or did not, to the tamper-evident audit log (issue #7, ADR 0025):
 * every sign-in, failed sign-in, lockout, refused OIDC sign-in and refused API key or access token is one entry.
 *
 * <p>What an entry holds: the action, the time, the account, key or client when Threadline knows it (as the actor,
 * with its agency and agreement roles, as every other entry names them), the way in as the data item
 * ({@link Way}) and the reason codes. Never a password, a key's secret or a token; and never a username that is not
 * an account's, because people type their password into the username box, and this log cannot be edited for seven
 * years: an unknown name is recorded as {@value #UNKNOWN}. What is recorded of an attempted name (an OIDC username
 * or client id, an API key id) goes through {@link #attempted}: lower case, letters, digits and {@code . _ @ -} only,
 * at most {@value #LONGEST} characters, so an entry cannot carry markup, control characters or a flood of text.
 *
 * <p>A sign-in is recorded before the person is let in (if the append fails, so does the sign-in: no audit, no
 * session). A failure is recorded as well as it can be: if the append fails the caller is refused all the same, and
 * the failure to record is logged.
 */
public final class SignInAudit {
    /** The actor of an entry whose attempted name is not an account, key or client Threadline knows. */
    public static final String UNKNOWN = "unknown";
    /** The longest attempted name written; a longer one is cut and ends in {@code ~}. */
    public static final int LONGEST = 64;
    private static final Logger LOG = LoggerFactory.getLogger(SignInAudit.class);

    /** The way in, recorded as the entry's data item. */
    public enum Way {
        LOCAL("sign-in"), OIDC("sign-in:oidc"), API_KEY("api:key"), API_TOKEN("api:oidc-token");

        private final String item;

        Way(String item) {
            this.item = item;
        }

        public String item() {
            return item;
        }
    }

    private final ViewAudit audit;
    private final AgreementMapping mapping;
    private final Clock clock;

    public SignInAudit(ViewAudit audit, AgreementMapping mapping, Clock clock) {
        this.audit = audit;
        this.mapping = mapping;
        this.clock = clock;
    }

    /** Someone signed in. Throws if the entry cannot be appended: the caller must then not let them in. */
    public void signedIn(Account account, Way way) {
        audit.record(event(Optional.of(account), UNKNOWN, AuditAction.SIGN_IN, way, List.of()));
    }

    /** A sign-in failed; {@code account} is the account named, when it exists. */
    public void failed(Optional<Account> account, Way way, String reason) {
        bestEffort(event(account, UNKNOWN, AuditAction.SIGN_IN_FAILED, way, List.of(code(reason))));
    }

    /** The failure that reached the limit: the account is locked for {@code lockout}. */
    public void locked(Account account, int failures, Duration lockout) {
        bestEffort(event(Optional.of(account), UNKNOWN, AuditAction.ACCOUNT_LOCKED, Way.LOCAL,
                List.of("WRONG_PASSWORD", "FAILED_SIGN_INS_" + failures, "LOCKED_FOR_" + lockout)));
    }

    /**
     * The OpenID provider signed someone in whose claims do not let them into Threadline.
     *
     * @param providerUsername the username claim, if the token had one; recorded as {@code oidc.<name>}
     */
    public void refused(Optional<String> providerUsername, String reason) {
        String actor = providerUsername.filter(u -> !u.isBlank())
                .map(u -> attempted("oidc." + u.strip().toLowerCase(Locale.ROOT).replace('@', '_'))).orElse(UNKNOWN);
        bestEffort(event(Optional.empty(), actor, AuditAction.SIGN_IN_REFUSED, Way.OIDC, List.of(code(reason))));
    }

    /**
     * A key or token presented to the API was not accepted.
     *
     * @param account the key's or client's account, when the key or client is known (a wrong secret, a revoked key)
     * @param attempted an identifier that says which key or client was tried when it is not known (a key id, a
     *     client id), recorded after the reason; never a secret
     */
    public void apiRefused(Optional<Account> account, Way way, String reason, Optional<String> attempted) {
        List<String> reasons = new ArrayList<>(List.of(code(reason)));
        attempted.filter(a -> !a.isBlank()).ifPresent(a -> reasons.add(attempted(a)));
        bestEffort(event(account, UNKNOWN, AuditAction.API_AUTHENTICATION_FAILED, way, reasons));
    }

    /**
     * A throttle started refusing, or stopped (ADR 0026): one entry each, never one per refused attempt.
     *
     * @param action {@code SIGN_IN_THROTTLED} or {@code API_AUTHENTICATION_THROTTLED}
     * @param account the account or key the throttled name is, when Threadline knows it
     * @param reasons the codes, already in their written form ({@code THROTTLING_STARTED}, {@code BY_USERNAME} ...);
     *     an identifier ({@code address:..}, {@code key-id:..}) goes through {@link #attempted}
     */
    public void throttling(AuditAction action, Way way, Optional<Account> account, List<String> reasons) {
        bestEffort(event(account, UNKNOWN, action, way, reasons));
    }

    /**
     * A name someone else chose, as it may be written: lower case; letters, digits, '.', '_', '@' and '-' kept,
     * anything else '_'; at most {@value #LONGEST} characters, a longer one cut and ending in '~'.
     */
    public static String attempted(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(Math.min(lower.length(), LONGEST));
        for (int i = 0; i < lower.length() && out.length() < LONGEST; i++) {
            char c = lower.charAt(i);
            boolean kept = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '@'
                    || c == '-' || c == ':';
            out.append(kept ? c : '_');
        }
        if (lower.length() > LONGEST) {
            out.setCharAt(LONGEST - 1, '~');
        }
        return out.toString();
    }

    /** A reason as a code: {@code unknown-agency} becomes {@code UNKNOWN_AGENCY}. */
    static String code(String reason) {
        return attempted(reason).toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    private AuditEvent event(Optional<Account> account, String actorIfUnknown, AuditAction action, Way way,
                             List<String> reasons) {
        String actor = account.map(Account::username).orElse(actorIfUnknown);
        String agency = account.map(a -> Objects.requireNonNullElse(mapping.party(a.agency()), a.agency().name()))
                .orElse("");
        List<String> roles = account.map(a -> List.copyOf(mapping.rolesOf(a))).orElse(List.of());
        return new AuditEvent(UUID.randomUUID().toString(), clock.instant(), actor, agency, roles, "", "", action, "",
                way.item(), List.of(), reasons, "");
    }

    private void bestEffort(AuditEvent event) {
        try {
            audit.record(event);
        } catch (RuntimeException e) {
            // The caller is refused all the same; what could not be recorded is said here instead.
            LOG.error("Could not record {} ({}, {}) in the audit log: {}", event.action(), event.actor(),
                    event.reasonCodes(), e.getMessage());
        }
    }
}
