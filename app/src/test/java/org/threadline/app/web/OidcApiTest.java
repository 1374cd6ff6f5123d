package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threadline.app.web.ApiTest.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threadline.app.people.PeopleQueries;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.store.people.Build;
import org.threadline.store.people.PeopleStore;

/**
 * Partner systems calling the REST API with access tokens from a real OpenID provider (client-credentials grant)
 * instead of API keys: a valid token of a known client is served and audited under the client's name; a token that
 * has expired, is for another audience, names another issuer, comes from a client Threadline does not know, or has been
 * tampered with is refused with 401 and a problem document that says which; and a client's agency sees only what
 * the agreements share with it, as an API key of that agency would.
 */
class OidcApiTest {
    static final String MASH = "SAFEGUARDING.CHILD.MASH_TRIAGE";
    static OidcWorld world;
    static String child;
    static List<Build.RecordRow> records;
    static List<ChronologyEvent> events;

    @BeforeAll
    static void start() throws Exception {
        world = OidcWorld.shared();
        for (int n = 301; n <= 307; n++) {
            world.app.openCaseLinkingEveryone("MASH-" + n, org.threadline.app.web.accounts.Agency.values());
        }
        PeopleStore store = new PeopleStore(world.app.database.dataSource());
        child = store.sampleChild().orElseThrow();
        records = store.recordsOf(child);
        events = world.app.bean(PeopleQueries.class).events(List.of(child));
    }

    static ApiClient caller(String token, String caseReference) {
        return new ApiClient(world.app, token).purpose(MASH, caseReference);
    }

    static String token(OidcTestProvider.Partner partner) {
        return world.provider.token(partner.clientId(), partner.secret());
    }

    static long audited(String actor) throws Exception {
        try (Connection c = world.app.database.dataSource().getConnection(); PreparedStatement s =
                c.prepareStatement("SELECT count(*) FROM audit_entry WHERE payload->>'actor' = ?"
                        + " AND payload->>'purpose' = ? AND payload->>'caseRef' = ?")) {
            s.setString(1, actor);
            s.setString(2, MASH);
            s.setString(3, "MASH-301");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Entries of refused API authentications carrying all of {@code reasons}. */
    static long refused(String... reasons) throws Exception {
        try (Connection c = world.app.database.dataSource().getConnection(); PreparedStatement s =
                c.prepareStatement("SELECT count(*) FROM audit_entry WHERE payload->>'action' ="
                        + " 'API_AUTHENTICATION_FAILED' AND payload->'reasonCodes' @> CAST(? AS jsonb)")) {
            s.setString(1, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(List.of(reasons)));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void a_valid_token_of_a_known_client_reads_a_person_and_the_read_is_audited_under_the_clients_name()
            throws Exception {
        long before = audited("oidc-client.police-cms");
        ApiClient.Reply reply = caller(token(OidcWorld.POLICE_CMS), "MASH-301").get("/api/v1/people/" + child);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode person = reply.json();
        assertThat(person.path("personId").asText()).isEqualTo(child);
        assertThat(person.path("release").path("party").asText()).isNotBlank();
        Build.RecordRow police = records.stream().filter(r -> r.definitionId().startsWith("police-")).findFirst()
                .orElseThrow();
        assertThat(reply.body()).as("a police client reads police records").contains(police.recordKey());
        assertThat(audited("oidc-client.police-cms")).as("the release is in the audit log, under the client")
                .isGreaterThan(before);
    }

    @Test
    void the_purpose_per_call_rule_holds_for_tokens_as_for_keys() {
        String token = token(OidcWorld.POLICE_CMS);
        assertProblem(new ApiClient(world.app, token).get("/api/v1/people/" + child), 400, "purpose-required");
        assertProblem(new ApiClient(world.app, token).purpose(MASH, null).get("/api/v1/people/" + child), 400,
                "case-reference-required");
    }

    @Test
    void an_expired_token_is_refused_with_401_saying_so() throws Exception {
        long before = refused("TOKEN_EXPIRED");
        MutableClock clock = world.provider.clock();
        Instant now = clock.instant();
        clock.set(now.minus(Duration.ofHours(2)));
        String old;
        try {
            old = token(OidcWorld.POLICE_CMS);
        } finally {
            clock.set(now);
        }
        ApiClient.Reply reply = caller(old, "MASH-302").get("/api/v1/people/" + child);
        assertProblem(reply, 401, "token-expired");
        assertThat(reply.json().path("detail").asText()).contains("expired");
        assertThat(reply.body()).doesNotContain(records.get(0).recordKey());
        assertThat(refused("TOKEN_EXPIRED")).as("one audit entry, saying why").isEqualTo(before + 1);
    }

    @Test
    void a_token_for_another_audience_is_refused_with_401_saying_so() {
        ApiClient.Reply reply = caller(token(OidcWorld.OTHER_API), "MASH-303").get("/api/v1/people/" + child);
        assertProblem(reply, 401, "token-wrong-audience");
        assertThat(reply.json().path("detail").asText()).contains(OidcTestProvider.API_AUDIENCE);
    }

    @Test
    void a_token_naming_another_issuer_is_refused_with_401_saying_so_even_though_its_signature_verifies() {
        // The same provider and key, reached under another host name: the token's iss is that name.
        String token = world.provider.token(world.provider.otherIssuer(), OidcWorld.POLICE_CMS.clientId(),
                OidcWorld.POLICE_CMS.secret());
        assertThat(claims(token)).contains("\"iss\":\"" + world.provider.otherIssuer());
        ApiClient.Reply reply = caller(token, "MASH-304").get("/api/v1/people/" + child);
        assertProblem(reply, 401, "token-wrong-issuer");
        assertThat(reply.json().path("detail").asText()).contains(world.provider.issuer());
    }

    @Test
    void a_token_of_a_client_threadline_does_not_know_is_refused_with_401_saying_so() throws Exception {
        long before = refused("CLIENT_UNKNOWN", "client-id:" + OidcWorld.STRANGER.clientId());
        ApiClient.Reply reply = caller(token(OidcWorld.STRANGER), "MASH-305").get("/api/v1/people/" + child);
        assertProblem(reply, 401, "client-unknown");
        assertThat(reply.json().path("detail").asText()).contains("threadline.oidc.api.clients");
        assertThat(reply.response().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                h -> assertThat(h).startsWith("Bearer"));
        assertThat(refused("CLIENT_UNKNOWN", "client-id:" + OidcWorld.STRANGER.clientId()))
                .as("one audit entry naming the client the signed token named").isEqualTo(before + 1);
    }

    @Test
    void a_tampered_token_is_refused_with_401_because_its_signature_does_not_verify() throws Exception {
        long before = refused("TOKEN_SIGNATURE_INVALID");
        // A school system's valid token, its client id changed to the police system's: the claims now name a client
        // that may read more, but the signature was made over the old claims.
        String token = token(OidcWorld.SCHOOL_MIS);
        String[] parts = token.split("\\.");
        String changed = claims(token).replace("\"" + OidcWorld.SCHOOL_MIS.clientId() + "\"",
                "\"" + OidcWorld.POLICE_CMS.clientId() + "\"");
        assertThat(changed).contains(OidcWorld.POLICE_CMS.clientId());
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(changed.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        ApiClient.Reply reply = caller(tampered, "MASH-306").get("/api/v1/people/" + child);
        assertProblem(reply, 401, "token-signature-invalid");
        assertThat(refused("TOKEN_SIGNATURE_INVALID")).isEqualTo(before + 1);
        assertThat(refused("TOKEN_SIGNATURE_INVALID", "client-id:" + OidcWorld.POLICE_CMS.clientId()))
                .as("the claims of a token whose signature fails name no one in the audit log").isZero();
        assertThat(caller(token, "MASH-306").get("/api/v1/people/" + child).status())
                .as("the untampered token works").isEqualTo(200);
    }

    @Test
    void an_api_key_still_works_beside_tokens_and_a_malformed_bearer_is_refused() {
        assertProblem(caller("not.a-jwt.x", "MASH-307").get("/api/v1/people/" + child), 401, "token-malformed");
        assertProblem(caller("tl_0123456789abcdef_" + "A".repeat(43), "MASH-307").get("/api/v1/people/" + child), 401,
                "api-key-invalid");
        String key = new org.threadline.app.apikeys.ApiKeys(world.app.database.dataSource(),
                new java.security.SecureRandom()).create("oidc-beside-key", "POLICE", "SAFEGUARDING_OFFICER", "test",
                BuiltPopulation.DURING_THE_AGREEMENTS).secretKey();
        assertThat(caller(key, "MASH-307").get("/api/v1/people/" + child).status()).isEqualTo(200);
    }

    @Test
    void a_school_clients_token_cannot_read_what_the_schools_agreements_do_not_allow() throws Exception {
        String token = token(OidcWorld.SCHOOL_MIS);
        JsonNode person = caller(token, "MASH-301").get("/api/v1/people/" + child).json();
        List<Build.RecordRow> police = records.stream().filter(r -> r.definitionId().startsWith("police-")).toList();
        assertThat(police).as("the sample child has police records").isNotEmpty();
        String body = person.toString();
        for (Build.RecordRow r : police) {
            assertThat(body).doesNotContain(r.recordKey());
        }
        assertThat(body).doesNotContain("police-incident-persons", "police-custody", "pnc_id");
        assertThat(person.path("recordsNotShared").asInt()).isGreaterThanOrEqualTo(police.size());
        assertThat(person.path("release").path("notShownBecause").toString())
                .contains("no agreement shares this with your agency");

        JsonNode chronology = caller(token, "MASH-301").get("/api/v1/people/" + child + "/chronology").json();
        assertThat(events.stream().filter(e -> e.agency().equals("police")).toList()).isNotEmpty();
        for (JsonNode e : chronology.path("events")) {
            assertThat(e.path("agency").asText()).isNotEqualTo("police");
        }
        assertThat(audited("oidc-client.school-mis")).as("the refusals are audited too").isGreaterThan(0);
    }

    private static String claims(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
