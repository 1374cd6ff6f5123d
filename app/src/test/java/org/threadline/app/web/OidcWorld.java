package org.threadline.app.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenID provider of the OIDC tests and a Threadline web app configured to trust it, on the shared built
 * population (one of each per JVM, as {@link BuiltPopulation}): the app signs people in through the provider and
 * accepts its client-credentials tokens, with local accounts still on (no production profile).
 */
final class OidcWorld {
    static final String PROVIDER_NAME = "Example Partnership ID";

    /** Signs in as a police MASH officer: the agency and role are the provider's words, mapped in the settings. */
    static final OidcTestProvider.Person ALICE = new OidcTestProvider.Person("alice", "alice-password-1", Map.of(
            "preferred_username", "alice@police.example", "name", "Alice Example",
            "threadline_agency", "police-force", "threadline_roles", List.of("offline_access", "mash-officer")));
    /** Works for an agency that does not share information through Threadline. */
    static final OidcTestProvider.Person BOB = new OidcTestProvider.Person("bob", "bob-password-1", Map.of(
            "preferred_username", "bob", "name", "Bob Example",
            "threadline_agency", "fire-service", "threadline_roles", List.of("SAFEGUARDING_OFFICER")));
    /** Works for a known agency but has no role Threadline knows. */
    static final OidcTestProvider.Person CAROL = new OidcTestProvider.Person("carol", "carol-password-1", Map.of(
            "preferred_username", "carol", "name", "Carol Example",
            "threadline_agency", "HOUSING", "threadline_roles", List.of("offline_access", "uma_authorization")));

    static final OidcTestProvider.Partner POLICE_CMS = new OidcTestProvider.Partner("police-cms", "police-cms-secret",
            true);
    static final OidcTestProvider.Partner SCHOOL_MIS = new OidcTestProvider.Partner("school-mis", "school-mis-secret",
            true);
    /** Known to the provider, with Threadline's audience, but not to Threadline. */
    static final OidcTestProvider.Partner STRANGER = new OidcTestProvider.Partner("stranger-system",
            "stranger-secret", true);
    /** Known to Threadline, but its tokens are for another API (no Threadline audience). */
    static final OidcTestProvider.Partner OTHER_API = new OidcTestProvider.Partner("other-api-client",
            "other-api-secret", false);

    private static OidcWorld shared;

    final OidcTestProvider provider;
    final TestApp app;

    private OidcWorld(OidcTestProvider provider, TestApp app) {
        this.provider = provider;
        this.app = app;
    }

    static synchronized OidcWorld shared() throws Exception {
        if (shared == null) {
            TestApp population = BuiltPopulation.shared();
            OidcTestProvider provider = OidcTestProvider.start(new MutableClock(BuiltPopulation.DURING_THE_AGREEMENTS),
                    List.of(ALICE, BOB, CAROL), List.of(POLICE_CMS, SCHOOL_MIS, STRANGER, OTHER_API));
            TestApp app;
            try {
                app = TestApp.alongside(population, BuiltPopulation.DURING_THE_AGREEMENTS, properties(provider));
            } catch (RuntimeException e) {
                provider.close();
                throw e;
            }
            provider.allowApp(app.web.url());
            OidcWorld world = new OidcWorld(provider, app);
            shared = world;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                world.app.close();
                world.provider.close();
            }));
        }
        return shared;
    }

    /** The settings an administrator would write for this provider. */
    static Map<String, Object> properties(OidcTestProvider provider) {
        Map<String, Object> p = new HashMap<>();
        p.put("threadline.oidc.sign-in.enabled", "true");
        p.put("threadline.oidc.sign-in.issuer-uri", provider.issuer());
        p.put("threadline.oidc.sign-in.client-id", OidcTestProvider.WEB_CLIENT);
        p.put("threadline.oidc.sign-in.client-secret", OidcTestProvider.WEB_SECRET);
        p.put("threadline.oidc.sign-in.provider-name", PROVIDER_NAME);
        p.put("threadline.oidc.sign-in.agencies.police-force", "POLICE");
        p.put("threadline.oidc.sign-in.roles.mash-officer", "SAFEGUARDING_OFFICER");
        p.put("threadline.oidc.api.enabled", "true");
        p.put("threadline.oidc.api.issuer-uri", provider.issuer());
        p.put("threadline.oidc.api.audience", OidcTestProvider.API_AUDIENCE);
        client(p, "police-cms", POLICE_CMS.clientId(), "POLICE", "SAFEGUARDING_OFFICER");
        client(p, "school-mis", SCHOOL_MIS.clientId(), "SCHOOLS", "DESIGNATED_SAFEGUARDING_LEAD");
        client(p, "other-api", OTHER_API.clientId(), "POLICE", "SAFEGUARDING_OFFICER");
        return p;
    }

    private static void client(Map<String, Object> p, String name, String clientId, String agency, String role) {
        p.put("threadline.oidc.api.clients." + name + ".client-id", clientId);
        p.put("threadline.oidc.api.clients." + name + ".agency", agency);
        p.put("threadline.oidc.api.clients." + name + ".role", role);
    }
}
