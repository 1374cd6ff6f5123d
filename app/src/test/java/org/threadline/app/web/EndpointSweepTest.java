package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.app.web.security.PurposeGate;

/**
 * Every endpoint the application registers, as three people: anonymous, signed in without a purpose, and signed
 * in with one. The endpoints come from Spring's own handler mapping, so an endpoint added later is swept too:
 * unless it is listed below, it must refuse the first two. Listing one here is a security decision to review.
 */
class EndpointSweepTest {
    /** Open to anyone. */
    static final Set<String> PUBLIC = Set.of("GET /sign-in", "GET /signed-out", "GET /session-expired",
            "GET /error", "POST /error");

    /** Signed in, but no purpose needed: pages about the signed-in person only. */
    static final Set<String> WITHOUT_PURPOSE = Set.of("GET /purpose", "POST /purpose", "GET /account");

    /**
     * GET endpoints that may take query parameters or path variables. Search is by POST. Person and family pages
     * take the person id only: a number the build allocates (P0000123) that says nothing about the person, checked
     * against its pattern (ADR 0013, docs/web.md).
     */
    static final Set<String> GET_WITH_PARAMETERS = Set.of("GET /people/{personId}",
            "GET /people/{personId}/significant", "GET /people/{personId}/family",
            // The break-glass form for one person (ADR 0018): the same opaque person id.
            "GET /people/{personId}/break-glass",
            // The permission matrix filter and the version diff are GET forms (no JavaScript, bookmarkable): they
            // carry agreement ids, versions, party and purpose codes, never anything about a person.
            "GET /governance/matrix", "GET /governance/diff",
            // The REST API: the same opaque person id (ADR 0013), and a landed file's id (a sequence number that
            // names a load, not a person).
            "GET /api/v1/people/{personId}", "GET /api/v1/people/{personId}/chronology",
            "GET /api/v1/loads/{landedFileId}/rejected",
            // Subject access requests (ADR 0020): a request's number and an export's number, sequence numbers that
            // name a request, not a person.
            "GET /governance/subject-access/{requestId}", "GET /governance/subject-access/{requestId}/exports/{exportId}",
            "GET /governance/subject-access/{requestId}/exports/{exportId}/json",
            "GET /governance/subject-access/{requestId}/exports/{exportId}/markdown",
            // One person's subject markers (ADR 0035): the same opaque person id as the person page.
            "GET /governance/markers/{personId}",
            // The analyst's cohort form is a GET form (no JavaScript, bookmarkable): it carries indicator ids and an
            // area level, never anything about a person.
            "GET /cohorts");

    /**
     * Endpoints for one kind of work: signed in with a purpose, someone whose role or purpose they are not for is
     * refused (403, with the reason in words). Information governance is for a data protection officer who declared
     * the oversight purpose; the alerts inbox is for safeguarding purposes.
     */
    static final Set<String> GOVERNANCE_ONLY = Set.of("GET /governance", "GET /governance/matrix",
            "GET /governance/diff", "GET /governance/audit", "POST /governance/audit/verify",
            "GET /governance/break-glass", "POST /governance/break-glass/{grantId}/review",
            "POST /governance/break-glass/{grantId}/end",
            "GET /governance/subject-access", "GET /governance/subject-access/new", "POST /governance/subject-access",
            "GET /governance/subject-access/{requestId}", "POST /governance/subject-access/{requestId}/identity",
            "POST /governance/subject-access/{requestId}/start", "POST /governance/subject-access/{requestId}/export",
            "POST /governance/subject-access/{requestId}/fulfil", "POST /governance/subject-access/{requestId}/refuse",
            "GET /governance/subject-access/{requestId}/exports/{exportId}",
            "GET /governance/subject-access/{requestId}/exports/{exportId}/json",
            "GET /governance/subject-access/{requestId}/exports/{exportId}/markdown",
            "GET /governance/markers", "GET /governance/markers/{personId}", "POST /governance/markers/set",
            "POST /governance/markers/remove");
    static final Set<String> SAFEGUARDING_ONLY = Set.of("GET /alerts");
    /**
     * The case register's pages (ADR 0027): for a case manager (config/governance/cases.yaml) who declared the
     * case-management purpose; anyone else is refused saying why.
     */
    static final Set<String> CASES_ONLY = Set.of("GET /cases", "POST /cases/open", "POST /cases/link",
            "POST /cases/unlink", "POST /cases/close", "POST /cases/dismiss");
    /** Cohort counts: for an analyst who declared service evaluation, where an agreement releases counts. */
    static final Set<String> ANALYST_ONLY = Set.of("GET /cohorts");

    /** The REST API's endpoints open to anyone: its OpenAPI document, which describes the API and holds no data. */
    static final Set<String> API_PUBLIC = Set.of("GET /api/v1/openapi.json", "GET /api/v1/openapi.json.yaml");

    static boolean api(Endpoint e) {
        return e.path().startsWith("/api/");
    }

    @TempDir
    static Path folder;
    static TestApp app;
    static WebClient anonymous;
    static WebClient withoutPurpose;
    static WebClient withPurpose;
    static WebClient dpo;
    static ApiClient keyWithoutPurpose;
    static ApiClient keyWithPurpose;

    @BeforeAll
    static void start() {
        app = TestApp.start(folder.resolve("db"));
        app.openCase(Agency.POLICE, "MASH-9");
        app.openCase(Agency.LOCAL_AUTHORITY, "SWEEP-2");
        app.openCase(Agency.HOUSING, "SWEEP-1");
        app.account("sweep.no.purpose", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "sweep-password-1");
        app.account("sweep.purpose", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "sweep-password-2");
        anonymous = new WebClient(app);
        anonymous.get("/sign-in");
        withoutPurpose = new WebClient(app);
        withoutPurpose.signIn("sweep.no.purpose", "sweep-password-1");
        withoutPurpose.get("/account");
        withPurpose = new WebClient(app);
        withPurpose.signInWithPurpose("sweep.purpose", "sweep-password-2", "SAFEGUARDING.CHILD.MASH_TRIAGE",
                "MASH-9");
        withPurpose.get("/account");
        app.account("sweep.dpo", Agency.LOCAL_AUTHORITY, Role.DATA_PROTECTION_OFFICER, "sweep-password-3");
        dpo = new WebClient(app);
        dpo.signInWithPurpose("sweep.dpo", "sweep-password-3", "GOVERNANCE.OVERSIGHT", "");
        dpo.get("/account");
        app.account("sweep.analyst", Agency.LOCAL_AUTHORITY, Role.ANALYST, "sweep-password-4");
        String key = new org.threadline.app.apikeys.ApiKeys(app.database.dataSource(),
                new java.security.SecureRandom()).create("sweep-key", Agency.POLICE.name(),
                Role.SAFEGUARDING_OFFICER.name(), "test", app.clock().instant()).secretKey();
        keyWithoutPurpose = new ApiClient(app, key);
        keyWithPurpose = keyWithoutPurpose.purpose("SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-9");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    record Endpoint(String method, String path, HandlerMethod handler) {
        String key() {
            return method + " " + path;
        }

        /** A concrete path for a pattern: every {variable} becomes "1". */
        String samplePath() {
            return path.replaceAll("\\{[^}]+}", "1");
        }
    }

    static List<Endpoint> endpoints() {
        RequestMappingHandlerMapping mapping = app.web.context()
                .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<Endpoint> all = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            Set<RequestMethod> swept = methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods;
            for (String pattern : e.getKey().getPatternValues()) {
                for (RequestMethod m : swept) {
                    all.add(new Endpoint(m.name(), pattern, e.getValue()));
                }
            }
        }
        return all;
    }

    @Test
    void the_sweep_finds_the_application_endpoints() {
        Set<String> keys = new TreeSet<>();
        endpoints().forEach(e -> keys.add(e.key()));
        assertThat(keys).contains("GET /", "GET /sign-in", "GET /purpose", "POST /purpose", "GET /account");
    }

    @Test
    void every_endpoint_refuses_anonymous_people_unless_it_is_public() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            if (api(e)) {
                continue;
            }
            WebClient.Page page = anonymous.send(e.method(), e.samplePath());
            boolean toSignIn = page.status() == 302 && page.location().orElse("").endsWith("/sign-in");
            boolean right = PUBLIC.contains(e.key()) ? !refused(page) : toSignIn;
            if (!right) {
                wrong.add(e.key() + " -> " + page.status() + " " + page.location().orElse(""));
            }
        }
        assertThat(wrong).as("anonymous").isEmpty();
    }

    @Test
    void every_endpoint_needs_a_declared_purpose_unless_it_is_listed() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            if (api(e)) {
                continue;
            }
            boolean needsPurpose = !PUBLIC.contains(e.key()) && !WITHOUT_PURPOSE.contains(e.key());
            WebClient.Page page = withoutPurpose.send(e.method(), e.samplePath());
            boolean toPurpose = page.status() == 302 && page.location().orElse("").endsWith("/purpose");
            boolean right = needsPurpose ? toPurpose : !refused(page);
            if (!right) {
                wrong.add(e.key() + " -> " + page.status() + " " + page.location().orElse(""));
            }
        }
        assertThat(wrong).as("signed in without a purpose").isEmpty();
    }

    @Test
    void every_endpoint_opens_for_a_signed_in_person_with_a_purpose_unless_it_is_for_other_work() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            if (api(e)) {
                continue;
            }
            WebClient.Page page = withPurpose.send(e.method(), e.samplePath());
            boolean right = GOVERNANCE_ONLY.contains(e.key()) || ANALYST_ONLY.contains(e.key())
                    || CASES_ONLY.contains(e.key()) ? refusedSayingWhy(page) : !refused(page) && page.status() < 500;
            if (!right) {
                wrong.add(e.key() + " -> " + page.status() + " " + page.location().orElse(""));
            }
        }
        assertThat(wrong).as("a police officer triaging").isEmpty();
    }

    @Test
    void every_endpoint_opens_for_a_data_protection_officer_overseeing_except_the_safeguarding_ones() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            if (api(e)) {
                continue;
            }
            WebClient.Page page = dpo.send(e.method(), e.samplePath());
            boolean right = SAFEGUARDING_ONLY.contains(e.key()) || ANALYST_ONLY.contains(e.key())
                    || CASES_ONLY.contains(e.key()) ? refusedSayingWhy(page) : !refused(page) && page.status() < 500;
            if (!right) {
                wrong.add(e.key() + " -> " + page.status() + " " + page.location().orElse(""));
            }
        }
        assertThat(wrong).as("a data protection officer overseeing").isEmpty();
    }

    /**
     * The app starts on 2026-03-02, before the shipped agreements are in force: then no agreement releases counts
     * to anyone. The analyst's sweeps run while they are (sessions are signed in afresh, since the jump in time
     * ends every earlier session), and the clock is put back after.
     */
    static void duringTheAgreements(Runnable sweep) {
        java.time.Instant before = app.clock().instant();
        app.clock.set(BuiltPopulation.DURING_THE_AGREEMENTS);
        try {
            sweep.run();
        } finally {
            app.clock.set(before);
        }
    }

    @Test
    void every_endpoint_opens_for_an_analyst_evaluating_services_except_governance_and_safeguarding_ones() {
        List<String> wrong = new ArrayList<>();
        duringTheAgreements(() -> sweepAsAnalyst(wrong));
        assertThat(wrong).as("an analyst evaluating services").isEmpty();
    }

    private static void sweepAsAnalyst(List<String> wrong) {
        WebClient analyst = new WebClient(app);
        analyst.signInWithPurpose("sweep.analyst", "sweep-password-4", "SERVICE_EVALUATION.PSEUDONYMISED", "");
        analyst.get("/account");
        for (Endpoint e : endpoints()) {
            if (api(e)) {
                continue;
            }
            WebClient.Page page = analyst.send(e.method(), e.samplePath());
            boolean right = GOVERNANCE_ONLY.contains(e.key()) || SAFEGUARDING_ONLY.contains(e.key())
                    || CASES_ONLY.contains(e.key()) ? refusedSayingWhy(page) : !refused(page) && page.status() < 500;
            if (!right) {
                wrong.add(e.key() + " -> " + page.status() + " " + page.location().orElse(""));
            }
        }
    }

    @Test
    void every_endpoint_opens_for_a_case_manager_managing_cases_except_the_governance_safeguarding_and_analyst_ones() {
        app.account("sweep.cases", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "sweep-password-5");
        WebClient manager = new WebClient(app);
        manager.signInWithPurpose("sweep.cases", "sweep-password-5", "CASEWORK.MANAGE_CASES", "");
        manager.get("/account");
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            if (api(e)) {
                continue;
            }
            WebClient.Page page = manager.send(e.method(), e.samplePath());
            boolean right = GOVERNANCE_ONLY.contains(e.key()) || SAFEGUARDING_ONLY.contains(e.key())
                    || ANALYST_ONLY.contains(e.key()) ? refusedSayingWhy(page)
                    : !refused(page) && page.status() < 500;
            if (!right) {
                wrong.add(e.key() + " -> " + page.status() + " " + page.location().orElse(""));
            }
        }
        assertThat(wrong).as("a police officer managing cases").isEmpty();
    }

    @Test
    void cohort_counts_open_for_an_analyst_evaluating_services_and_refuse_every_other_role_and_purpose_saying_why() {
        var catalogue = app.bean(org.threadline.app.web.purpose.PurposeCatalogue.class);
        List<String> wrong = new ArrayList<>();
        int[] tried = {0};
        duringTheAgreements(() -> sweepCohorts(catalogue, wrong, tried));
        assertThat(tried[0]).isGreaterThan(8);
        assertThat(wrong).isEmpty();

        // Outside the agreements' term the decision point releases nothing, to the analyst either.
        WebClient early = new WebClient(app);
        early.signInWithPurpose("sweep.analyst", "sweep-password-4", "SERVICE_EVALUATION.PSEUDONYMISED", "");
        WebClient.Page refused = early.get("/cohorts");
        assertThat(refusedSayingWhy(refused)).isTrue();
        assertThat(refused.body()).contains("No agreement in force releases counts");
    }

    private static void sweepCohorts(org.threadline.app.web.purpose.PurposeCatalogue catalogue, List<String> wrong,
                                     int[] tried) {
        for (Role role : Role.values()) {
            String user = "sweep.cohorts." + role.name().toLowerCase(java.util.Locale.ROOT);
            app.account(user, Agency.LOCAL_AUTHORITY, role, "sweep-cohorts-password");
            for (var purpose : catalogue.allowedFor(Set.of(role))) {
                WebClient c = new WebClient(app);
                c.signInWithPurpose(user, "sweep-cohorts-password", purpose.code(),
                        purpose.caseReferenceRequired() ? "SWEEP-2" : "");
                for (String key : ANALYST_ONLY) {
                    WebClient.Page page = c.send(key.substring(0, key.indexOf(' ')), key.substring(key.indexOf(' ')
                            + 1));
                    tried[0]++;
                    boolean opens = role == Role.ANALYST && purpose.code().equals("SERVICE_EVALUATION.PSEUDONYMISED");
                    if (opens ? page.status() != 200 : !refusedSayingWhy(page)) {
                        wrong.add(role + " " + purpose.code() + " " + key + " -> " + page.status());
                    }
                }
            }
        }
    }

    private static boolean refusedSayingWhy(WebClient.Page page) {
        return page.status() == 403 && page.body().contains("id=\"refusal-reason\"");
    }

    @Test
    void only_the_listed_handlers_are_exempt_from_the_purpose_gate() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            boolean listed = PUBLIC.contains(e.key()) || WITHOUT_PURPOSE.contains(e.key());
            if (PurposeGate.exempt(e.handler()) != listed) {
                wrong.add(e.key() + (listed ? " is listed but needs a purpose" : " is exempt but not listed"));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void no_get_endpoint_takes_data_in_its_url() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            if (!e.method().equals("GET") || GET_WITH_PARAMETERS.contains(e.key())) {
                continue;
            }
            if (e.path().contains("{")) {
                wrong.add(e.key() + " has a path variable");
            }
            for (MethodParameter p : e.handler().getMethodParameters()) {
                if (p.hasParameterAnnotation(RequestParam.class) || p.hasParameterAnnotation(PathVariable.class)) {
                    wrong.add(e.key() + " reads " + p.getParameterName() + " from the URL");
                }
            }
        }
        assertThat(wrong).as("personal data must never travel in a URL: search by POST").isEmpty();
    }

    @Test
    void the_sweep_finds_the_api_endpoints() {
        Set<String> keys = new TreeSet<>();
        endpoints().forEach(e -> keys.add(e.key()));
        assertThat(keys).contains("GET /api/v1/people/{personId}", "GET /api/v1/people/{personId}/chronology",
                "GET /api/v1/alerts", "GET /api/v1/sources", "POST /api/v1/sources/{definitionId}/loads",
                "POST /api/v1/sources/{definitionId}/records", "GET /api/v1/loads/{landedFileId}/rejected",
                "GET /api/v1/openapi.json", "POST /api/v1/people/{personId}/break-glass",
                "DELETE /api/v1/people/{personId}/break-glass");
    }

    @Test
    void every_api_endpoint_refuses_a_call_without_a_key_even_from_a_signed_in_browser_unless_it_is_public() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            if (!api(e)) {
                continue;
            }
            ApiClient.Reply noKey = new ApiClient(app, null).send(e.method(), e.samplePath());
            WebClient.Page session = withPurpose.send(e.method(), e.samplePath());
            if (API_PUBLIC.contains(e.key())) {
                if (noKey.status() != 200) {
                    wrong.add(e.key() + " (public) -> " + noKey.status());
                }
                continue;
            }
            if (noKey.status() != 401 || !noKey.contentType().startsWith("application/problem+json")) {
                wrong.add(e.key() + " without a key -> " + noKey.status() + " " + noKey.contentType());
            }
            // A session cookie is no API credential: so CSRF cannot reach the API through a signed-in browser.
            if (session.status() != 401) {
                wrong.add(e.key() + " with a signed-in session -> " + session.status());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void every_api_endpoint_needs_a_declared_purpose_and_opens_with_one() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            if (!api(e) || API_PUBLIC.contains(e.key())) {
                continue;
            }
            ApiClient.Reply without = keyWithoutPurpose.send(e.method(), e.samplePath());
            if (without.status() != 400 || !without.body().contains("urn:threadline:problem:purpose-required")) {
                wrong.add(e.key() + " without a purpose -> " + without.status() + " " + without.body());
            }
            ApiClient.Reply with = keyWithPurpose.send(e.method(), e.samplePath());
            // 403 (the role may not) and 404 (no such person or load) are decisions; 401 or a failure is not.
            if (with.status() == 401 || with.status() >= 500 || (with.status() >= 400
                    && !with.contentType().startsWith("application/problem+json"))) {
                wrong.add(e.key() + " with a purpose -> " + with.status() + " " + with.body());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void every_api_endpoint_answers_every_role_with_every_purpose_it_may_declare_by_a_decision_not_a_failure() {
        var catalogue = app.bean(org.threadline.app.web.purpose.PurposeCatalogue.class);
        var keys = new org.threadline.app.apikeys.ApiKeys(app.database.dataSource(), new java.security.SecureRandom());
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Role role : Role.values()) {
            String key = keys.create("sweep-" + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    Agency.HOUSING.name(), role.name(), "test", app.clock().instant()).secretKey();
            for (var purpose : catalogue.allowedFor(Set.of(role))) {
                ApiClient client = new ApiClient(app, key).purpose(purpose.code(),
                        purpose.caseReferenceRequired() ? "SWEEP-1" : null);
                for (Endpoint e : endpoints()) {
                    if (!api(e) || API_PUBLIC.contains(e.key())) {
                        continue;
                    }
                    ApiClient.Reply r = client.send(e.method(), e.samplePath());
                    calls++;
                    boolean decided = r.status() < 400 || (r.status() < 500 && r.status() != 401
                            && r.contentType().startsWith("application/problem+json"));
                    if (!decided) {
                        wrong.add(role + " " + purpose.code() + " " + e.key() + " -> " + r.status());
                    }
                }
            }
        }
        assertThat(calls).isGreaterThan(50);
        assertThat(wrong).isEmpty();
    }

    /** Refused or sent back to sign in / declare a purpose. */
    private static boolean refused(WebClient.Page page) {
        String to = page.location().orElse("");
        return page.status() == 401 || page.status() == 403
                || (page.status() == 302 && (to.endsWith("/sign-in") || to.endsWith("/purpose")));
    }
}
