package org.threadline.app.web.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Logout tokens checked as OpenID Connect Back-Channel Logout 1.0 (section 2.6) requires, with a key generated here
 * (no provider, no network): a well-formed token is accepted, and each single defect is refused, naming the claim.
 */
class LogoutTokensTest {
    static final String ISSUER = "https://idp.example.org";
    static final String CLIENT = "threadline-web";
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static RSAKey key;
    static RSAKey otherKey;

    @BeforeAll
    static void keys() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("provider-key").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("provider-key").generate();
    }

    static LogoutTokens tokens() {
        return new LogoutTokens(new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())), Set.of(JWSAlgorithm.RS256),
                ISSUER, CLIENT, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static JWTClaimsSet.Builder valid() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(List.of(CLIENT, "someone-else"))
                .issueTime(Date.from(NOW.minusSeconds(5))).expirationTime(Date.from(NOW.plusSeconds(115)))
                .jwtID(UUID.randomUUID().toString()).subject("alice").claim("sid", "08a5019c-17e1-4977-8f42-65a12843ea02")
                .claim("events", Map.of(LogoutTokens.EVENT, Map.of()));
    }

    static String signed(JWTClaimsSet claims, RSAKey with, JOSEObjectType type) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).type(type)
                .build(), claims);
        jwt.sign(new RSASSASigner(with));
        return jwt.serialize();
    }

    static String signed(JWTClaimsSet claims) throws Exception {
        return signed(claims, key, new JOSEObjectType("logout+jwt"));
    }

    static List<String> problems(LogoutTokens.Outcome outcome) {
        assertThat(outcome).isInstanceOf(LogoutTokens.Invalid.class);
        return ((LogoutTokens.Invalid) outcome).problems();
    }

    @Test
    void a_signed_token_from_the_provider_for_this_client_is_accepted_with_its_subject_and_session() throws Exception {
        LogoutTokens.Outcome outcome = tokens().check(signed(valid().build()));
        assertThat(outcome).isInstanceOf(LogoutTokens.Valid.class);
        LogoutTokens.Logout logout = ((LogoutTokens.Valid) outcome).logout();
        assertThat(logout.issuer()).isEqualTo(ISSUER);
        assertThat(logout.subject()).contains("alice");
        assertThat(logout.sessionId()).contains("08a5019c-17e1-4977-8f42-65a12843ea02");
        // A plain JWT type (or none) is accepted too, and sid alone or sub alone is enough.
        assertThat(tokens().check(signed(valid().subject(null).build(), key, JOSEObjectType.JWT)))
                .isInstanceOf(LogoutTokens.Valid.class);
        assertThat(tokens().check(signed(valid().claim("sid", null).build(), key, null)))
                .isInstanceOf(LogoutTokens.Valid.class);
    }

    @Test
    void every_single_defect_is_refused_naming_the_claim() throws Exception {
        Map<String, UnaryOperator<JWTClaimsSet.Builder>> defects = new java.util.LinkedHashMap<>();
        defects.put("iss", b -> b.issuer("https://elsewhere.example.org"));
        defects.put("aud", b -> b.audience("another-client"));
        defects.put("iat: missing", b -> b.issueTime(null));
        defects.put("iat: in the future", b -> b.issueTime(Date.from(NOW.plus(Duration.ofMinutes(5)))));
        defects.put("iat: older", b -> b.issueTime(Date.from(NOW.minus(Duration.ofMinutes(30)))));
        defects.put("exp: missing", b -> b.expirationTime(null));
        defects.put("exp: expired", b -> b.expirationTime(Date.from(NOW.minus(Duration.ofMinutes(2)))));
        defects.put("jti: missing", b -> b.jwtID(null));
        defects.put("events: no", b -> b.claim("events", null));
        defects.put("events: no " + LogoutTokens.EVENT, b -> b.claim("events", Map.of("urn:other:event", Map.of())));
        defects.put("events: no " + LogoutTokens.EVENT + " event", b -> b.claim("events",
                Map.of(LogoutTokens.EVENT, "not an object")));
        defects.put("sub/sid", b -> b.subject(null).claim("sid", null));
        defects.put("nonce", b -> b.claim("nonce", "n-0S6_WzA2Mj"));
        for (Map.Entry<String, UnaryOperator<JWTClaimsSet.Builder>> d : defects.entrySet()) {
            assertThat(problems(tokens().check(signed(d.getValue().apply(valid()).build()))))
                    .as(d.getKey()).singleElement().asString().startsWith(d.getKey());
        }
    }

    @Test
    void a_token_not_signed_by_the_providers_key_or_not_signed_at_all_or_of_another_type_is_refused() throws Exception {
        assertThat(problems(tokens().check(signed(valid().build(), otherKey, new JOSEObjectType("logout+jwt")))))
                .singleElement().asString().startsWith("signature:");
        assertThat(problems(tokens().check(new PlainJWT(valid().build()).serialize())))
                .containsExactly("signature: the token is not signed");
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), valid().build());
        hmac.sign(new MACSigner("a-client-secret-of-at-least-256-bits-length!!"));
        assertThat(problems(tokens().check(hmac.serialize()))).singleElement().asString().startsWith("signature:");
        assertThat(problems(tokens().check(signed(valid().build(), key, new JOSEObjectType("at+jwt")))))
                .singleElement().asString().startsWith("signature:");
        assertThat(problems(tokens().check("not-a-token"))).containsExactly("malformed: not a JWT");
        assertThat(problems(tokens().check(""))).containsExactly("missing: no logout_token");
    }

    @Test
    void a_token_is_accepted_once_and_refused_when_replayed() throws Exception {
        LogoutTokens tokens = tokens();
        String token = signed(valid().build());
        assertThat(tokens.check(token)).isInstanceOf(LogoutTokens.Valid.class);
        assertThat(problems(tokens.check(token))).containsExactly("jti: this token was already used");
    }
}
