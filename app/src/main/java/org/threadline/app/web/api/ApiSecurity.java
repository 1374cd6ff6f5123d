package org.threadline.app.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.threadline.app.apikeys.ApiKeys;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.oidc.ClientTokens;
import org.threadline.app.web.security.SecurityConfiguration;
import org.threadline.app.web.security.SignInAudit;
import org.threadline.app.web.security.SignInThrottle;
import org.threadline.app.web.security.StoredThrottleState;
import org.threadline.app.web.security.ThrottleSettings;
import org.threadline.app.web.security.Throttling;

/**
 * The API's own filter chain, ahead of the pages' one: only {@code /api/**}, no session (every call carries its key),
 * no CSRF (a cross-site form cannot set an Authorization header, and no cookie is honoured here), the same security
 * headers as the pages. The OpenAPI document is the one public path: it describes the API and holds no data.
 * A missing, unknown, wrong or revoked key gets 401 with a problem document; so does an OIDC access token that fails
 * a check, saying which.
 */
@Configuration
public class ApiSecurity {
    /** Paths under the API that need no key. */
    public static final List<String> PUBLIC = List.of(ApiDocument.PATH, ApiDocument.PATH + ".yaml");

    @Bean
    ApiKeys apiKeys(DataSource dataSource) {
        return new ApiKeys(dataSource, new SecureRandom());
    }

    /**
     * The API's throttle (ADR 0026): failed keys and tokens per API key id and per client address, counted apart from
     * the sign-in form's. A throttled key id that names a key is the audit entry's actor.
     */
    @Bean
    Throttling apiThrottling(ThrottleSettings settings, Clock clock, SignInAudit audit, ApiKeys keys,
                             DataSource dataSource, StoredThrottleState.Secret throttleSecret) {
        return new Throttling(new SignInThrottle(clock, settings.window(), settings.perUsername(),
                settings.perAddress(), new StoredThrottleState(dataSource, Throttling.Channel.API, throttleSecret)),
                audit, Throttling.Channel.API,
                keyId -> keys.byKeyId(keyId).map(ApiCaller::accountOf));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiKeys keys, ObjectProvider<ClientTokens> tokens,
            Clock clock, SignInAudit audit,
            @Qualifier("apiThrottling") Throttling apiThrottling) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC.toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .securityContext(c -> c.requireExplicitSave(true))
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .anonymous(a -> { })
                .addFilterBefore(new KeyFilter(keys, Optional.ofNullable(tokens.getIfAvailable()), clock, audit,
                        apiThrottling),
                        BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> unauthorised(request, response))
                        .accessDeniedHandler((request, response, ex) -> write(response, 403, "not-allowed",
                                "Not allowed", "This key may not do this.", request)))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(SecurityConfiguration.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny())
                        .httpStrictTransportSecurity(s -> s.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
        return http.build();
    }

    /**
     * What an authenticated call is, to Spring Security: the account of its agency and role that the policy decision
     * point and the audit log see (an API key's, or a known OIDC client's), with its role as the authority.
     */
    static final class CallerAuthentication extends AbstractAuthenticationToken {
        private static final long serialVersionUID = 1L;
        private final transient Account account;

        CallerAuthentication(Account account) {
            super(account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
            this.account = account;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return account;
        }

        @Override
        public String getName() {
            return account.username();
        }
    }

    /**
     * Reads {@code Authorization: Bearer <key or token>}: an API key, or, where OIDC client credentials are enabled, a
     * JWT from the configured issuer (ADR 0021). A call without a valid one goes on unauthenticated (and is refused,
     * saying why).
     */
    static final class KeyFilter extends OncePerRequestFilter {
        static final String INVALID = KeyFilter.class.getName() + ".invalid";
        static final String TOKEN_REFUSED = KeyFilter.class.getName() + ".tokenRefused";
        private final ApiKeys keys;
        private final Optional<ClientTokens> tokens;
        private final Clock clock;
        private final SignInAudit audit;
        private final Throttling throttling;

        KeyFilter(ApiKeys keys, Optional<ClientTokens> tokens, Clock clock, SignInAudit audit, Throttling throttling) {
            this.keys = keys;
            this.tokens = tokens;
            this.clock = clock;
            this.audit = audit;
            this.throttling = throttling;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Optional<String> token = presented(request);
            if (token.isPresent()) {
                // Before anything is looked up or hashed: a key id or address that failed too often is refused
                // unchecked, with the wait (ADR 0026).
                List<SignInThrottle.Key> counted = throttling.keys(ApiKeys.keyIdOf(token.get()),
                        request.getRemoteAddr());
                SignInThrottle.Decision decision = throttling.check(counted);
                if (decision instanceof SignInThrottle.Unavailable) {
                    // Deny by default: the counts could not be read, so nothing is checked (ADR 0026, amended).
                    response.setHeader("Retry-After", "60");
                    write(response, 503, "authentication-unavailable", "Authentication is unavailable",
                            "Keys and tokens cannot be checked just now. Try again in a minute.", request);
                    return;
                }
                if (decision instanceof SignInThrottle.Refused r) {
                    long seconds = Math.max(1, r.retryAfter().toSeconds() + (r.retryAfter().toNanosPart() > 0 ? 1 : 0));
                    response.setHeader("Retry-After", String.valueOf(seconds));
                    write(response, 429, "too-many-failed-attempts", "Too many failed attempts",
                            "Too many calls with a key or token that was not accepted. Wait "
                                    + SignInThrottle.words(r.retryAfter()) + " before trying again.", request);
                    return;
                }
                // The attempt holds a slot on its key id and address until its outcome (ADR 0026, amended 2026-11-27);
                // if checking breaks off with neither, the slot is freed (a key that did not match is counted first).
                SignInThrottle.Reservation reservation = ((SignInThrottle.Allowed) decision).reservation();
                try {
                    authenticate(token.get(), request, reservation);
                } catch (RuntimeException e) {
                    throttling.released(reservation);
                    throw e;
                }
            }
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }

        private void authenticate(String token, HttpServletRequest request, SignInThrottle.Reservation counted) {
            if (tokens.isPresent() && ClientTokens.looksLikeJwt(token)) {
                ClientTokens.Outcome outcome = tokens.get().check(token);
                if (outcome instanceof ClientTokens.Known known) {
                    throttling.succeeded(counted);
                    SecurityContextHolder.getContext().setAuthentication(
                            new CallerAuthentication(known.account()));
                } else {
                    ClientTokens.Refused refused = (ClientTokens.Refused) outcome;
                    throttling.failed(counted);
                    audit.apiRefused(Optional.empty(), SignInAudit.Way.API_TOKEN, refused.slug(),
                            refused.clientId().map(id -> "client-id:" + id));
                    request.setAttribute(TOKEN_REFUSED, outcome);
                }
                return;
            }
            ApiKeys.Attempt attempt = keys.attempt(token, clock.instant());
            if (attempt.accepted().isPresent()) {
                throttling.succeeded(counted);
                SecurityContextHolder.getContext().setAuthentication(
                        new CallerAuthentication(ApiCaller.accountOf(attempt.accepted().get())));
            } else {
                throttling.failed(counted);
                // The key id is public (the secret is the part after it); a known key is the actor itself.
                audit.apiRefused(attempt.named().map(ApiCaller::accountOf), SignInAudit.Way.API_KEY,
                        attempt.refusal(), attempt.named().isPresent() ? Optional.empty()
                                : attempt.keyId().map(id -> "key-id:" + id));
                request.setAttribute(INVALID, Boolean.TRUE);
            }
        }

        static Optional<String> presented(HttpServletRequest request) {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Optional.empty();
            }
            return Optional.of(header.substring(7).strip());
        }
    }

    private static void unauthorised(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"threadline-api\"");
        if (request.getAttribute(KeyFilter.TOKEN_REFUSED) instanceof ClientTokens.Refused r) {
            write(response, 401, r.slug(), "The access token is not accepted", r.reason(), request);
            return;
        }
        boolean invalid = request.getAttribute(KeyFilter.INVALID) != null;
        write(response, 401, invalid ? "api-key-invalid" : "api-key-required",
                invalid ? "The API key is not valid" : "An API key is needed",
                invalid ? "The key sent is unknown, wrong or revoked. Ask your Threadline administrator for a key"
                        + " (./threadline api-keys create)."
                        : "Send your agency's API key as 'Authorization: Bearer <key>'.", request);
    }

    static void write(HttpServletResponse response, int status, String slug, String title, String detail,
                      HttpServletRequest request) throws IOException {
        ApiProblem.write(response, status, slug, title, detail, request.getRequestURI());
    }
}
