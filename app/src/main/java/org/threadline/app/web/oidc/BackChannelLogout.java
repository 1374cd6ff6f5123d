package org.threadline.app.web.oidc;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.threadline.app.web.security.WithoutPurpose;

/**
 * {@value #PATH}: the provider's back-channel logout (OpenID Connect Back-Channel Logout 1.0). The provider POSTs a
 * {@code logout_token} when a person's session with it ends; once {@link LogoutTokens} has checked it, the Threadline
 * sessions it names are ended at once, so a person signed out (or disabled) at the provider does not keep reading
 * here until the idle timeout. Reached without a session or CSRF token (the provider is not a browser): the signed
 * token is the credential. Answers 200 (also when no session matched, as the specification asks) or 400 with the
 * problems, never cached.
 */
@RestController
@WithoutPurpose
@ConditionalOnProperty(name = "threadline.oidc.sign-in.enabled", havingValue = "true")
public class BackChannelLogout {
    /** Not under {@code /sign-in/oidc/}, where every path names a registration whose sign-in it starts. */
    public static final String PATH = "/oidc/back-channel-logout";
    private static final Logger LOG = LoggerFactory.getLogger(BackChannelLogout.class);

    private final LogoutTokens tokens;
    private final OidcSessions sessions;

    public BackChannelLogout(LogoutTokens tokens, OidcSessions sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<Map<String, String>> logout(
            @RequestParam(name = "logout_token", required = false) String token) {
        LogoutTokens.Outcome outcome = tokens.check(token);
        if (outcome instanceof LogoutTokens.Invalid invalid) {
            LOG.warn("Back-channel logout refused: {}", invalid.problems());
            return ResponseEntity.badRequest().cacheControl(CacheControl.noStore())
                    .body(Map.of("error", "invalid_request", "error_description",
                            String.join("; ", invalid.problems())));
        }
        LogoutTokens.Logout logout = ((LogoutTokens.Valid) outcome).logout();
        int ended = sessions.end(logout);
        LOG.info("Back-channel logout from {}: {} session(s) ended", logout.issuer(), ended);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).build();
    }
}
