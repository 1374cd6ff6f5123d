package org.threadline.app.web.oidc;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.threadline.app.web.accounts.OidcPrincipals;
import org.threadline.app.web.accounts.OidcSignedInUser;

/**
 * Sign-in through the organisation's OpenID provider (authorization code flow, ADR 0021), added to the pages' filter
 * chain when {@code threadline.oidc.sign-in.enabled} is set. The provider is read from its discovery document at
 * start-up, so a wrong issuer stops the application with the reason rather than failing at the first sign-in. The ID
 * token is checked with the injected clock (as every other time here), and its claims become the account
 * ({@link PersonClaims}); claims that do not let the person in end the sign-in with the reason.
 */
public final class OidcSignIn {
    /** The registration id; the sign-in link is {@value #START}. */
    public static final String REGISTRATION = "threadline";
    /** Where the sign-in page's link starts the flow. */
    public static final String START = "/sign-in/oidc/" + REGISTRATION;
    private static final Logger LOG = LoggerFactory.getLogger(OidcSignIn.class);

    private final OidcSettings.SignIn settings;
    private final ClientRegistrationRepository registrations;
    private final PersonClaims claims;
    private final Clock clock;
    private final OidcPrincipals principals;
    private final OidcSessions sessions = new OidcSessions();
    private Refusals refusals = (username, code) -> { };

    /** Told of every refusal by {@link PersonClaims}, with the username claim if any: the audit log (ADR 0025). */
    @FunctionalInterface
    public interface Refusals {
        void refused(Optional<String> providerUsername, String code);
    }

    /**
     * @param principals where each sign-in is recorded with the agency and roles the provider asserted (ADR 0026 as
     *     amended 2026-11-27): whom a break-glass notification can reach
     */
    public OidcSignIn(OidcSettings.SignIn settings, Clock clock, OidcPrincipals principals) {
        this.settings = settings;
        this.clock = clock;
        this.principals = principals;
        this.claims = new PersonClaims(settings);
        ClientRegistration registration;
        try {
            registration = ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                    .registrationId(REGISTRATION)
                    .clientId(settings.clientId())
                    .clientSecret(settings.clientSecret())
                    .scope(settings.scopes())
                    .redirectUri("{baseUrl}/sign-in/oidc/callback/{registrationId}")
                    .userNameAttributeName(settings.usernameClaim())
                    .clientName(settings.providerName())
                    .build();
        } catch (RuntimeException e) {
            throw new IllegalStateException("threadline.oidc.sign-in.issuer-uri: the OpenID provider at "
                    + settings.issuerUri() + " could not be read (" + e.getMessage() + ")", e);
        }
        this.registrations = new InMemoryClientRegistrationRepository(registration);
    }

    public ClientRegistrationRepository registrations() {
        return registrations;
    }

    /** Adds the provider's sign-in to the pages' chain; the outcomes are the same as for a local sign-in. */
    public void apply(HttpSecurity http, AuthenticationSuccessHandler success, AuthenticationFailureHandler failure,
                      Refusals refusals) throws Exception {
        this.refusals = refusals;
        // The provider's back-channel logout reaches us without a session or a CSRF token: its signed logout token
        // is the credential (LogoutTokens checks it).
        http.authorizeHttpRequests(a -> a.requestMatchers(BackChannelLogout.PATH).permitAll())
                .csrf(c -> c.ignoringRequestMatchers(BackChannelLogout.PATH));
        AuthenticationSuccessHandler recorded = (request, response, authentication) -> {
            if (authentication.getPrincipal() instanceof OidcSignedInUser user) {
                OidcIdToken token = user.getIdToken();
                sessions.signedIn(request.getSession(), token.getIssuer().toString(), token.getSubject(),
                        Optional.ofNullable(token.getClaimAsString("sid")));
            }
            success.onAuthenticationSuccess(request, response, authentication);
            if (authentication.getPrincipal() instanceof OidcSignedInUser user) {
                seen(request, user);
            }
        };
        http.oauth2Login(o -> o
                .loginPage("/sign-in")
                .clientRegistrationRepository(registrations)
                .authorizationEndpoint(a -> a.baseUri("/sign-in/oidc"))
                .redirectionEndpoint(r -> r.baseUri("/sign-in/oidc/callback/*"))
                .userInfoEndpoint(u -> u.oidcUserService(this::load))
                .successHandler(recorded)
                .failureHandler(failure));
    }

    /**
     * Records who signed in, right after the sign-in's audit entry (which names the same account, agency and roles:
     * ADR 0025), so that a sign-in the audit log refused is not recorded. Only the issuer, subject and the account the
     * claims came to are kept, never a token. If it cannot be recorded the sign-in is undone, as when the audit entry
     * cannot be written: someone let in without being recorded would hold a role the notifications do not know of.
     */
    private void seen(jakarta.servlet.http.HttpServletRequest request, OidcSignedInUser user) {
        OidcIdToken token = user.getIdToken();
        try {
            principals.signedIn(token.getIssuer().toString(), token.getSubject(), user.account(), clock.instant());
        } catch (RuntimeException e) {
            LOG.error("Could not record the OIDC sign-in of {} ({} from {}); the sign-in is undone: {}",
                    user.account().username(), token.getSubject(), token.getIssuer(), e.getMessage());
            request.getSession().invalidate();
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
            throw e;
        }
    }

    /** The sessions opened through the provider, which a back-channel logout ends. */
    public OidcSessions sessions() {
        return sessions;
    }

    /**
     * The check of the provider's logout tokens: its keys (the JWK set the ID token decoder reads, fetched when the
     * first token arrives), RS256 as for the ID token, its issuer and our client id, the injected clock.
     */
    public LogoutTokens logoutTokens() {
        ClientRegistration r = registrations.findByRegistrationId(REGISTRATION);
        try {
            com.nimbusds.jose.jwk.source.JWKSource<com.nimbusds.jose.proc.SecurityContext> keys =
                    com.nimbusds.jose.jwk.source.JWKSourceBuilder.create(
                            java.net.URI.create(r.getProviderDetails().getJwkSetUri()).toURL()).build();
            return new LogoutTokens(keys, java.util.Set.of(com.nimbusds.jose.JWSAlgorithm.RS256),
                    r.getProviderDetails().getIssuerUri(), r.getClientId(), clock);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException("the OpenID provider's jwks_uri is not a URL: " + e.getMessage(), e);
        }
    }

    /** The ID token decoder: the provider's keys, issuer and audience, and the times by the injected clock. */
    public OidcIdTokenDecoderFactory idTokenDecoders() {
        OidcIdTokenDecoderFactory factory = new OidcIdTokenDecoderFactory();
        factory.setJwtValidatorFactory(registration -> {
            JwtTimestampValidator times = new JwtTimestampValidator();
            times.setClock(clock);
            OidcIdTokenValidator oidc = new OidcIdTokenValidator(registration);
            oidc.setClock(clock);
            return new DelegatingOAuth2TokenValidator<>(times, oidc);
        });
        return factory;
    }

    /** Signing out ends the provider's session too, if the setting says so and the person came from it. */
    public Optional<LogoutSuccessHandler> providerSignOut() {
        if (!settings.endProviderSession()) {
            return Optional.empty();
        }
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/signed-out");
        handler.setDefaultTargetUrl("/signed-out");
        return Optional.of(handler);
    }

    /** The provider's origin, which the sign-out form may be redirected to (Content-Security-Policy form-action). */
    public String providerOrigin() {
        java.net.URI issuer = java.net.URI.create(settings.issuerUri());
        return issuer.getScheme() + "://" + issuer.getRawAuthority();
    }

    private OidcUser load(OidcUserRequest request) {
        OidcIdToken token = request.getIdToken();
        PersonClaims.Outcome outcome = claims.map(token.getClaims());
        if (outcome instanceof PersonClaims.Refused r) {
            // As a failed local sign-in: logged with who tried (the provider's subject and username), never shown
            // to anyone else. The person is shown the reason.
            LOG.warn("OIDC sign-in refused ({}): subject {} from {}, {} '{}': {}", r.code(), token.getSubject(),
                    token.getIssuer(), settings.usernameClaim(), token.getClaimAsString(settings.usernameClaim()),
                    r.reason());
            refusals.refused(Optional.ofNullable(token.getClaimAsString(settings.usernameClaim())), r.code());
            throw new OAuth2AuthenticationException(new OAuth2Error(REFUSED_PREFIX + r.code(), r.reason(), null),
                    r.reason());
        }
        return new OidcSignedInUser(((PersonClaims.Mapped) outcome).account(), token);
    }

    /** Error codes of refusals by {@link PersonClaims} start with this. */
    public static final String REFUSED_PREFIX = "threadline_";
}
