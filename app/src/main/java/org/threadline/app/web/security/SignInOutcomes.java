package org.threadline.app.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.threadline.app.web.WebSettings;
import org.threadline.app.web.accounts.AccountStore;

/**
 * What happens after a sign-in attempt. A wrong password counts towards the lockout; every failure shows the same
 * message (whether the username exists, or the account is locked, is not revealed). Success clears the count,
 * starts the idle clock and goes to the purpose page: a purpose is declared afresh at every sign-in.
 */
public class SignInOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {
    /** Session attribute read (once) by the sign-in page. */
    public static final String FAILED = SignInOutcomes.class.getName() + ".failed";
    private static final Logger LOG = LoggerFactory.getLogger(SignInOutcomes.class);

    private final AccountStore accounts;
    private final WebSettings settings;
    private final Clock clock;

    public SignInOutcomes(AccountStore accounts, WebSettings settings, Clock clock) {
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        accounts.recordSuccess(authentication.getName());
        IdleTimeout.start(request.getSession(), clock.instant());
        response.sendRedirect(request.getContextPath() + "/purpose");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String username = request.getParameter("username");
        if (exception instanceof BadCredentialsException && username != null) {
            boolean locked = accounts.recordFailure(username, clock.instant(), settings.maxFailedSignIns(),
                    settings.lockout());
            if (locked) {
                // Usernames are not personal data of the people Threadline is about; the log says who was locked.
                LOG.warn("Account {} locked for {} after {} failed sign-ins", username, settings.lockout(),
                        settings.maxFailedSignIns());
            }
        }
        request.getSession().setAttribute(FAILED, Boolean.TRUE);
        response.sendRedirect(request.getContextPath() + "/sign-in");
    }
}
