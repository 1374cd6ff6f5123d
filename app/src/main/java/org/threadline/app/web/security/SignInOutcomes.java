package org.threadline.app.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.threadline.app.web.WebSettings;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.accounts.AccountStore;
import org.threadline.app.web.accounts.OidcSignedInUser;
import org.threadline.app.web.accounts.SignedInUser;
import org.threadline.app.web.accounts.StoredAccount;
import org.threadline.app.web.oidc.OidcSignIn;
import org.threadline.app.web.purpose.DeclaredPurpose;

/**
 * What happens after a sign-in attempt. A wrong password counts towards the lockout; every failure shows the same
 * message (whether the username exists, or the account is locked, is not revealed). Success clears the count,
 * starts the idle clock and goes to the purpose page: a purpose is declared afresh at every sign-in. Every outcome is
 * an entry in the audit log ({@link SignInAudit}): the sign-in itself before the person is let in, and each failure,
 * lockout and refusal.
 */
public class SignInOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {
    /** Session attribute read (once) by the sign-in page. */
    public static final String FAILED = SignInOutcomes.class.getName() + ".failed";
    /** Session attribute read (once) by the sign-in page: why the OpenID provider's sign-in did not let someone in. */
    public static final String REFUSED = SignInOutcomes.class.getName() + ".refused";
    private static final Logger LOG = LoggerFactory.getLogger(SignInOutcomes.class);

    private final AccountStore accounts;
    private final WebSettings settings;
    private final Clock clock;
    private final SignInAudit audit;
    private final Throttling throttling;

    public SignInOutcomes(AccountStore accounts, WebSettings settings, Clock clock, SignInAudit audit,
                          Throttling throttling) {
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
        this.audit = audit;
        this.throttling = throttling;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        boolean oidc = authentication.getPrincipal() instanceof OidcSignedInUser;
        if (authentication.getPrincipal() instanceof SignedInUser user) {
            try {
                audit.signedIn(user.account(), oidc ? SignInAudit.Way.OIDC : SignInAudit.Way.LOCAL);
            } catch (RuntimeException e) {
                // No audit entry, no session: the sign-in is undone and the person sees the error page.
                request.getSession().invalidate();
                org.springframework.security.core.context.SecurityContextHolder.clearContext();
                throw e;
            }
        }
        if (!oidc) {
            accounts.recordSuccess(authentication.getName());
            // The slots the attempt held are freed; without any (the filter did not see it), the name's failures are
            // forgotten all the same.
            throttling.succeeded(SignInThrottleFilter.takeReservation(request).orElseGet(() ->
                    SignInThrottle.Reservation.none(throttling.keys(Optional.of(authentication.getName()),
                            request.getRemoteAddr()))));
        }
        // The session id has changed but its attributes survive: a purpose declared by whoever was signed in
        // before must not carry over to this sign-in.
        request.getSession().removeAttribute(DeclaredPurpose.SESSION_ATTRIBUTE);
        IdleTimeout.start(request.getSession(), clock.instant());
        response.sendRedirect(request.getContextPath() + "/purpose");
    }

    /**
     * A sign-in through the OpenID provider that did not let the person in: their claims named no agency or role
     * Threadline knows (logged, with who, by {@link org.threadline.app.web.oidc.OidcSignIn}), or the provider's
     * answer failed a check (logged here). The sign-in page then says why, once.
     */
    public void onProviderFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String reason;
        if (exception instanceof OAuth2AuthenticationException e
                && e.getError().getErrorCode().startsWith(OidcSignIn.REFUSED_PREFIX)) {
            reason = e.getError().getDescription();
        } else {
            String code = exception instanceof OAuth2AuthenticationException e ? e.getError().getErrorCode()
                    : exception.getClass().getSimpleName();
            LOG.warn("OIDC sign-in failed ({}): {}", code, exception.getMessage());
            audit.failed(Optional.empty(), SignInAudit.Way.OIDC, code);
            reason = "Signing in through your organisation did not complete (" + code + "). Try again; if it"
                    + " happens again, tell your Threadline administrator.";
        }
        request.getSession().setAttribute(REFUSED, reason);
        response.sendRedirect(request.getContextPath() + "/sign-in");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String username = request.getParameter("username");
        // Every failure of the form counts towards the throttle (ADR 0026): unknown names as much as known ones, so
        // being throttled says nothing about whether an account exists.
        // Its slots become failures, first of all: a wrong password checked is never left uncounted.
        throttling.failed(SignInThrottleFilter.takeReservation(request).orElseGet(() ->
                SignInThrottle.Reservation.none(throttling.keys(Optional.ofNullable(username),
                        request.getRemoteAddr()))));
        // A name longer than any account's is not looked up (nor written anywhere): it cannot be an account.
        Optional<Account> named = username == null || username.length() > SignInAudit.LONGEST ? Optional.empty()
                : accounts.find(username).map(StoredAccount::account);
        if (named.isEmpty()) {
            audit.failed(Optional.empty(), SignInAudit.Way.LOCAL, "UNKNOWN_USERNAME");
        } else if (exception instanceof BadCredentialsException) {
            boolean locked = accounts.recordFailure(username, clock.instant(), settings.maxFailedSignIns(),
                    settings.lockout());
            if (locked) {
                // Usernames are not personal data of the people Threadline is about; the log says who was locked.
                LOG.warn("Account {} locked for {} after {} failed sign-ins", username, settings.lockout(),
                        settings.maxFailedSignIns());
                audit.locked(named.get(), settings.maxFailedSignIns(), settings.lockout());
            } else {
                audit.failed(named, SignInAudit.Way.LOCAL, "WRONG_PASSWORD");
            }
        } else {
            audit.failed(named, SignInAudit.Way.LOCAL, exception instanceof LockedException ? "ACCOUNT_IS_LOCKED"
                    : exception instanceof DisabledException ? "ACCOUNT_DISABLED"
                    : exception.getClass().getSimpleName());
        }
        request.getSession().setAttribute(FAILED, Boolean.TRUE);
        response.sendRedirect(request.getContextPath() + "/sign-in");
    }
}
