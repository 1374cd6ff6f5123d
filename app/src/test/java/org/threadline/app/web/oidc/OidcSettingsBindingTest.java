package org.threadline.app.web.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ByteArrayResource;

/** The settings bind from the environment variables and the YAML that docs/web.md and docs/api.md show. */
class OidcSettingsBindingTest {

    static OidcSettings bind(PropertySource<?> source) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(source);
        return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("threadline.oidc",
                OidcSettings.class);
    }

    @Test
    void nothing_set_means_both_off_and_local_accounts_left_to_the_profile() {
        OidcSettings s = bind(new SystemEnvironmentPropertySource("systemEnvironment", Map.of()));
        assertThat(s.signIn().enabled()).isFalse();
        assertThat(s.api().enabled()).isFalse();
        assertThat(s.signIn().localAccounts()).isNull();
        assertThat(s.signIn().scopes()).containsExactly("openid", "profile");
        assertThat(s.api().clientIdClaim()).isEqualTo("client_id");
    }

    @Test
    void the_documented_environment_variables_bind() {
        OidcSettings s = bind(new SystemEnvironmentPropertySource("systemEnvironment", env(
                "THREADLINE_OIDC_SIGNIN_ENABLED", "true",
                "THREADLINE_OIDC_SIGNIN_ISSUERURI", "https://id.example/realms/p",
                "THREADLINE_OIDC_SIGNIN_CLIENTID", "threadline",
                "THREADLINE_OIDC_SIGNIN_CLIENTSECRET", "s3cret",
                "THREADLINE_OIDC_SIGNIN_LOCALACCOUNTS", "false",
                "THREADLINE_OIDC_API_ENABLED", "true",
                "THREADLINE_OIDC_API_ISSUERURI", "https://id.example/realms/p",
                "THREADLINE_OIDC_API_AUDIENCE", "threadline-api",
                "THREADLINE_OIDC_API_CLIENTS_HOUSINGCMS_CLIENTID", "housing-cms",
                "THREADLINE_OIDC_API_CLIENTS_HOUSINGCMS_AGENCY", "HOUSING",
                "THREADLINE_OIDC_API_CLIENTS_HOUSINGCMS_ROLE", "PARTNER_DATA_OWNER")));
        assertThat(s.signIn().clientSecret()).isEqualTo("s3cret");
        assertThat(s.signIn().localAccounts()).isFalse();
        assertThat(s.api().clients()).containsOnlyKeys("housingcms");
        assertThat(s.api().clients().get("housingcms").agency()).isEqualTo("HOUSING");
    }

    private static Map<String, Object> env(String... pairs) {
        Map<String, Object> out = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }

    @Test
    void the_documented_yaml_binds_with_its_bracketed_mapping_keys() throws Exception {
        String yaml = """
                threadline:
                  oidc:
                    sign-in:
                      enabled: true
                      issuer-uri: https://id.example.gov.uk/realms/partnership
                      client-id: threadline
                      client-secret: from-the-environment
                      roles-claim: realm_access.roles
                      agencies:
                        "[Police Force]": POLICE
                        "[Children's Services]": CHILDRENS_SOCIAL_CARE
                    api:
                      enabled: true
                      issuer-uri: https://id.example.gov.uk/realms/partnership
                      audience: threadline-api
                      client-id-claim: azp
                      clients:
                        housing-cms: {client-id: housing-cms, agency: HOUSING, role: PARTNER_DATA_OWNER}
                """;
        List<PropertySource<?>> loaded = new YamlPropertySourceLoader().load("oidc.yaml",
                new ByteArrayResource(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        OidcSettings s = bind(loaded.get(0));
        assertThat(s.signIn().agencies()).containsEntry("police force", "POLICE")
                .containsEntry("children's services", "CHILDRENS_SOCIAL_CARE");
        assertThat(new PersonClaims(s.signIn()).map(Map.of("preferred_username", "sw1",
                "threadline_agency", "Children's Services", "realm_access", Map.of("roles", List.of("SOCIAL_WORKER")))))
                .isInstanceOf(PersonClaims.Mapped.class);
        assertThat(s.api().clients().get("housing-cms").clientId()).isEqualTo("housing-cms");
        assertThat(s.api().clientIdClaim()).isEqualTo("azp");
    }
}
