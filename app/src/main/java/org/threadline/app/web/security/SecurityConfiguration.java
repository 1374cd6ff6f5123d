package org.threadline.app.web.security;

import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.app.web.WebSettings;
import org.threadline.app.web.access.AgreementMapping;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.accounts.AccountDetails;
import org.threadline.app.web.accounts.AccountStore;
import org.threadline.app.web.accounts.StoredAccount;
import org.threadline.app.web.oidc.OidcConfiguration.SignInMethods;
import org.threadline.app.web.oidc.OidcSignIn;

/**
 * The filter chain: deny by default, form sign-in with lockout and/or the organisation's OpenID provider (ADR 0021),
 * POST-only sign-out, CSRF, security headers.
 */
@Configuration
@EnableConfigurationProperties(ThrottleSettings.class)
public class SecurityConfiguration {
    /**
     * No inline script or style anywhere (the GOV.UK Frontend bootstrap lives in {@code /js}), nothing from other
     * origins, and no framing.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Hashes as {@code {bcrypt}...}; the prefix lets a stronger encoder take over without a migration. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The policy above, with the OpenID provider's origin added to {@code form-action}: the sign-out form's redirect
     * goes on to the provider's end-session endpoint, and browsers check form-action on redirects too.
     */
    static String contentSecurityPolicy(Optional<String> providerOrigin) {
        return providerOrigin.map(o -> CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self' " + o))
                .orElse(CONTENT_SECURITY_POLICY);
    }

    /** Sign-ins, their failures and refused API calls in the audit log (ADR 0025), as the pages' entries name people. */
    @Bean
    SignInAudit signInAudit(ViewAudit audit, Clock clock) {
        return new SignInAudit(audit, AgreementMapping.load(), clock);
    }

    /**
     * The sign-in form's throttle (ADR 0026): failures per username and per client address in a sliding window; a
     * throttled username is named in the audit log only when it is an account's.
     */
    @Bean
    Throttling signInThrottling(ThrottleSettings settings, Clock clock, SignInAudit audit, AccountStore accounts,
                                DataSource dataSource, StoredThrottleState.Secret throttleSecret) {
        return new Throttling(new SignInThrottle(clock, settings.window(), settings.perUsername(),
                settings.perAddress(), new StoredThrottleState(dataSource, Throttling.Channel.SIGN_IN,
                throttleSecret)), audit, Throttling.Channel.SIGN_IN,
                name -> accounts.find(name).map(StoredAccount::account));
    }

    /**
     * The key the throttles store names and addresses under (ADR 0026, amended 2026-11-27), in
     * {@code THREADLINE_HOME/keys} ({@code threadline.home}, else the environment), made on first start. Every server
     * on one database needs the same file.
     */
    @Bean
    StoredThrottleState.Secret throttleSecret(Environment environment) {
        String home = environment.getProperty("threadline.home");
        ThreadlineHome h = home == null ? ThreadlineHome.fromEnvironment(System.getenv())
                : new ThreadlineHome(Path.of(home));
        return StoredThrottleState.secret(h.root().resolve("keys"));
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, AccountDetails details, PasswordEncoder encoder,
            AccountStore accounts, WebSettings settings, Clock clock, SignInMethods methods,
            ObjectProvider<OidcSignIn> oidc, SignInAudit audit,
            @Qualifier("signInThrottling") Throttling signInThrottling) throws Exception {
        SignInOutcomes outcomes = new SignInOutcomes(accounts, settings, clock, audit, signInThrottling);
        OidcSignIn provider = oidc.getIfAvailable();
        if (methods.localAccounts()) {
            DaoAuthenticationProvider local = new DaoAuthenticationProvider(details);
            local.setPasswordEncoder(encoder);
            http.authenticationProvider(local)
                    .formLogin(f -> f.loginPage("/sign-in").loginProcessingUrl("/sign-in")
                            .usernameParameter("username").passwordParameter("password")
                            .successHandler(outcomes).failureHandler(outcomes))
                    .addFilterBefore(new SignInThrottleFilter(signInThrottling),
                            UsernamePasswordAuthenticationFilter.class);
        }
        Optional<LogoutSuccessHandler> providerSignOut = Optional.empty();
        if (provider != null) {
            provider.apply(http, outcomes, outcomes::onProviderFailure, audit::refused);
            providerSignOut = provider.providerSignOut();
        }
        String csp = contentSecurityPolicy(providerSignOut.map(h -> provider.providerOrigin()));
        Optional<LogoutSuccessHandler> signOut = providerSignOut;
        http
                .authorizeHttpRequests(a -> a
                        // The error page renders for whoever hit the error; it shows nothing but the status.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(PublicPaths.PAGES.toArray(String[]::new)).permitAll()
                        .requestMatchers(PublicPaths.ASSETS.toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .logout(l -> {
                    l.logoutUrl("/sign-out").invalidateHttpSession(true).deleteCookies("JSESSIONID");
                    // Through the provider's end-session endpoint, which sends the person back to /signed-out.
                    signOut.ifPresentOrElse(l::logoutSuccessHandler, () -> l.logoutSuccessUrl("/signed-out"));
                })
                // After sign-in everyone declares a purpose first; no remembered URL (which could carry data).
                .requestCache(c -> c.disable())
                .addFilterAfter(new IdleTimeout(clock, settings.idleTimeout()), SecurityContextHolderFilter.class)
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(csp))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny())
                        // HSTS is written on HTTPS requests only (Spring Security's default), one year.
                        .httpStrictTransportSecurity(s -> s.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
        return http.build();
    }
}
