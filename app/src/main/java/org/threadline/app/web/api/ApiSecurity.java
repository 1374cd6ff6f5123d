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
import org.threadline.app.apikeys.ApiKey;
import org.threadline.app.apikeys.ApiKeys;
import org.threadline.app.web.security.SecurityConfiguration;

/**
 * The API's own filter chain, ahead of the pages' one: only {@code /api/**}, no session (every call carries its key),
 * no CSRF (a cross-site form cannot set an Authorization header, and no cookie is honoured here), the same security
 * headers as the pages. The OpenAPI document is the one public path: it describes the API and holds no data.
 * A missing, unknown, wrong or revoked key gets 401 with a problem document.
 */
@Configuration
public class ApiSecurity {
    /** Paths under the API that need no key. */
    public static final List<String> PUBLIC = List.of(ApiDocument.PATH, ApiDocument.PATH + ".yaml");

    @Bean
    ApiKeys apiKeys(DataSource dataSource) {
        return new ApiKeys(dataSource, new SecureRandom());
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiKeys keys, Clock clock) throws Exception {
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
                .addFilterBefore(new KeyFilter(keys, clock), BasicAuthenticationFilter.class)
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

    /** What a call authenticated by a key is, to Spring Security: the key, with its role as the authority. */
    static final class KeyAuthentication extends AbstractAuthenticationToken {
        private static final long serialVersionUID = 1L;
        private final transient ApiKey key;

        KeyAuthentication(ApiKey key) {
            super(List.of(new SimpleGrantedAuthority("ROLE_" + key.role())));
            this.key = key;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return key;
        }

        @Override
        public String getName() {
            return key.actor();
        }
    }

    /** Reads {@code Authorization: Bearer <key>}; a call without a valid key goes on unauthenticated (and is refused). */
    static final class KeyFilter extends OncePerRequestFilter {
        static final String INVALID = KeyFilter.class.getName() + ".invalid";
        private final ApiKeys keys;
        private final Clock clock;

        KeyFilter(ApiKeys keys, Clock clock) {
            this.keys = keys;
            this.clock = clock;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            presented(request).ifPresent(token -> {
                Optional<ApiKey> key = keys.authenticate(token, clock.instant());
                if (key.isPresent()) {
                    SecurityContextHolder.getContext().setAuthentication(new KeyAuthentication(key.get()));
                } else {
                    request.setAttribute(INVALID, Boolean.TRUE);
                }
            });
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
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
