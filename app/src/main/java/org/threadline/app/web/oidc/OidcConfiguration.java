package org.threadline.app.web.oidc;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.threadline.app.web.accounts.OidcPrincipals;

/** The OIDC parts, each made only when its setting enables it, and which ways of signing in the pages offer. */
@Configuration
public class OidcConfiguration {

    @Bean
    @ConditionalOnProperty(name = "threadline.oidc.sign-in.enabled", havingValue = "true")
    OidcSignIn oidcSignIn(OidcSettings settings, Clock clock, OidcPrincipals principals) {
        return new OidcSignIn(settings.signIn(), clock, principals);
    }

    /** Picked up by Spring Security's OIDC login: the ID token's times by the injected clock. */
    @Bean
    @ConditionalOnProperty(name = "threadline.oidc.sign-in.enabled", havingValue = "true")
    JwtDecoderFactory<ClientRegistration> idTokenDecoderFactory(OidcSignIn signIn) {
        return signIn.idTokenDecoders();
    }

    /** The sessions opened through the provider; a session listener, so that ended sessions are forgotten. */
    @Bean
    @ConditionalOnProperty(name = "threadline.oidc.sign-in.enabled", havingValue = "true")
    OidcSessions oidcSessions(OidcSignIn signIn) {
        return signIn.sessions();
    }

    /** The check of the provider's back-channel logout tokens (OpenID Connect Back-Channel Logout 1.0). */
    @Bean
    @ConditionalOnProperty(name = "threadline.oidc.sign-in.enabled", havingValue = "true")
    LogoutTokens logoutTokens(OidcSignIn signIn) {
        return signIn.logoutTokens();
    }

    @Bean
    @ConditionalOnProperty(name = "threadline.oidc.api.enabled", havingValue = "true")
    ClientTokens clientTokens(OidcSettings settings, Clock clock) {
        return new ClientTokens(settings.api(), clock);
    }

    @Bean
    SignInMethods signInMethods(OidcSettings settings, Environment environment) {
        OidcSettings.SignIn s = settings.signIn();
        if (!s.enabled()) {
            return new SignInMethods(true, false, "");
        }
        boolean local = s.localAccounts() != null ? s.localAccounts()
                : !environment.acceptsProfiles(Profiles.of("production"));
        return new SignInMethods(local, true, s.providerName());
    }

    /**
     * How people may sign in: local accounts, the organisation's provider, or both. Without the provider, local
     * accounts are always on (there would be no way in otherwise).
     *
     * @param localAccounts whether the username and password form is offered and accepted
     * @param provider whether the provider's sign-in is offered
     * @param providerName how the provider is named on the sign-in page
     */
    public record SignInMethods(boolean localAccounts, boolean provider, String providerName) {
    }
}
