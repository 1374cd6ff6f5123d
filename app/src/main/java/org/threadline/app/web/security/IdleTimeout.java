package org.threadline.app.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session that has not been used for the configured idle time, and says so. Measured with the
 * injected clock (so tests can move time), with the servlet container's own session timeout set a little longer
 * as a backstop.
 */
public class IdleTimeout extends OncePerRequestFilter {
    static final String LAST_SEEN = IdleTimeout.class.getName() + ".lastSeen";

    private final Clock clock;
    private final Duration idle;

    public IdleTimeout(Clock clock, Duration idle) {
        this.clock = clock;
        this.idle = idle;
    }

    /** Called at sign-in: the idle time counts from now. */
    public static void start(HttpSession session, Instant now) {
        session.setAttribute(LAST_SEEN, now);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && auth != null && auth.isAuthenticated()
                && !(auth instanceof AnonymousAuthenticationToken)) {
            Instant now = clock.instant();
            Instant last = (Instant) session.getAttribute(LAST_SEEN);
            if (last != null && Duration.between(last, now).compareTo(idle) > 0) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/session-expired");
                return;
            }
            session.setAttribute(LAST_SEEN, now);
        }
        chain.doFilter(request, response);
    }
}
