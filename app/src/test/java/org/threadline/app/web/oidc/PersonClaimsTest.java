package org.threadline.app.web.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;

/** An ID token's claims become an account only when they name one known agency and at least one known role. */
class PersonClaimsTest {
    static OidcSettings.SignIn settings(Map<String, String> agencies, Map<String, String> roles, String agencyClaim,
                                        String rolesClaim) {
        return new OidcSettings.SignIn(true, "https://id.example", "threadline", "secret", List.of("openid"),
                "Example ID", "preferred_username", "name", agencyClaim, rolesClaim, agencies, roles, null, true);
    }

    static final PersonClaims DEFAULTS = new PersonClaims(settings(Map.of("Police-Force", "POLICE"),
            Map.of("mash-officer", "SAFEGUARDING_OFFICER"), "threadline_agency", "threadline_roles"));

    @Test
    void mapped_values_and_agency_and_role_names_both_work_and_unknown_roles_are_ignored() {
        PersonClaims.Outcome o = DEFAULTS.map(Map.of("preferred_username", "Alice@Police.example", "name", "Alice",
                "threadline_agency", "police-force", "threadline_roles",
                List.of("offline_access", "mash-officer", "social-worker")));
        assertThat(o).isInstanceOf(PersonClaims.Mapped.class);
        Account a = ((PersonClaims.Mapped) o).account();
        assertThat(a.username()).isEqualTo("oidc.alice_police.example");
        assertThat(a.displayName()).isEqualTo("Alice");
        assertThat(a.agency()).isEqualTo(Agency.POLICE);
        assertThat(a.roles()).containsExactlyInAnyOrder(Role.SAFEGUARDING_OFFICER, Role.SOCIAL_WORKER);
    }

    @Test
    void a_single_role_as_text_and_a_missing_name_are_accepted() {
        Account a = ((PersonClaims.Mapped) DEFAULTS.map(Map.of("preferred_username", "dsl1",
                "threadline_agency", "schools", "threadline_roles", "designated safeguarding lead"))).account();
        assertThat(a.displayName()).isEqualTo("dsl1");
        assertThat(a.agency()).isEqualTo(Agency.SCHOOLS);
        assertThat(a.roles()).containsExactly(Role.DESIGNATED_SAFEGUARDING_LEAD);
    }

    @Test
    void nested_claims_are_reached_by_a_dotted_path_as_keycloak_writes_realm_roles() {
        PersonClaims keycloak = new PersonClaims(settings(Map.of(), Map.of(), "agency", "realm_access.roles"));
        Account a = ((PersonClaims.Mapped) keycloak.map(Map.of("preferred_username", "sw1", "agency", "HOUSING",
                "realm_access", Map.of("roles", List.of("default-roles-council", "PARTNER_DATA_OWNER"))))).account();
        assertThat(a.roles()).containsExactly(Role.PARTNER_DATA_OWNER);
    }

    @Test
    void every_way_of_not_naming_one_known_agency_and_a_known_role_is_refused_with_its_reason() {
        Map<String, Map<String, Object>> cases = Map.of(
                "no-username", Map.of("threadline_agency", "POLICE", "threadline_roles", "ANALYST"),
                "unusable-username", Map.of("preferred_username", "Ann Smith", "threadline_agency", "POLICE",
                        "threadline_roles", "ANALYST"),
                "no-agency", Map.of("preferred_username", "ann", "threadline_roles", "ANALYST"),
                "unknown-agency", Map.of("preferred_username", "ann", "threadline_agency", "fire-service",
                        "threadline_roles", "ANALYST"),
                "several-agencies", Map.of("preferred_username", "ann", "threadline_agency",
                        List.of("POLICE", "HOUSING"), "threadline_roles", "ANALYST"),
                "no-known-role", Map.of("preferred_username", "ann", "threadline_agency", "POLICE",
                        "threadline_roles", List.of("offline_access", "uma_authorization")));
        cases.forEach((code, claims) -> {
            PersonClaims.Outcome o = DEFAULTS.map(claims);
            assertThat(o).as(code).isInstanceOf(PersonClaims.Refused.class);
            PersonClaims.Refused r = (PersonClaims.Refused) o;
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.reason()).as(code).contains("Example ID").endsWith("to put it right.");
        });
        assertThat(((PersonClaims.Refused) DEFAULTS.map(cases.get("unknown-agency"))).reason())
                .contains("'fire-service'");
        assertThat(((PersonClaims.Refused) DEFAULTS.map(cases.get("no-known-role"))).reason())
                .contains("'threadline_roles'");
    }

    @Test
    void the_settings_report_every_mistake_at_once_with_its_property() {
        OidcSettings.SignIn signIn = new OidcSettings.SignIn(true, "", "", "", List.of("profile"), "x",
                "preferred_username", "name", "a", "r", Map.of("cops", "POLICEMEN"), Map.of("boss", "CHIEF"), null,
                true);
        OidcSettings.Api api = new OidcSettings.Api(true, "", "", "", "client_id", Map.of(
                "Bad Name", new OidcSettings.Client("", "FIRE", "CHIEF")));
        assertThatThrownBy(() -> new OidcSettings(signIn, api))
                .hasMessageContaining("12 problems")
                .hasMessageContaining("threadline.oidc.sign-in.issuer-uri is missing")
                .hasMessageContaining("threadline.oidc.sign-in.client-secret is missing")
                .hasMessageContaining("scopes must include openid")
                .hasMessageContaining("agencies[cops] names no agency: 'POLICEMEN'")
                .hasMessageContaining("roles[boss] names no role")
                .hasMessageContaining("threadline.oidc.api.audience is missing")
                .hasMessageContaining("clients.Bad Name: a client's name")
                .hasMessageContaining("clients.Bad Name.client-id is missing")
                .hasMessageContaining("clients.Bad Name.agency names no agency: 'FIRE'");
    }

    @Test
    void nothing_is_checked_while_oidc_is_off() {
        OidcSettings off = new OidcSettings(new OidcSettings.SignIn(false, "", "", "", List.of(), "x", "", "", "", "",
                null, null, null, true), new OidcSettings.Api(false, "", "", "", "", null));
        assertThat(off.api().clients()).isEmpty();
    }
}
