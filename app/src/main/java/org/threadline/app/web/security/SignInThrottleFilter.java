package org.threadline.app.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;
import org.threadline.app.web.security.SignInThrottle.Allowed;
import org.threadline.app.web.security.SignInThrottle.Refused;
import org.threadline.app.web.security.SignInThrottle.Reservation;
import org.threadline.app.web.security.SignInThrottle.Unavailable;

/**
 * Stands in front of the sign-in form's password check (ADR 0026): a POST to {@code /sign-in} whose username or
 * client address has failed too often within the window is sent back to the sign-in page, which says how long to
 * wait, before Spring Security looks the account up or hashes the password. The message is the same whichever
 * limit refused it and whether or not the username is an account's.
 *
 * <p>An attempt let through holds a slot on its username and address (ADR 0026, amended 2026-11-27) until
 * {@link SignInOutcomes} gives its outcome; this filter frees the slot if the request ends with neither (nothing was
 * checked, or the success could not be completed). A slot freed here was never a checked wrong password: a wrong one
 * reaches the failure handler, which counts it before anything else it does.
 */
public final class SignInThrottleFilter extends OncePerRequestFilter {
    /** Session attribute read (once) by the sign-in page: the wait, in words. */
    static final String THROTTLED = SignInThrottleFilter.class.getName() + ".throttled";

    /** Session attribute read (once) by the sign-in page: the throttle could not be checked. */
    static final String UNAVAILABLE = SignInThrottleFilter.class.getName() + ".unavailable";

    /** Request attribute: the attempt's {@link Reservation}, until its outcome takes it. */
    static final String RESERVATION = SignInThrottleFilter.class.getName() + ".reservation";

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
        SignInThrottle.Decision decision = throttling.check(throttling.keys(
                Optional.ofNullable(request.getParameter("username")), request.getRemoteAddr()));
        if (decision instanceof Refused r) {
            request.getSession().setAttribute(THROTTLED, SignInThrottle.words(r.retryAfter()));
            response.sendRedirect(request.getContextPath() + "/sign-in");
            return;
        }
        if (decision instanceof Unavailable) {
            // Deny by default: the counts could not be read, so the password is not checked. Nothing is counted
            // either: the next attempt, once the database answers, is decided as usual.
            request.getSession().setAttribute(UNAVAILABLE, Boolean.TRUE);
            response.sendRedirect(request.getContextPath() + "/sign-in");
            return;
        }
        request.setAttribute(RESERVATION, ((Allowed) decision).reservation());
        try {
            chain.doFilter(request, response);
        } finally {
            takeReservation(request).ifPresent(throttling::released);
        }
    }

    /** The slots the attempt holds, if it still does: whoever takes them gives the outcome (once). */
    public static Optional<Reservation> takeReservation(HttpServletRequest request) {
        Object reservation = request.getAttribute(RESERVATION);
        request.removeAttribute(RESERVATION);
        return Optional.ofNullable(reservation).map(Reservation.class::cast);
    }

    /** Whether the last attempt was refused because the throttle could not be checked (once). */
    public static boolean takeUnavailable(jakarta.servlet.http.HttpSession session) {
        Object unavailable = session.getAttribute(UNAVAILABLE);
        session.removeAttribute(UNAVAILABLE);
        return unavailable != null;
    }

    /** The wait the sign-in page should show, once, if the last attempt was throttled. */
    public static Optional<String> takeWait(jakarta.servlet.http.HttpSession session) {
        Object wait = session.getAttribute(THROTTLED);
        session.removeAttribute(THROTTLED);
        return Optional.ofNullable(wait).map(Object::toString);
    }
}
