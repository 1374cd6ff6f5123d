package org.threadline.app.web.oidc;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;

/**
 * Checks an access token a partner system sends instead of an API key (client-credentials grant, ADR 0021): signed by
 * one of the issuer's keys (its JWKS), issued by the configured issuer, for Threadline's audience, within its times by
 * the injected clock, and from a client Threadline knows, which gives its agency and role as an API key does. Every
 * refusal says which check failed, in words for the partner's developers; none names a value from the token.
 */
public final class ClientTokens {
    /** Three base64url parts: what a JWT looks like (an API key never does). */
    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final OidcSettings.Api settings;
    private final JwtDecoder decoder;
    private final Map<String, Account> clients = new HashMap<>();

    public ClientTokens(OidcSettings.Api settings, Clock clock) {
        this.settings = settings;
        NimbusJwtDecoder nimbus;
        try {
            nimbus = (settings.jwkSetUri().isBlank()
                    ? NimbusJwtDecoder.withIssuerLocation(settings.issuerUri())
                    : NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri())).build();
        } catch (RuntimeException e) {
            throw new IllegalStateException("threadline.oidc.api.issuer-uri: the OpenID provider at "
                    + settings.issuerUri() + " could not be read (" + e.getMessage() + ")", e);
        }
        JwtTimestampValidator times = new JwtTimestampValidator(Duration.ofSeconds(60));
        times.setClock(clock);
        nimbus.setJwtValidator(new Checks(List.of(
                new Check("token-expired", "The token has expired or is not valid yet: ask the issuer for a new one.",
                        times),
                new Check("token-wrong-issuer", "The token was not issued by the issuer this Threadline trusts ("
                        + settings.issuerUri() + ").", new JwtIssuerValidator(settings.issuerUri())),
                new Check("token-wrong-audience", "The token is not meant for this API: its audience (aud) must"
                        + " include '" + settings.audience() + "'.", jwt -> jwt.getAudience() != null
                        && jwt.getAudience().contains(settings.audience()) ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token"))))));
        this.decoder = nimbus;
        settings.clients().forEach((name, c) -> clients.put(c.clientId(), new Account("oidc-client." + name,
                "OIDC client " + name, OidcSettings.parse(Agency.class, c.agency()),
                Set.of(OidcSettings.parse(Role.class, c.role())))));
    }

    /** Whether a presented bearer token is a JWT (and so is checked here, not as an API key). */
    public static boolean looksLikeJwt(String token) {
        return JWT.matcher(token).matches();
    }

    /** What a token comes to. */
    public sealed interface Outcome permits Known, Refused {
    }

    /** A valid token of a known client: the account the policy decision point and the audit log see. */
    public record Known(Account account, String clientId) implements Outcome {
    }

    /**
     * A token refused.
     *
     * @param slug the problem type ({@code urn:threadline:problem:<slug>}, docs/api.md)
     * @param reason what was wrong, and what to do
     * @param clientId the client a validly signed token named, when that client is not known (for the audit log)
     */
    public record Refused(String slug, String reason, Optional<String> clientId) implements Outcome {
        public Refused(String slug, String reason) {
            this(slug, reason, Optional.empty());
        }
    }

    public Outcome check(String token) {
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtValidationException e) {
            OAuth2Error first = e.getErrors().iterator().next();
            return new Refused(first.getErrorCode(), first.getDescription());
        } catch (BadJwtException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("signature") || m.contains("matching key")) {
                return new Refused("token-signature-invalid", "The token's signature does not verify with the"
                        + " issuer's keys: it was changed, or signed by someone else.");
            }
            return new Refused("token-malformed", "The bearer token is neither an API key nor a well-formed signed"
                    + " JWT.");
        } catch (JwtException e) {
            return new Refused("token-not-checked", "The token could not be checked: the issuer's keys could not be"
                    + " read. Try again later; if it persists, tell the Threadline administrator.");
        }
        String clientId = jwt.getClaimAsString(settings.clientIdClaim());
        Account account = clientId == null ? null : clients.get(clientId);
        if (account == null) {
            return new Refused("client-unknown", clientId == null
                    ? "The token does not name its client (claim '" + settings.clientIdClaim() + "')."
                    : "The token's client is not one this Threadline knows: ask the Threadline administrator to"
                    + " map it to your agency (threadline.oidc.api.clients).", Optional.ofNullable(clientId));
        }
        return new Known(account, clientId);
    }

    /** One check, and the problem it becomes when it fails. */
    private record Check(String slug, String reason, OAuth2TokenValidator<Jwt> validator) {
    }

    /** The checks in order; the first failure is the one reported. */
    private record Checks(List<Check> checks) implements OAuth2TokenValidator<Jwt> {
        @Override
        public OAuth2TokenValidatorResult validate(Jwt jwt) {
            for (Check c : checks) {
                if (c.validator().validate(jwt).hasErrors()) {
                    return OAuth2TokenValidatorResult.failure(new OAuth2Error(c.slug(), c.reason(), null));
                }
            }
            return OAuth2TokenValidatorResult.success();
        }
    }
}
