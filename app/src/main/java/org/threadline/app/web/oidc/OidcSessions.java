package org.threadline.app.web.oidc;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web sessions opened through the OpenID provider, with the provider's issuer, subject and session id ({@code sid})
 * from the ID token, so that a back-channel logout can end the ones it names (OpenID Connect Back-Channel Logout 1.0,
 * section 2.7). Sessions are held in the servlet container's memory, as every session here is; a session that ends
 * in any other way (sign-out, idle timeout) is forgotten by the container's event.
 */
public final class OidcSessions implements HttpSessionListener {
    private record Holder(String issuer, String subject, Optional<String> sid) {
    }

    private final Map<HttpSession, Holder> sessions = new ConcurrentHashMap<>();

    /** Records the session a person just signed in to through the provider. */
    public void signedIn(HttpSession session, String issuer, String subject, Optional<String> sid) {
        sessions.put(session, new Holder(issuer, subject, sid));
    }

    /**
     * Ends every session the logout names: with a {@code sid}, the sessions of that provider session (and of the
     * {@code sub} too, when both are given); with only a {@code sub}, every session of that person from that issuer.
     * Returns how many were ended.
     */
    public int end(LogoutTokens.Logout logout) {
        int ended = 0;
        for (Map.Entry<HttpSession, Holder> e : sessions.entrySet()) {
            Holder h = e.getValue();
            boolean matches = h.issuer().equals(logout.issuer())
                    && logout.sessionId().map(sid -> h.sid().map(sid::equals).orElse(false)).orElse(true)
                    && logout.subject().map(h.subject()::equals).orElse(true);
            if (matches) {
                sessions.remove(e.getKey());
                try {
                    e.getKey().invalidate();
                    ended++;
                } catch (IllegalStateException alreadyEnded) {
                    // ended meanwhile by the person or the idle timeout: nothing left to end
                }
            }
        }
        return ended;
    }

    /** How many sessions opened through the provider are live (for tests and the log). */
    public int live() {
        return sessions.size();
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.remove(event.getSession());
    }
}
