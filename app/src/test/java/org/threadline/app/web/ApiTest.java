package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threadline.app.apikeys.ApiKeys;
import org.threadline.app.people.PeopleQueries;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Memberships;
import org.threadline.app.web.accounts.Role;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.indicators.alerts.Actor;
import org.threadline.domain.indicators.alerts.Alert;
import org.threadline.domain.indicators.alerts.AlertState;
import org.threadline.domain.indicators.alerts.AlertStep;
import org.threadline.domain.indicators.alerts.Recipient;
import org.threadline.store.indicators.AlertStore;
import org.threadline.store.people.Build;
import org.threadline.store.people.PeopleStore;

/**
 * The REST API over real HTTP on a generated, ingested and built population, called by partner systems with API keys
 * of different agencies and roles: authentication, the declared purpose, what each agency's key may and may not
 * read (the shipped agreements decide, as for the pages), alerts with only what the recipient may see, uploads with
 * their quarantine, and an audit entry for every call.
 */
class ApiTest {
    static TestApp app;
    static ApiKeys keys;
    static String child;
    static List<Build.RecordRow> records;
    static List<ChronologyEvent> events;
    static String policeKey;
    static String schoolKey;
    static String housingKey;
    static String housingOfficerKey;

    @BeforeAll
    static void population() throws Exception {
        app = BuiltPopulation.shared();
        keys = new ApiKeys(app.database.dataSource(), new SecureRandom());
        policeKey = key("api-police-cms", Agency.POLICE, Role.SAFEGUARDING_OFFICER);
        schoolKey = key("api-school-mis", Agency.SCHOOLS, Role.DESIGNATED_SAFEGUARDING_LEAD);
        housingKey = key("api-housing-feed", Agency.HOUSING, Role.PARTNER_DATA_OWNER);
        housingOfficerKey = key("api-housing-officer", Agency.HOUSING, Role.SAFEGUARDING_OFFICER);
        PeopleStore store = new PeopleStore(app.database.dataSource());
        child = store.sampleChild().orElseThrow();
        records = store.recordsOf(child);
        events = app.bean(PeopleQueries.class).events(List.of(child));
        app.openCaseLinkingEveryone(Agency.POLICE, "MASH-201");
        app.openCaseLinkingEveryone(Agency.SCHOOLS, "MASH-202");
        app.openCaseLinkingEveryone(Agency.POLICE, "MASH-1");
        app.openCaseLinkingEveryone(Agency.HOUSING, "MASH-3");
    }

    static String key(String name, Agency agency, Role role) {
        return keys.create(name, agency.name(), role.name(), "test", Instant.parse("2026-09-01T00:00:00Z"))
                .secretKey();
    }

    static ApiClient police() {
        return new ApiClient(app, policeKey).purpose("SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-201");
    }

    static ApiClient school() {
        return new ApiClient(app, schoolKey).purpose("SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-202");
    }

    static ApiClient housing() {
        return new ApiClient(app, housingKey).purpose("DATA_QUALITY.PARTNER_FEED", null);
    }

    static long audited(String actor, String action) throws Exception {
        try (Connection c = app.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM audit_entry WHERE payload->>'actor' = ? AND payload->>'action' = ?")) {
            s.setString(1, actor);
            s.setString(2, action);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static long audited(String actor) throws Exception {
        try (Connection c = app.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM audit_entry WHERE payload->>'actor' = ?")) {
            s.setString(1, actor);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static void assertProblem(ApiClient.Reply reply, int status, String slug) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode p = reply.json();
        assertThat(p.path("type").asText()).isEqualTo("urn:threadline:problem:" + slug);
        assertThat(p.path("status").asInt()).isEqualTo(status);
        assertThat(p.path("title").asText()).isNotBlank();
        assertThat(p.path("detail").asText()).isNotBlank();
    }

    @Test
    void a_call_without_a_key_or_with_a_wrong_unknown_or_revoked_one_is_refused_with_401() {
        String path = "/api/v1/people/" + child;
        assertProblem(new ApiClient(app, null).purpose("SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-1").get(path), 401,
                "api-key-required");
        String wrongSecret = policeKey.substring(0, policeKey.length() - 4) + "AAAA";
        assertProblem(new ApiClient(app, wrongSecret).purpose("SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-1")
                .get(path), 401, "api-key-invalid");
        assertProblem(new ApiClient(app, "tl_0123456789abcdef_" + "A".repeat(43))
                .purpose("SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-1").get(path), 401, "api-key-invalid");
        assertProblem(new ApiClient(app, "not-a-key").get(path), 401, "api-key-invalid");

        String revoked = key("api-revoked", Agency.POLICE, Role.SAFEGUARDING_OFFICER);
        ApiClient before = new ApiClient(app, revoked).purpose("SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-1");
        assertThat(before.get(path).status()).isEqualTo(200);
        assertThat(keys.revoke("api-revoked", Instant.parse("2026-10-01T10:00:00Z"))).isTrue();
        ApiClient.Reply after = before.get(path);
        assertProblem(after, 401, "api-key-invalid");
        assertThat(after.response().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                h -> assertThat(h).startsWith("Bearer"));
        assertThat(after.body()).doesNotContain(records.get(0).identity().get("surname"));
    }

    @Test
    void a_key_is_stored_only_as_a_hash() throws Exception {
        try (Connection c = app.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT * FROM api_key WHERE name = 'api-police-cms'"); ResultSet r = s.executeQuery()) {
            assertThat(r.next()).isTrue();
            for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                String value = r.getString(i);
                if (value != null) {
                    assertThat(policeKey).as(r.getMetaData().getColumnName(i)).doesNotContain(
                            value.length() > 20 ? value : "~never~");
                    assertThat(value).doesNotContain(policeKey.substring(20));
                }
            }
        }
    }

    @Test
    void a_call_without_a_purpose_is_refused_with_400_and_a_problem_document_before_anything_is_read()
            throws Exception {
        long before = audited("apikey.api-police-cms");
        ApiClient noPurpose = new ApiClient(app, policeKey);
        assertProblem(noPurpose.get("/api/v1/people/" + child), 400, "purpose-required");
        assertProblem(noPurpose.get("/api/v1/people/" + child + "/chronology"), 400, "purpose-required");
        assertProblem(noPurpose.get("/api/v1/alerts"), 400, "purpose-required");
        assertProblem(new ApiClient(app, policeKey).purpose("SAFEGUARDING.CHILD.MASH_TRIAGE", null)
                .get("/api/v1/people/" + child), 400, "case-reference-required");
        assertProblem(new ApiClient(app, policeKey).purpose("SERVICE_EVALUATION.PSEUDONYMISED", null)
                .get("/api/v1/people/" + child), 400, "purpose-not-allowed");
        assertThat(audited("apikey.api-police-cms")).as("nothing read, nothing released").isEqualTo(before);
    }

    @Test
    void a_police_key_reads_police_records_in_full_and_only_the_school_fields_the_agreement_shares()
            throws Exception {
        long before = audited("apikey.api-police-cms");
        ApiClient.Reply reply = police().get("/api/v1/people/" + child);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        JsonNode person = reply.json();
        assertThat(person.path("personId").asText()).isEqualTo(child);
        Build.RecordRow pupil = records.stream().filter(r -> r.definitionId().equals("schools-pupils")).findFirst()
                .orElseThrow();
        JsonNode shown = record(person, pupil.recordKey()).orElseThrow();
        assertThat(shown.path("fields").path("upn").asText()).isEqualTo(pupil.identity().get("upn"));
        assertThat(shown.path("fields").has("postcode")).isFalse();
        assertThat(shown.path("fields").has("address_line")).isFalse();
        assertThat(shown.path("otherFieldsNotShown").asText()).contains("ISA-TL-CHILDREN@1");
        for (Build.RecordRow r : records) {
            if (r.definitionId().startsWith("police-")) {
                assertThat(record(person, r.recordKey())).as(r.recordKey()).hasValueSatisfying(j ->
                        assertThat(j.path("basis").asText()).isEqualTo("your agency's own record"));
            }
        }
        assertThat(person.path("release").path("party").asText()).isEqualTo("police");
        assertThat(person.path("release").path("caseReference").asText()).isEqualTo("MASH-201");
        assertThat(audited("apikey.api-police-cms")).as("the release is audited").isGreaterThan(before);
    }

    @Test
    void a_school_key_cannot_read_what_the_schools_agreements_do_not_allow() throws Exception {
        long before = audited("apikey.api-school-mis");
        JsonNode person = school().get("/api/v1/people/" + child).json();

        List<Build.RecordRow> police = records.stream().filter(r -> r.definitionId().startsWith("police-")).toList();
        assertThat(police).as("the sample child has police records").isNotEmpty();
        String body = person.toString();
        for (Build.RecordRow r : police) {
            assertThat(body).doesNotContain(r.recordKey());
            if (r.identity().containsKey("pnc_id") && !r.identity().get("pnc_id").isBlank()) {
                assertThat(body).doesNotContain(r.identity().get("pnc_id"));
            }
        }
        assertThat(body).doesNotContain("police-incident-persons", "police-custody", "pnc_id");
        assertThat(person.path("recordsNotShared").asInt()).isGreaterThanOrEqualTo(police.size());
        assertThat(person.path("release").path("notShownBecause").toString())
                .contains("no agreement shares this with your agency");

        JsonNode chronology = school().get("/api/v1/people/" + child + "/chronology").json();
        assertThat(events.stream().filter(e -> e.agency().equals("police")).toList()).isNotEmpty();
        for (JsonNode e : chronology.path("events")) {
            assertThat(e.path("agency").asText()).isNotEqualTo("police");
        }
        assertThat(chronology.path("notShown").toString()).contains("not shown");
        assertThat(audited("apikey.api-school-mis")).as("refusals are audited too").isGreaterThan(before);
    }

    @Test
    void an_unknown_or_malformed_person_id_is_not_found_as_a_problem_document() {
        assertProblem(police().get("/api/v1/people/P9999999"), 404, "not-found");
        assertProblem(police().get("/api/v1/people/someone"), 404, "not-found");
    }

    static Optional<JsonNode> record(JsonNode person, String recordKey) {
        for (JsonNode r : person.path("records")) {
            if (r.path("recordKey").asText().equals(recordKey)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    @Test
    void alerts_go_to_the_recipient_agency_only_with_the_evidence_it_may_see() throws Exception {
        List<String> policeEvents = events.stream().filter(e -> e.agency().equals("police"))
                .map(ChronologyEvent::eventId).limit(3).toList();
        Instant raised = Instant.parse("2026-09-20T08:00:00Z");
        AlertStore store = new AlertStore(app.database.dataSource());
        store.raise(alert("api-test-to-schools", "schools", policeEvents, raised));
        store.raise(alert("api-test-to-police", "police", policeEvents, raised));

        JsonNode schools = school().get("/api/v1/alerts").json();
        JsonNode toSchool = alert(schools, "api-test-to-schools").orElseThrow();
        assertThat(alert(schools, "api-test-to-police")).as("another agency's alert").isEmpty();
        assertThat(toSchool.path("personId").asText()).isEqualTo(child);
        assertThat(toSchool.path("statements")).as("statements restate police evidence").isEmpty();
        assertThat(toSchool.path("evidence")).isEmpty();
        assertThat(toSchool.path("evidenceNotShown").asInt()).isEqualTo(policeEvents.size());
        assertThat(toSchool.path("notShownBecause").asText()).contains("not shared with you");
        assertThat(toSchool.path("overdue").asBoolean()).as("due before the test clock's now").isTrue();

        JsonNode police = police().get("/api/v1/alerts").json();
        JsonNode toPolice = alert(police, "api-test-to-police").orElseThrow();
        assertThat(alert(police, "api-test-to-schools")).isEmpty();
        assertThat(toPolice.path("statements").get(0).asText()).isEqualTo("three incidents (test statement)");
        assertThat(toPolice.path("evidence")).hasSize(policeEvents.size());
    }

    @Test
    void an_alert_routed_to_one_school_reaches_only_keys_working_for_it_and_one_whose_school_is_unknown_only_every_school_keys()
            throws Exception {
        // The shipped Operation Encompass trigger routes to the child's school (route.organisation), as the inbox
        // reads it; the alerts are stored as the rule engine stores them.
        Instant raised = Instant.parse("2026-09-21T08:00:00Z");
        AlertStore store = new AlertStore(app.database.dataSource());
        store.raise(encompass("api-org-school-a", Optional.of("100001"), raised));
        store.raise(encompass("api-org-school-b", Optional.of("100002"), raised));
        store.raise(encompass("api-org-unknown-school", Optional.empty(), raised));
        store.raise(alert("api-org-to-the-agency", "schools", List.of(events.get(0).eventId()), raised));
        String schoolA = keys.create("api-org-school-a", "SCHOOLS", "DESIGNATED_SAFEGUARDING_LEAD", List.of("100001"),
                "test", raised).secretKey();
        String everySchool = keys.create("api-org-every-school", "SCHOOLS", "DESIGNATED_SAFEGUARDING_LEAD",
                List.of(Memberships.EVERY), "test", raised).secretKey();

        JsonNode a = encompassCaller(schoolA).get("/api/v1/alerts").json();
        assertThat(alert(a, "api-org-school-a")).as("its own school's alert").isPresent();
        assertThat(alert(a, "api-org-school-b")).as("another school's alert").isEmpty();
        assertThat(alert(a, "api-org-unknown-school")).as("an alert whose school is not on record").isEmpty();
        assertThat(a.path("organisations").toString()).isEqualTo("[\"100001\"]");

        JsonNode every = encompassCaller(everySchool).get("/api/v1/alerts").json();
        for (String id : List.of("api-org-school-a", "api-org-school-b", "api-org-unknown-school")) {
            assertThat(alert(every, id)).as(id + " reaches a key working for every school").isPresent();
        }

        JsonNode none = encompassCaller(schoolKey).get("/api/v1/alerts").json();
        for (String id : List.of("api-org-school-a", "api-org-school-b", "api-org-unknown-school")) {
            assertThat(alert(none, id)).as(id + " does not reach a key linked to no school").isEmpty();
        }
        for (JsonNode list : List.of(a, every, none)) {
            assertThat(alert(list, "api-org-to-the-agency")).as("an alert routed to the agency as a whole reaches"
                    + " every key of the agency").isPresent();
        }
        assertThat(keys.organisations("api-org-school-a")).containsExactly("100001");
    }

    static ApiClient encompassCaller(String key) {
        return new ApiClient(app, key).purpose("SAFEGUARDING.CHILD.ENCOMPASS", null);
    }

    static Alert encompass(String id, Optional<String> school, Instant raised) {
        return new Alert(id, child, "operation-encompass", "encompass.household_domestic_abuse",
                "child-safeguarding@1", new Recipient("schools", "designated safeguarding lead", school),
                List.of(events.get(0).eventId()), List.of(), raised, raised.plusSeconds(86_400),
                List.of(new AlertStep(AlertState.RAISED, raised, new Actor("threadline", "threadline"),
                        Optional.empty())));
    }

    static Alert alert(String id, String agency, List<String> evidence, Instant raised) {
        return new Alert(id, child, "api-test-trigger", "api-test-indicator", "test-rules@1",
                new Recipient(agency, "safeguarding lead", Optional.empty()), evidence,
                List.of("three incidents (test statement)"), raised, raised.plusSeconds(86_400),
                List.of(new AlertStep(AlertState.RAISED, raised, new Actor("threadline", "threadline"),
                        Optional.empty())));
    }

    static Optional<JsonNode> alert(JsonNode list, String id) {
        for (JsonNode a : list.path("alerts")) {
            if (a.path("alertId").asText().equals(id)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Three rows of which two are quarantined: no case reference, and no person number. */
    static final String HOUSING_CSV = String.join("\r\n",
            "Case Ref;Person No;Relationship to applicant;First name;Last name;Date of birth;Sex;NI number;"
                    + "Last settled address;Postcode;UPRN",
            "HL/2026/APITEST01;1;Applicant;Avery;Testcase;09-Feb-1985;Female;;1 Example Row, Leeds;LS6 1AA;",
            ";2;Partner;=HYPERLINK(\"http://example.invalid\");Testcase;23-Jun-1984;Male;;1 Example Row, Leeds;"
                    + "LS6 1AA;",
            "HL/2026/APITEST01;;Child;Sky;Testcase;01-Jan-2015;Female;;1 Example Row, Leeds;LS6 1AA;", "");

    @Test
    void an_upload_with_bad_rows_returns_the_quarantine_with_file_row_field_and_reason() throws Exception {
        long before = audited("apikey.api-housing-feed");
        long accepted = audited("apikey.api-housing-feed", "SHARE_DECISION");
        ApiClient.Reply reply = housing().upload("/api/v1/sources/housing-people/loads", "people-api.csv",
                HOUSING_CSV.getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode r = reply.json();
        assertThat(r.path("rows").asLong()).isEqualTo(3);
        assertThat(r.path("loaded").asLong()).isEqualTo(1);
        assertThat(r.path("quarantined").asLong()).isEqualTo(2);
        assertThat(r.path("scorecard").path("fields").size()).isPositive();
        List<String> problems = new ArrayList<>();
        r.path("problems").forEach(p -> problems.add(p.path("file").asText() + "|" + p.path("row").asLong() + "|"
                + p.path("field").asText() + "|" + p.path("reason").asText()));
        // Rows are numbered as in the file, the header being row 1.
        assertThat(problems).containsExactly("people-api.csv|3|record_key|required column Case Ref is missing: blank",
                "people-api.csv|4|attribute.Person No|required column Person No is missing: blank");
        // The decision to take the file in (in the load's own transaction, under the covering agreement), and the
        // upload itself (who, for which purpose, what came of it).
        assertThat(audited("apikey.api-housing-feed", "SHARE_DECISION")).isEqualTo(accepted + 1);
        assertThat(audited("apikey.api-housing-feed")).as("the load is audited").isEqualTo(before + 2);

        ApiClient.Reply csv = housing().get("/api/v1/loads/" + r.path("landedFileId").asLong() + "/rejected");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains("required column Case Ref is missing", "'=HYPERLINK")
                .doesNotContain(";=HYPERLINK", ",=HYPERLINK", "Avery");
        assertThat(audited("apikey.api-housing-feed")).as("the export is audited").isEqualTo(before + 3);

        ApiClient.Reply again = housing().upload("/api/v1/sources/housing-people/loads", "people-api.csv",
                HOUSING_CSV.getBytes(StandardCharsets.UTF_8));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("duplicate").asBoolean()).isTrue();
    }

    @Test
    void an_upload_whose_feed_no_agreement_covers_today_is_refused_and_nothing_of_it_is_kept() throws Exception {
        java.time.Duration years = java.time.Duration.ofDays(3 * 366);
        long refusals = audited("apikey.api-housing-feed", "SHARE_DECISION");
        app.clock.advance(years);  // past the shipped agreements' end (2029-03-31)
        try {
            ApiClient.Reply reply = housing().upload("/api/v1/sources/housing-people/loads", "people-late.csv",
                    HOUSING_CSV.replace("APITEST01", "APILATE01").getBytes(StandardCharsets.UTF_8));
            assertProblem(reply, 403, "feed-not-covered");
            assertThat(reply.json().path("detail").asText()).contains("no agreement in force");
        } finally {
            app.clock.advance(years.negated());
        }
        assertThat(audited("apikey.api-housing-feed", "SHARE_DECISION")).as("the refusal is recorded")
                .isEqualTo(refusals + 1);
        try (Connection c = app.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM landed_file WHERE original_name = 'people-late.csv'");
             ResultSet r = s.executeQuery()) {
            r.next();
            assertThat(r.getLong(1)).isZero();
        }
    }

    @Test
    void records_sent_as_json_load_through_the_same_path() {
        ApiClient.Reply reply = housing().postJson("/api/v1/sources/housing-people/records", Map.of("records",
                List.of(Map.of("Case Ref", "HL/2026/APIJSON1", "Person No", "1", "First name", "Robin",
                        "Last name", "Jsonrow", "Date of birth", "02-Mar-1979"),
                        Map.of("Person No", "2", "First name", "Kit"))));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().path("loaded").asLong()).isEqualTo(1);
        assertThat(reply.json().path("quarantined").asLong()).isEqualTo(1);
    }

    @Test
    void an_agency_can_only_load_against_and_read_back_its_own_definitions() {
        assertProblem(housing().upload("/api/v1/sources/police-custody/loads", "custody.csv",
                "a;b\r\n1;2\r\n".getBytes(StandardCharsets.UTF_8)), 404, "not-found");
        JsonNode sources = housing().get("/api/v1/sources").json();
        List<String> ids = new ArrayList<>();
        sources.path("definitions").forEach(d -> ids.add(d.path("id").asText()));
        assertThat(ids).containsExactlyInAnyOrder("housing-applications", "housing-people");

        assertProblem(new ApiClient(app, housingOfficerKey).purpose("SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-3")
                .upload("/api/v1/sources/housing-people/loads", "p.csv", HOUSING_CSV.getBytes(
                        StandardCharsets.UTF_8)), 403, "role-not-allowed");

        JsonNode load = housing().upload("/api/v1/sources/housing-applications/loads", "apps-empty.csv",
                "nothing;here\r\n".getBytes(StandardCharsets.UTF_8)).json();
        assertThat(load.path("type").asText()).as(load.toString()).isEqualTo("urn:threadline:problem:file-refused");
        assertProblem(police().get("/api/v1/loads/1/rejected"), 403, "role-not-allowed");
    }

    @Test
    void a_file_over_the_size_limit_is_refused_with_a_problem_document() {
        byte[] big = new byte[26 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        ApiClient.Reply reply = housing().upload("/api/v1/sources/housing-people/loads", "big.csv", big);
        assertProblem(reply, 413, "file-too-large");
    }

    @Test
    void upload_without_a_file_is_a_problem_document() {
        ApiClient.Reply reply = housing().postJson("/api/v1/sources/housing-people/loads", Map.of());
        assertThat(reply.status()).isIn(400, 415);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void the_openapi_document_describes_every_api_endpoint_and_nothing_else() {
        ApiClient.Reply reply = new ApiClient(app, null).get("/api/v1/openapi.json");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode doc = reply.json();
        try {
            // For a reader (and docs/api.md): the document as served, pretty-printed.
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"),
                    ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(doc.path("openapi").asText()).startsWith("3.");

        java.util.Set<String> mapped = new java.util.TreeSet<>();
        var mapping = app.web.context().getBean("requestMappingHandlerMapping",
                org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping.class);
        mapping.getHandlerMethods().forEach((info, handler) -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/") && !p.startsWith("/api/v1/openapi.json"))
                .forEach(p -> info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + p))));
        java.util.Set<String> documented = new java.util.TreeSet<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey())));
        assertThat(mapped).as("the API's endpoints").hasSizeGreaterThanOrEqualTo(7);
        assertThat(documented).isEqualTo(mapped);

        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            List<String> headers = new ArrayList<>();
            op.getValue().path("parameters").forEach(p -> {
                if (p.path("in").asText().equals("header")) {
                    headers.add(p.path("name").asText() + (p.path("required").asBoolean() ? "*" : ""));
                }
            });
            assertThat(headers).as(op.getKey() + " " + path.getKey()).contains("Threadline-Purpose*",
                    "Threadline-Case-Reference");
            assertThat(op.getValue().path("responses").has("401")).isTrue();
            assertThat(op.getValue().path("responses").path("400").path("content").has("application/problem+json"))
                    .isTrue();
            assertThat(op.getValue().path("summary").asText()).isNotBlank();
        }));
        assertThat(doc.path("components").path("securitySchemes").path("apiKey").path("scheme").asText())
                .isEqualTo("bearer");
        assertThat(doc.path("paths").path("/api/v1/sources/{definitionId}/loads").path("post").path("requestBody")
                .path("content").has("multipart/form-data")).isTrue();
    }

    @Test
    void errors_and_responses_carry_no_personal_data_in_the_url_or_the_problem() {
        ApiClient.Reply reply = new ApiClient(app, policeKey).get("/api/v1/people/" + child);
        assertThat(reply.json().path("instance").asText()).isEqualTo("/api/v1/people/" + child);
        assertThat(Set.of(reply.body())).allSatisfy(b -> assertThat(b).doesNotContain(
                records.get(0).identity().get("surname")));
    }
}
