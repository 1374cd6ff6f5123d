package org.threadline.app.web.oidc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;

/**
 * OpenID Connect, under {@code threadline.oidc.*} (environment: {@code THREADLINE_OIDC_SIGNIN_ENABLED=true} ...):
 * sign-in for people and client credentials for the API, each off unless enabled (ADR 0021, docs/web.md,
 * docs/api.md). Every setting is checked at start-up and every mistake is reported at once, with its property name.
 *
 * @param signIn people signing in through the organisation's provider
 * @param api partner systems calling the API with the provider's access tokens
 */
@ConfigurationProperties("threadline.oidc")
public record OidcSettings(@DefaultValue SignIn signIn, @DefaultValue Api api) {

    /** As API keys' names, so that {@code oidc-client.<name>} is a valid actor name everywhere. */
    static final Pattern CLIENT_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,50}");

    public OidcSettings {
        List<String> errors = new ArrayList<>();
        signIn.check(errors);
        api.check(errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("The OIDC settings have " + errors.size() + " problem"
                    + (errors.size() == 1 ? "" : "s") + ":\n  - " + String.join("\n  - ", errors));
        }
    }

    /**
     * People signing in through the provider.
     *
     * @param enabled whether the sign-in page offers the provider
     * @param issuerUri the provider's issuer ({@code /.well-known/openid-configuration} is read from it at start-up)
     * @param clientId Threadline's client id at the provider
     * @param clientSecret its secret (give it in the environment, never in a file under version control)
     * @param scopes asked for; {@code openid} is needed
     * @param providerName how the sign-in button names the provider ("Sign in with ...")
     * @param usernameClaim the claim that names the person; the audit log records {@code oidc.<value>}
     * @param nameClaim the claim with the name shown on pages (the username if absent)
     * @param agencyClaim the claim naming the person's agency (a dotted path reaches into nested claims)
     * @param rolesClaim the claim listing the person's roles (a list, or one value; a dotted path as above)
     * @param agencies claim value to agency name ({@code police-force: POLICE}); unmapped values are tried as agency
     *     names (case and '-' ignored)
     * @param roles claim value to role name, likewise
     * @param localAccounts whether local accounts may still sign in beside the provider; unset means yes, except
     *     under the Spring profile {@code production}
     * @param endProviderSession whether signing out also ends the session at the provider (RP-initiated logout)
     */
    public record SignIn(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("") String issuerUri,
            @DefaultValue("") String clientId,
            @DefaultValue("") String clientSecret,
            @DefaultValue({"openid", "profile"}) List<String> scopes,
            @DefaultValue("your organisation") String providerName,
            @DefaultValue("preferred_username") String usernameClaim,
            @DefaultValue("name") String nameClaim,
            @DefaultValue("threadline_agency") String agencyClaim,
            @DefaultValue("threadline_roles") String rolesClaim,
            Map<String, String> agencies,
            Map<String, String> roles,
            Boolean localAccounts,
            @DefaultValue("true") boolean endProviderSession) {

        public SignIn {
            scopes = List.copyOf(scopes);
            agencies = lowerKeys(agencies);
            roles = lowerKeys(roles);
        }

        void check(List<String> errors) {
            String p = "threadline.oidc.sign-in.";
            if (!enabled) {
                return;
            }
            required(errors, p + "issuer-uri", issuerUri);
            required(errors, p + "client-id", clientId);
            required(errors, p + "client-secret", clientSecret);
            required(errors, p + "username-claim", usernameClaim);
            required(errors, p + "agency-claim", agencyClaim);
            required(errors, p + "roles-claim", rolesClaim);
            if (!scopes.contains("openid")) {
                errors.add(p + "scopes must include openid (it is " + scopes + ")");
            }
            agencies.forEach((value, agency) -> {
                if (parse(Agency.class, agency) == null) {
                    errors.add(p + "agencies[" + value + "] names no agency: '" + agency + "' (one of "
                            + List.of(Agency.values()) + ")");
                }
            });
            roles.forEach((value, role) -> {
                if (parse(Role.class, role) == null) {
                    errors.add(p + "roles[" + value + "] names no role: '" + role + "' (one of "
                            + List.of(Role.values()) + ")");
                }
            });
        }
    }

    /**
     * Partner systems calling the API with an access token (client-credentials grant) instead of an API key.
     *
     * @param enabled whether bearer tokens that are not API keys are checked as the provider's JWTs
     * @param issuerUri the issuer every token must name ({@code iss}); its keys are found from it
     * @param jwkSetUri the provider's key set, if it is not to be discovered from the issuer
     * @param audience the audience every token must name ({@code aud}): Threadline's API at the provider
     * @param clientIdClaim the claim naming the calling client ({@code client_id} in RFC 9068; {@code azp} in
     *     Keycloak and Entra ID v2, {@code appid} in Entra ID v1)
     * @param clients the clients Threadline knows, by name: each client id's agency and role
     */
    public record Api(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("") String issuerUri,
            @DefaultValue("") String jwkSetUri,
            @DefaultValue("") String audience,
            @DefaultValue("client_id") String clientIdClaim,
            Map<String, Client> clients) {

        public Api {
            clients = clients == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(clients));
        }

        void check(List<String> errors) {
            String p = "threadline.oidc.api.";
            if (!enabled) {
                return;
            }
            required(errors, p + "issuer-uri", issuerUri);
            required(errors, p + "audience", audience);
            required(errors, p + "client-id-claim", clientIdClaim);
            if (clients.isEmpty()) {
                errors.add(p + "clients is empty: name at least one client, e.g. " + p
                        + "clients.housing-cms.client-id=..., .agency=HOUSING, .role=PARTNER_DATA_OWNER");
            }
            Set<String> ids = new HashSet<>();
            clients.forEach((name, c) -> {
                String q = p + "clients." + name + ".";
                if (!CLIENT_NAME.matcher(name).matches()) {
                    errors.add(p + "clients." + name + ": a client's name must be 3 to 51 lower-case letters,"
                            + " digits, '.', '_' or '-'");
                }
                if (c.clientId() == null || c.clientId().isBlank()) {
                    errors.add(q + "client-id is missing");
                } else if (!ids.add(c.clientId())) {
                    errors.add(q + "client-id '" + c.clientId() + "' is given to another client too");
                }
                if (parse(Agency.class, c.agency()) == null) {
                    errors.add(q + "agency names no agency: '" + c.agency() + "' (one of "
                            + List.of(Agency.values()) + ")");
                }
                if (parse(Role.class, c.role()) == null) {
                    errors.add(q + "role names no role: '" + c.role() + "' (one of " + List.of(Role.values()) + ")");
                }
            });
        }
    }

    /**
     * A partner system known to Threadline by its client id at the provider.
     *
     * @param clientId as the token's client-id claim carries it
     * @param agency the agency it acts for
     * @param role what it may do, as for a person or an API key
     */
    public record Client(String clientId, String agency, String role) {
    }

    /** The agency or role an enum-like value names (case, '-' and spaces ignored), or null. */
    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static Map<String, String> lowerKeys(Map<String, String> map) {
        Map<String, String> out = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        }
        return Map.copyOf(out);
    }

    private static void required(List<String> errors, String property, String value) {
        if (value == null || value.isBlank()) {
            errors.add(property + " is missing");
        }
    }
}
