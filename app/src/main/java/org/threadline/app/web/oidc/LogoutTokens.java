package org.threadline.app.web.oidc;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a logout token as OpenID Connect Back-Channel Logout 1.0 (section 2.6) requires, before any session is ended:
 * a JWS (never {@code alg: none}) whose signature verifies with the provider's keys and an algorithm the ID token may
 * use; explicitly typed {@code logout+jwt} or plain JWT; {@code iss} the provider; {@code aud} containing our client
 * id; {@code iat} present, not in the future and not older than {@link #MAX_AGE}; {@code exp} present and not passed;
 * a {@code jti}, not seen before (a replayed token is refused); an {@code events} claim whose member
 * {@value #EVENT} is a JSON object; a {@code sub}, a {@code sid} or both; and no {@code nonce} (so an ID token can
 * never be passed off as a logout token). Every problem found is returned with its code. Times are the injected
 * clock's, with {@link #SKEW} allowed.
 */
public final class LogoutTokens {
    public static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
    /** How old a logout token may be: it is sent the moment the provider's session ends. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** Clock difference allowed between the provider and us. */
    static final Duration SKEW = Duration.ofSeconds(60);

    /** What a valid token asks for: end the sessions of this issuer's subject, or of this provider session. */
    public record Logout(String issuer, Optional<String> subject, Optional<String> sessionId) {
    }

    /** The outcome: {@link Valid} or {@link Invalid}. */
    public sealed interface Outcome permits Valid, Invalid {
    }

    public record Valid(Logout logout) implements Outcome {
    }

    /** Every problem found, each with a short code first ({@code signature: ...}). */
    public record Invalid(List<String> problems) implements Outcome {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String issuer;
    private final String clientId;
    private final Clock clock;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    /**
     * @param keys the provider's keys (its JWK set, as the ID token decoder reads it)
     * @param algorithms the signature algorithms accepted (those of the ID token)
     */
    public LogoutTokens(JWKSource<SecurityContext> keys, Set<JWSAlgorithm> algorithms, String issuer, String clientId,
                        Clock clock) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.clock = clock;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("logout+jwt"),
                JOSEObjectType.JWT, null));
        // The claims are checked below, by the injected clock and with reasons; Nimbus's own check uses the system's.
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
    }

    public Outcome check(String token) {
        if (token == null || token.isBlank()) {
            return new Invalid(List.of("missing: no logout_token"));
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(token.strip());
        } catch (ParseException e) {
            return new Invalid(List.of("malformed: not a JWT"));
        }
        if (!(jwt instanceof SignedJWT signed)) {
            return new Invalid(List.of("signature: the token is not signed"));
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(signed, null);
        } catch (BadJOSEException | com.nimbusds.jose.JOSEException e) {
            return new Invalid(List.of("signature: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        Instant now = clock.instant();
        if (!issuer.equals(claims.getIssuer())) {
            problems.add("iss: not the provider's issuer");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(clientId)) {
            problems.add("aud: does not name this client");
        }
        Optional<Instant> iat = instant(claims.getIssueTime());
        if (iat.isEmpty()) {
            problems.add("iat: missing");
        } else if (iat.get().isAfter(now.plus(SKEW))) {
            problems.add("iat: in the future");
        } else if (iat.get().isBefore(now.minus(MAX_AGE).minus(SKEW))) {
            problems.add("iat: older than " + MAX_AGE.toMinutes() + " minutes");
        }
        Optional<Instant> exp = instant(claims.getExpirationTime());
        if (exp.isEmpty()) {
            problems.add("exp: missing");
        } else if (!now.minus(SKEW).isBefore(exp.get())) {
            problems.add("exp: expired");
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank()) {
            problems.add("jti: missing");
        }
        if (!(claims.getClaim("events") instanceof Map<?, ?> events) || !(events.get(EVENT) instanceof Map<?, ?>)) {
            problems.add("events: no " + EVENT + " event");
        }
        Optional<String> sub = text(claims.getSubject());
        Optional<String> sid = text(claims.getClaim("sid") instanceof String s ? s : null);
        if (sub.isEmpty() && sid.isEmpty()) {
            problems.add("sub/sid: neither is present");
        }
        if (claims.getClaim("nonce") != null) {
            problems.add("nonce: a logout token must not have one");
        }
        if (problems.isEmpty() && !firstUse(jti, exp.orElseThrow(), now)) {
            problems.add("jti: this token was already used");
        }
        return problems.isEmpty() ? new Valid(new Logout(claims.getIssuer(), sub, sid)) : new Invalid(problems);
    }

    /** Remembers a token's id until it expires; false if it was already seen (a replay). */
    private boolean firstUse(String jti, Instant expires, Instant now) {
        seen.values().removeIf(until -> until.isBefore(now.minus(SKEW)));
        return seen.putIfAbsent(issuer + " " + jti, expires.plus(SKEW)) == null;
    }

    private static Optional<Instant> instant(Date d) {
        return Optional.ofNullable(d).map(Date::toInstant);
    }

    private static Optional<String> text(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
