package org.threadline.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * A real OpenID provider in the test JVM: Spring Authorization Server in a small Spring context of its own, on a
 * random loopback port ({@code 127.0.0.1}, while the app is reached as {@code localhost}, so the two never share
 * cookies). It signs with a fresh RSA key, publishes its discovery document and JWKS, signs people in on its own
 * login page and issues client-credentials tokens. Its tokens' times come from a clock the test holds, so they agree
 * with the app's moved clock. Claims are what an administrator would configure at a real provider (Keycloak mappers,
 * Entra app roles): an agency and roles for people, {@code client_id} (RFC 9068) and the API's audience for clients.
 */
final class OidcTestProvider implements AutoCloseable {
    static final String WEB_CLIENT = "threadline-web";
    static final String WEB_SECRET = "web-client-secret-1";
    static final String API_AUDIENCE = "threadline-api";

    /** A person who can sign in at the provider, with the claims their ID token carries. */
    record Person(String username, String password, Map<String, Object> claims) {
    }

    /** A system that can get a token with the client-credentials grant. */
    record Partner(String clientId, String secret, boolean forThreadline) {
    }

    /** What the provider's context is given. */
    record State(MutableClock clock, Map<String, Person> people, Map<String, Partner> clients) {
    }

    private final ConfigurableApplicationContext context;
    private final MutableClock clock;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private OidcTestProvider(ConfigurableApplicationContext context, MutableClock clock) {
        this.context = context;
        this.clock = clock;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static OidcTestProvider start(MutableClock clock, List<Person> people, List<Partner> clients) {
        Map<String, Person> byName = new HashMap<>();
        people.forEach(p -> byName.put(p.username(), p));
        Map<String, Partner> byId = new HashMap<>();
        clients.forEach(c -> byId.put(c.clientId(), c));
        SpringApplication app = new SpringApplication(Provider.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        app.setRegisterShutdownHook(false);
        app.setDefaultProperties(Map.of("spring.main.banner-mode", "off", "spring.main.log-startup-info", "false"));
        app.addInitializers(c -> c.getBeanFactory().registerSingleton("providerState",
                new State(clock, byName, byId)));
        OidcTestProvider provider = new OidcTestProvider(app.run(), clock);
        provider.warmUp();
        return provider;
    }

    /**
     * Answers its discovery document and keys once before the app asks (the app reads them at start-up with a 30 s
     * timeout): on a loaded two-core machine a provider's first answers can take that long.
     */
    private void warmUp() {
        for (String path : List.of("/.well-known/openid-configuration", "/oauth2/jwks")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + path))
                    .timeout(java.time.Duration.ofMinutes(3)).GET().build();
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + r.statusCode());
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The issuer, as the app is configured with it. */
    String issuer() {
        return "http://127.0.0.1:" + port;
    }

    /** The same provider under another host name: it then signs tokens naming that issuer, with the same key. */
    String otherIssuer() {
        return "http://localhost:" + port;
    }

    MutableClock clock() {
        return clock;
    }

    /** Lets the app at {@code appUrl} receive sign-ins and be returned to after signing out at the provider. */
    void allowApp(String appUrl) {
        RegisteredClientRepository clients = context.getBean(RegisteredClientRepository.class);
        RegisteredClient web = clients.findByClientId(WEB_CLIENT);
        clients.save(RegisteredClient.from(web)
                .redirectUri(appUrl + "/sign-in/oidc/callback/threadline")
                .postLogoutRedirectUri(appUrl + "/signed-out")
                .build());
    }

    /** A client-credentials access token from this provider (at {@code base}: the issuer or the other name). */
    String token(String base, String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("token endpoint answered " + r.statusCode() + ": " + r.body());
            }
            JsonNode json = ApiClient.JSON.readTree(r.body());
            return json.path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String token(String clientId, String secret) {
        return token(issuer(), clientId, secret);
    }

    /**
     * A back-channel logout token as this provider would send it when a person's session with it ends: signed with
     * its own key, typed {@code logout+jwt}, for the web client, about the person's subject (their username here).
     */
    @SuppressWarnings("unchecked")
    String logoutToken(String subject, java.time.Instant issuedAt) {
        JWKSource<SecurityContext> keys = context.getBean(JWKSource.class);
        org.springframework.security.oauth2.jwt.JwtClaimsSet claims = org.springframework.security.oauth2.jwt
                .JwtClaimsSet.builder().issuer(issuer()).audience(List.of(WEB_CLIENT)).issuedAt(issuedAt)
                .expiresAt(issuedAt.plusSeconds(120)).id(UUID.randomUUID().toString()).subject(subject)
                .claim("events", java.util.Map.of("http://schemas.openid.net/event/backchannel-logout",
                        java.util.Map.of()))
                .build();
        org.springframework.security.oauth2.jwt.JwsHeader header = org.springframework.security.oauth2.jwt.JwsHeader
                .with(org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.RS256).type("logout+jwt")
                .build();
        return new NimbusJwtEncoder(keys).encode(org.springframework.security.oauth2.jwt.JwtEncoderParameters
                .from(header, claims)).getTokenValue();
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * The provider's Spring context: no auto-configuration, only what an authorization server needs. Deliberately
     * not a {@code @Configuration}: the app under test scans this package, and must not pick the provider up.
     */
    @EnableWebSecurity
    static class Provider {

        @Bean
        TomcatServletWebServerFactory webServer() throws Exception {
            TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
            factory.setAddress(java.net.InetAddress.getLoopbackAddress());
            return factory;
        }

        @Bean
        DispatcherServlet dispatcherServlet() {
            return new DispatcherServlet();
        }

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http, OAuth2TokenGenerator<OAuth2Token> tokens)
                throws Exception {
            http.oauth2AuthorizationServer(as -> {
                http.securityMatcher(as.getEndpointsMatcher());
                as.tokenGenerator(tokens).oidc(Customizer.withDefaults());
            })
                    .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        /** The provider's own sign-in page (Spring Security's generated form). */
        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService people(State state) {
            List<org.springframework.security.core.userdetails.UserDetails> users = new ArrayList<>();
            state.people().values().forEach(p -> users.add(User.withUsername(p.username())
                    .password("{noop}" + p.password()).roles("USER").build()));
            return new InMemoryUserDetailsManager(users);
        }

        @Bean
        RegisteredClientRepository clients(State state) {
            List<RegisteredClient> all = new ArrayList<>();
            all.add(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(WEB_CLIENT).clientSecret("{noop}" + WEB_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("http://localhost/not-yet")
                    .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                    .build());
            state.clients().values().forEach(c -> all.add(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(c.clientId()).clientSecret("{noop}" + c.secret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scope("threadline.read")
                    .build()));
            return new InMemoryRegisteredClientRepository(all);
        }

        @Bean
        JWKSource<SecurityContext> keys() throws Exception {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        /** For the provider's user-info endpoint (its own tokens). */
        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            return NimbusJwtDecoder.withJwkSource(keys).build();
        }

        /** No fixed issuer: each request's host names it, which is how {@link #otherIssuer()} works. */
        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }

        @Bean
        OAuth2TokenGenerator<OAuth2Token> tokenGenerator(JWKSource<SecurityContext> keys, State state) {
            JwtGenerator jwt = new JwtGenerator(new NimbusJwtEncoder(keys));
            jwt.setClock(state.clock());
            jwt.setJwtCustomizer(context -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    Person p = state.people().get(context.getPrincipal().getName());
                    if (p != null) {
                        p.claims().forEach((name, value) -> context.getClaims().claim(name, value));
                    }
                } else if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
                        && AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                    String id = context.getRegisteredClient().getClientId();
                    context.getClaims().claim("client_id", id);
                    Partner c = state.clients().get(id);
                    if (c != null && c.forThreadline()) {
                        context.getClaims().audience(List.of(API_AUDIENCE));
                    }
                }
            });
            return new DelegatingOAuth2TokenGenerator(jwt, new OAuth2RefreshTokenGenerator());
        }
    }
}
