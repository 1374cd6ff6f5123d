package org.threadline.app.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;
import org.threadline.app.web.security.SignInThrottle.Refused;

/**
 * Stands in front of the sign-in form's password check (ADR 0026): a POST to {@code /sign-in} whose username or
 * client address has failed too often within the window is sent back to the sign-in page, which says how long to
 * wait, before Spring Security looks the account up or hashes the password. The message is the same whichever
 * limit refused it and whether or not the username is an account's.
 */
public final class SignInThrottleFilter extends OncePerRequestFilter {
    /** Session attribute read (once) by the sign-in page: the wait, in words. */
    static final String THROTTLED = SignInThrottleFilter.class.getName() + ".throttled";

    private final Throttling throttling;

    SignInThrottleFilter(Throttling throttling) {
        this.throttling = throttling;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && "/sign-in".equals(request.getRequestURI().substring(request.getContextPath().length())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (throttling.check(throttling.keys(Optional.ofNullable(request.getParameter("username")),
                request.getRemoteAddr())) instanceof Refused r) {
            request.getSession().setAttribute(THROTTLED, SignInThrottle.words(r.retryAfter()));
            response.sendRedirect(request.getContextPath() + "/sign-in");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The wait the sign-in page should show, once, if the last attempt was throttled. */
    public static Optional<String> takeWait(jakarta.servlet.http.HttpSession session) {
        Object wait = session.getAttribute(THROTTLED);
        session.removeAttribute(THROTTLED);
        return Optional.ofNullable(wait).map(Object::toString);
    }
}
