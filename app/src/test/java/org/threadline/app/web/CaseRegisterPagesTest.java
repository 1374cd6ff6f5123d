package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.app.web.access.Access;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.app.web.purpose.DeclaredPurpose;
import org.threadline.domain.governance.agreements.AgreementRegistry;
import org.threadline.domain.governance.policy.PolicyDecisionPoint;
import org.threadline.store.Database;
import org.threadline.store.governance.CaseStore;
import org.threadline.store.governance.StoredCaseRegister;
import org.threadline.store.people.Build;
import org.threadline.store.people.PeopleStore;

/**
 * The case register in the web app (ADR 0027): a manager opens, links, unlinks and closes their agency's cases, each
 * change recorded in the audit log; anyone else is refused saying why; the purpose page refuses a case that is
 * unknown to the person's agency or closed; a person's page says plainly when the declared case does not link them
 * and then shows nothing that needs the case; the API refuses such a case; a register that cannot answer denies.
 */
class CaseRegisterPagesTest {
    static final String MASH = "SAFEGUARDING.CHILD.MASH_TRIAGE";
    static final String MANAGE = "CASEWORK.MANAGE_CASES";

    @TempDir
    static Path folder;
    static TestApp app;
    static String child;
    static Build.RecordRow pupil;

    @BeforeAll
    static void population() throws Exception {
        app = BuiltPopulation.shared();
        PeopleStore store = new PeopleStore(app.database.dataSource());
        child = store.sampleChild().orElseThrow();
        pupil = store.recordsOf(child).stream().filter(r -> r.definitionId().equals("schools-pupils")).findFirst()
                .orElseThrow(() -> new AssertionError("the sample child has a school record"));
        app.account("cases.police", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "cases-police-password");
        app.account("cases.police2", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "cases-police2-password");
        app.account("cases.health", Agency.HEALTH, Role.SAFEGUARDING_OFFICER, "cases-health-password");
        app.account("cases.la", Agency.LOCAL_AUTHORITY, Role.SOCIAL_WORKER, "cases-la-password");
    }

    static WebClient manager(String user) {
        WebClient c = new WebClient(app);
        c.signInWithPurpose(user, user.replace('.', '-') + "-password", MANAGE, "");
        c.get("/account");
        return c;
    }

    static long audited(String actor, String action, String reason) throws Exception {
        try (Connection c = app.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM audit_entry WHERE payload->>'actor' = ? AND payload->>'action' = ?"
                        + " AND payload->'reasonCodes' @> CAST(? AS jsonb)")) {
            s.setString(1, actor);
            s.setString(2, action);
            s.setString(3, "[\"" + reason + "\"]");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void a_manager_opens_links_unlinks_and_closes_a_case_and_each_change_is_in_the_audit_log() throws Exception {
        WebClient police = manager("cases.police");
        WebClient.Page opened = police.post("/cases/open", Map.of("reference", "mash-2026-5001"));
        assertThat(opened.location()).contains("/cases");
        assertThat(police.get("/cases").body()).contains("Case MASH-2026-5001 is open.", "MASH-2026-5001");

        WebClient.Page linked = police.post("/cases/link", Map.of("reference", "MASH-2026-5001", "personId", child));
        assertThat(linked.location()).contains("/cases");
        String page = police.get("/cases").body();
        assertThat(page).contains(child + " is linked to case MASH-2026-5001.");
        String when = org.threadline.app.web.layout.UkTime.INSTANCE.of(app.clock.instant());
        assertThat(page).as("times as people read them, in UK time").contains("by cases.police at " + when)
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:");
        assertThat(audited("cases.police", "CASE_CHANGE", "OPENED")).isEqualTo(1);
        assertThat(audited("cases.police", "CASE_CHANGE", "LINKED")).isEqualTo(1);

        WebClient.Page twice = police.post("/cases/link", Map.of("reference", "MASH-2026-5001", "personId", child));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body()).contains("There is a problem", "is already linked to case MASH-2026-5001");
        WebClient.Page nobody = police.post("/cases/link", Map.of("reference", "MASH-2026-5001",
                "personId", "P9999999"));
        assertThat(nobody.body()).contains("No one held has the person id P9999999");
        WebClient.Page badId = police.post("/cases/link", Map.of("reference", "MASH-2026-5001", "personId", "x"));
        assertThat(badId.body()).contains("Person id must be P followed by 7 digits");
        assertThat(audited("cases.police", "CASE_CHANGE", "LINKED")).as("refused changes are not recorded as done")
                .isEqualTo(1);

        police.post("/cases/unlink", Map.of("reference", "MASH-2026-5001", "personId", child));
        police.post("/cases/close", Map.of("reference", "MASH-2026-5001"));
        CaseStore.Case k = app.bean(CaseStore.class).find("police", "MASH-2026-5001").orElseThrow();
        assertThat(k.open()).isFalse();
        assertThat(k.closedBy()).contains("cases.police");
        assertThat(k.links()).singleElement().satisfies(l -> {
            assertThat(l.linkedBy()).isEqualTo("cases.police");
            assertThat(l.unlinkedBy()).contains("cases.police");
        });
        assertThat(audited("cases.police", "CASE_CHANGE", "UNLINKED")).isEqualTo(1);
        assertThat(audited("cases.police", "CASE_CHANGE", "CLOSED")).isEqualTo(1);

        WebClient.Page again = police.post("/cases/link", Map.of("reference", "MASH-2026-5001", "personId", child));
        assertThat(again.body()).contains("Case MASH-2026-5001 is closed: a closed case cannot be changed");
        // Another agency does not see, or change, police's cases.
        WebClient health = manager("cases.health");
        assertThat(health.get("/cases").body()).doesNotContain("MASH-2026-5001");
        assertThat(health.post("/cases/close", Map.of("reference", "MASH-2026-5001")).body())
                .contains("Your agency has no case MASH-2026-5001");
    }

    @Test
    void someone_whose_agency_has_no_case_managers_or_who_declared_another_purpose_is_refused_saying_why()
            throws Exception {
        WebClient la = manager("cases.la");
        WebClient.Page refused = la.get("/cases");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("id=\"refusal-reason\"", "config/governance/cases.yaml");
        assertThat(la.post("/cases/open", Map.of("reference", "LA-1")).status()).isEqualTo(403);
        assertThat(audited("cases.la", "DENY", "NOT_A_CASE_MANAGER")).isEqualTo(2);

        app.openCase(Agency.POLICE, "MASH-2026-5009");
        WebClient triaging = new WebClient(app);
        triaging.signInWithPurpose("cases.police2", "cases-police2-password", MASH, "MASH-2026-5009");
        WebClient.Page wrongPurpose = triaging.post("/cases/open", Map.of("reference", "MASH-2026-5010"));
        assertThat(wrongPurpose.status()).isEqualTo(403);
        assertThat(wrongPurpose.body()).contains(MANAGE);
        assertThat(app.bean(CaseStore.class).find("police", "MASH-2026-5010")).isEmpty();
    }

    @Test
    void the_purpose_page_refuses_a_case_unknown_to_the_agency_or_closed_and_says_so_plainly() {
        app.openCase(Agency.HEALTH, "HLT-2026-5020");
        app.openCase(Agency.POLICE, "PPU-2026-5021");
        WebClient police = new WebClient(app);
        police.signIn("cases.police", "cases-police-password");
        police.get("/purpose");
        WebClient.Page unknown = police.post("/purpose", Map.of("purpose", MASH, "caseReference", "HLT-2026-5020"));
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).contains("There is a problem",
                "Your agency has no case HLT-2026-5020 in its case register");
        assertThat(police.get("/").location()).as("nothing declared").contains("/purpose");

        WebClient manager = manager("cases.police2");
        manager.post("/cases/close", Map.of("reference", "PPU-2026-5021"));
        WebClient.Page closed = police.post("/purpose", Map.of("purpose", MASH, "caseReference", "PPU-2026-5021"));
        assertThat(closed.body()).contains("Case PPU-2026-5021 is closed");
        assertThat(police.get("/").location()).contains("/purpose");
    }

    @Test
    void a_person_page_says_when_the_case_does_not_link_them_and_shows_nothing_that_needs_the_case()
            throws Exception {
        app.openCase(Agency.POLICE, "MASH-2026-5030");
        WebClient police = new WebClient(app);
        police.signInWithPurpose("cases.police2", "cases-police2-password", MASH, "MASH-2026-5030");

        WebClient.Page notLinked = police.get("/people/" + child);
        assertThat(notLinked.status()).isEqualTo(200);
        assertThat(notLinked.body()).contains("id=\"case-problem\"",
                "Case MASH-2026-5030 does not link this person (" + child + ")")
                .doesNotContain(pupil.identity().get("upn"));
        // The banner links to the purpose page, which says it again where the case is changed (once).
        assertThat(police.get("/purpose").body()).contains("id=\"case-notice\"",
                "Case MASH-2026-5030 does not link this person (" + child + ")");
        assertThat(police.get("/purpose").body()).doesNotContain("id=\"case-notice\"");

        WebClient manager = manager("cases.police");
        manager.post("/cases/link", Map.of("reference", "MASH-2026-5030", "personId", child));
        WebClient.Page linked = police.get("/people/" + child);
        assertThat(linked.body()).doesNotContain("id=\"case-problem\"").contains(pupil.identity().get("upn"),
                "id=\"case-register-checked\"");

        manager.post("/cases/close", Map.of("reference", "MASH-2026-5030"));
        WebClient.Page closed = police.get("/people/" + child);
        assertThat(closed.body()).contains("Case MASH-2026-5030 is not an open case of your agency")
                .doesNotContain(pupil.identity().get("upn"));
    }

    @Test
    void the_api_refuses_a_case_the_callers_agency_does_not_have_open() {
        String key = new org.threadline.app.apikeys.ApiKeys(app.database.dataSource(), new java.security.SecureRandom())
                .create("cases-api-police", Agency.POLICE.name(), Role.SAFEGUARDING_OFFICER.name(), "test",
                        app.clock().instant()).secretKey();
        ApiClient.Reply reply = new ApiClient(app, key).purpose(MASH, "NOPE-2026-5040").get("/api/v1/people/" + child);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("urn:threadline:problem:case-not-open",
                "Your agency has no case NOPE-2026-5040");
        app.openCaseLinkingEveryone(Agency.POLICE, "MASH-2026-5041");
        assertThat(new ApiClient(app, key).purpose(MASH, "MASH-2026-5041").get("/api/v1/people/" + child).status())
                .isEqualTo(200);
    }

    @Test
    void a_case_register_that_cannot_answer_makes_the_decision_point_deny() {
        Database broken = TestDatabase.open(folder.resolve("broken"));
        StoredCaseRegister register = new StoredCaseRegister(new CaseStore(broken.dataSource()),
                Clock.fixed(BuiltPopulation.DURING_THE_AGREEMENTS, ZoneOffset.UTC), java.time.Duration.ZERO);
        broken.close();
        AccessPolicy policy = AccessPolicy.installed(new PolicyDecisionPoint(app.bean(AgreementRegistry.class),
                register, Clock.fixed(BuiltPopulation.DURING_THE_AGREEMENTS, ZoneOffset.UTC)),
                org.threadline.app.web.access.AccessConfiguration.root().resolve("config"), app.database.dataSource());
        Viewer v = policy.viewer(new Account("cases.police", "Test", Agency.POLICE,
                Set.of(Role.SAFEGUARDING_OFFICER)), new DeclaredPurpose(MASH, "MASH", "MASH-2026-5050",
                BuiltPopulation.DURING_THE_AGREEMENTS));

        Access a = policy.record(v, pupil);

        assertThat(a.any()).isFalse();
        assertThat(a.reasonCodes()).containsExactly("CASE_CHECK_FAILED");
        assertThat(a.basis()).isEqualTo("the case register could not be checked");
        assertThat(org.threadline.app.web.access.CaseWords.onPage(v, List.of(a), child)).get().asString()
                .contains("could not be checked");
    }

    @Test
    void in_the_declared_mode_any_well_formed_case_is_taken_on_trust_and_the_panel_says_so() {
        TestApp declared = TestApp.alongside(app, BuiltPopulation.DURING_THE_AGREEMENTS,
                Map.of("threadline.cases.register", "declared"));
        try {
            declared.account("cases.declared", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "cases-declared-password");
            WebClient police = new WebClient(declared);
            police.signInWithPurpose("cases.declared", "cases-declared-password", MASH, "ANY-2026-5060");
            WebClient.Page page = police.get("/people/" + child);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"case-declared-mode\"", "No case system is connected",
                    pupil.identity().get("upn")).doesNotContain("id=\"case-problem\"");
        } finally {
            declared.close();
        }
    }
}
