package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.app.web.security.SecurityConfiguration;

/**
 * Which ways in the sign-in page offers, over real HTTP: local accounts only while OIDC is off; both beside each other
 * outside production; the provider alone under the {@code production} profile unless the setting keeps local
 * accounts; the Content-Security-Policy widened for the provider's sign-out and nothing else; and settings that
 * cannot work stop the app with the reason.
 */
class OidcSignInSettingsTest {
    static OidcWorld world;
    static TestApp localOnly;

    @BeforeAll
    static void start() throws Exception {
        world = OidcWorld.shared();
        localOnly = BuiltPopulation.shared();
    }

    @Test
    void with_oidc_off_the_sign_in_page_offers_local_accounts_only_under_the_strict_policy() {
        WebClient.Page page = new WebClient(localOnly).get("/sign-in");
        assertThat(page.body()).contains("id=\"username\"", "id=\"password\"").doesNotContain("sign-in-with-provider");
        assertThat(page.header("Content-Security-Policy")).isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(new WebClient(localOnly).get("/sign-in/oidc/threadline").location()).hasValue("/sign-in");
    }

    @Test
    void outside_production_a_local_account_still_signs_in_beside_the_provider() {
        world.app.account("oidc.beside", Agency.HOUSING, Role.PARTNER_DATA_OWNER, "beside-password-1");
        WebClient person = new WebClient(world.app);
        assertThat(person.get("/sign-in").body()).contains("sign-in-with-provider", "id=\"password\"",
                "Or sign in with a Threadline account");
        assertThat(person.signIn("oidc.beside", "beside-password-1").location()).hasValue("/purpose");
    }

    @Test
    void the_policy_lets_the_sign_out_form_go_on_to_the_provider_and_nowhere_else() {
        String csp = new WebClient(world.app).get("/sign-in").header("Content-Security-Policy");
        assertThat(csp).contains("form-action 'self' " + world.provider.issuer() + ";")
                .isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY.replace("form-action 'self'",
                        "form-action 'self' " + world.provider.issuer()));
    }

    @Test
    void under_the_production_profile_local_accounts_are_off_unless_the_setting_keeps_them() {
        Map<String, Object> production = new HashMap<>(OidcWorld.properties(world.provider));
        production.put("spring.profiles.active", "production");
        try (TestApp app = TestApp.alongside(world.app, BuiltPopulation.DURING_THE_AGREEMENTS, production)) {
            app.account("prod.local", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "prod-local-password-1");
            WebClient person = new WebClient(app);
            assertThat(person.get("/sign-in").body()).contains("sign-in-with-provider")
                    .doesNotContain("id=\"password\"");
            WebClient.Page posted = person.postRaw("/sign-in", Map.of("username", "prod.local",
                    "password", "prod-local-password-1"));
            assertThat(posted.location().orElse("")).as("no form sign-in to post to").doesNotContain("/purpose");
            assertThat(person.get("/").location()).as("not signed in").hasValue("/sign-in");
        }
        production.put("threadline.oidc.sign-in.local-accounts", "true");
        try (TestApp app = TestApp.alongside(world.app, BuiltPopulation.DURING_THE_AGREEMENTS, production)) {
            WebClient person = new WebClient(app);
            assertThat(person.get("/sign-in").body()).contains("sign-in-with-provider", "id=\"password\"");
            assertThat(person.signIn("prod.local", "prod-local-password-1").location()).hasValue("/purpose");
        }
    }

    @Test
    void settings_that_cannot_work_stop_the_app_with_every_reason() {
        Map<String, Object> wrong = new HashMap<>();
        wrong.put("threadline.oidc.sign-in.enabled", "true");
        wrong.put("threadline.oidc.sign-in.agencies.cops", "POLICEMEN");
        wrong.put("threadline.oidc.api.enabled", "true");
        assertThatThrownBy(() -> TestApp.alongside(world.app, BuiltPopulation.DURING_THE_AGREEMENTS, wrong))
                .rootCause().hasMessageContaining("threadline.oidc.sign-in.issuer-uri is missing")
                .hasMessageContaining("agencies[cops] names no agency")
                .hasMessageContaining("threadline.oidc.api.audience is missing")
                .hasMessageContaining("threadline.oidc.api.clients is empty");

        Map<String, Object> unreachable = new HashMap<>(OidcWorld.properties(world.provider));
        unreachable.put("threadline.oidc.sign-in.issuer-uri", "http://127.0.0.1:9/no-provider-here");
        assertThatThrownBy(() -> TestApp.alongside(world.app, BuiltPopulation.DURING_THE_AGREEMENTS, unreachable))
                .hasStackTraceContaining("threadline.oidc.sign-in.issuer-uri: the OpenID provider at"
                        + " http://127.0.0.1:9/no-provider-here could not be read");
    }
}
