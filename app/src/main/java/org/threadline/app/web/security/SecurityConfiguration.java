package org.threadline.app.web.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.threadline.app.web.WebSettings;
import org.threadline.app.web.accounts.AccountDetails;
import org.threadline.app.web.accounts.AccountStore;

/** The filter chain: deny by default, form sign-in with lockout, POST-only sign-out, CSRF, security headers. */
@Configuration
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

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, AccountDetails details, PasswordEncoder encoder,
            AccountStore accounts, WebSettings settings, Clock clock) throws Exception {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(details);
        provider.setPasswordEncoder(encoder);
        SignInOutcomes outcomes = new SignInOutcomes(accounts, settings, clock);
        http.authenticationProvider(provider)
                .authorizeHttpRequests(a -> a
                        // The error page renders for whoever hit the error; it shows nothing but the status.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(PublicPaths.PAGES.toArray(String[]::new)).permitAll()
                        .requestMatchers(PublicPaths.ASSETS.toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/sign-in").loginProcessingUrl("/sign-in")
                        .usernameParameter("username").passwordParameter("password")
                        .successHandler(outcomes).failureHandler(outcomes))
                .logout(l -> l.logoutUrl("/sign-out").logoutSuccessUrl("/signed-out")
                        .invalidateHttpSession(true).deleteCookies("JSESSIONID"))
                // After sign-in everyone declares a purpose first; no remembered URL (which could carry data).
                .requestCache(c -> c.disable())
                .addFilterAfter(new IdleTimeout(clock, settings.idleTimeout()), SecurityContextHolderFilter.class)
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny())
                        // HSTS is written on HTTPS requests only (Spring Security's default), one year.
                        .httpStrictTransportSecurity(s -> s.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
        return http.build();
    }
}
