package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.domain.people.Relationship;
import org.threadline.store.people.Build;
import org.threadline.store.people.PeopleStore;

/**
 * The people pages over real HTTP on a generated, ingested and built population, as three people with different
 * agencies and purposes: what each must and must not see, the "why" they are given, and the audit entries each
 * view leaves. What is shared follows the shipped agreement (config/agreements/isa-children-safeguarding.yaml).
 */
class PeoplePagesTest {
    static TestApp app;
    static PeopleStore store;
    static String child;
    static List<Build.RecordRow> records;

    @BeforeAll
    static void population() throws Exception {
        app = BuiltPopulation.shared();
        app.openCaseLinkingEveryone(Agency.POLICE, "MASH-101");
        app.openCaseLinkingEveryone(Agency.SCHOOLS, "MASH-102");
        app.openCaseLinkingEveryone(Agency.HEALTH, "MASH-103");
        store = new PeopleStore(app.database.dataSource());
        app.account("pages.police", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "pages-police-password");
        app.account("pages.school", Agency.SCHOOLS, Role.DESIGNATED_SAFEGUARDING_LEAD, "pages-school-password");
        app.account("pages.analyst", Agency.LOCAL_AUTHORITY, Role.ANALYST, "pages-analyst-password");
        child = store.sampleChild().orElseThrow();
        records = store.recordsOf(child);
    }

    static WebClient police() {
        WebClient c = new WebClient(app);
        c.signInWithPurpose("pages.police", "pages-police-password", "SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-101");
        return c;
    }

    static WebClient school() {
        WebClient c = new WebClient(app);
        c.signInWithPurpose("pages.school", "pages-school-password", "SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-102");
        return c;
    }

    static WebClient analyst() {
        WebClient c = new WebClient(app);
        c.signInWithPurpose("pages.analyst", "pages-analyst-password", "SERVICE_EVALUATION.PSEUDONYMISED", "");
        return c;
    }

    static List<Build.RecordRow> of(String... feeds) {
        return records.stream().filter(r -> List.of(feeds).contains(r.definitionId())).toList();
    }

    /** The table row of the records table that holds this record key. */
    static String row(String body, String recordKey) {
        Matcher m = Pattern.compile("<tr class=\"govuk-table__row\">((?:(?!</tr>).)*?>" + Pattern.quote(recordKey)
                + "<(?:(?!</tr>).)*)</tr>", Pattern.DOTALL).matcher(body);
        return m.find() ? m.group(1) : "";
    }

    static long audited(String actor, String action, String subject) throws Exception {
        try (Connection c = app.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM audit_entry WHERE payload->>'actor' = ? AND payload->>'action' = ?"
                        + " AND payload->>'subject' = ?")) {
            s.setString(1, actor);
            s.setString(2, action);
            s.setString(3, subject);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void thirty_people_opening_a_person_page_at_once_are_all_served_by_a_pool_of_ten_connections() throws Exception {
        // Each page's audit transaction once held a connection while its reads waited for another: with as many
        // pages open as the pool has connections, every one of them waited until the pool gave up.
        List<WebClient> clients = java.util.stream.IntStream.range(0, 30).mapToObj(i -> police()).toList();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(30);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> statuses = clients.stream().map(c -> threads.submit(() -> {
                go.await();
                return c.get("/people/" + child).status();
            })).toList();
            go.countDown();
            for (java.util.concurrent.Future<Integer> status : statuses) {
                assertThat(status.get(5, java.util.concurrent.TimeUnit.MINUTES)).isEqualTo(200);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_police_officer_triaging_sees_police_records_in_full_and_only_the_school_fields_the_agreement_shares()
            throws Exception {
        List<Build.RecordRow> police = of("police-incident-persons", "police-custody");
        List<Build.RecordRow> school = of("schools-pupils");
        assertThat(police).as("the sample child has police records").isNotEmpty();
        assertThat(school).as("the sample child has a school record").isNotEmpty();
        long before = audited("pages.police", "VIEW", child);

        WebClient.Page page = police().get("/people/" + child);

        assertThat(page.status()).isEqualTo(200);
        for (Build.RecordRow r : police) {
            assertThat(row(page.body(), r.recordKey())).as("own record " + r.recordKey())
                    .contains(r.identity().get("surname"), "Surname:")
                    .doesNotContain("Other fields");
        }
        Build.RecordRow pupil = school.get(0);
        assertThat(row(page.body(), pupil.recordKey()))
                .contains(pupil.identity().get("upn"), pupil.identity().get("surname"))
                .doesNotContain("Address:", "Postcode:")
                .contains("Other fields", "not released to police for this purpose under ISA-TL-CHILDREN@1");
        assertThat(page.body()).contains("Why you can see this", "your agency&#39;s own record",
                "shared under ISA-TL-CHILDREN@1", "MASH-101", "MASH_POLICE_OFFICER");
        assertThat(audited("pages.police", "VIEW", child)).as("the view is in the audit log").isGreaterThan(before);
    }

    @Test
    void a_record_joined_before_birth_says_which_rule_joined_it_instead_of_showing_the_models_waterfall() {
        app.account("pages.health", Agency.HEALTH, Role.SAFEGUARDING_OFFICER, "pages-health-password");
        Build.RecordRow antenatal = store.allRecordRows().stream().filter(r -> r.linkedBy().isPresent())
                .findFirst().orElseThrow(() -> new AssertionError("the built population joins an antenatal record"));
        WebClient c = new WebClient(app);
        c.signInWithPurpose("pages.health", "pages-health-password", "SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-103");

        WebClient.Page page = c.get("/people/" + antenatal.personId());

        assertThat(page.status()).isEqualTo(200);
        assertThat(row(page.body(), antenatal.recordKey()))
                .contains("Joined before birth: the row names no child, only the mother.",
                        "not by the linkage model")
                .doesNotContain("Strongest evidence");
    }

    @Test
    void a_school_safeguarding_lead_sees_the_school_record_but_nothing_from_police_not_even_that_it_exists()
            throws Exception {
        List<Build.RecordRow> police = of("police-incident-persons", "police-custody");
        Build.RecordRow pupil = of("schools-pupils").get(0);
        long denied = audited("pages.school", "DENY", child);

        WebClient.Page page = school().get("/people/" + child);

        assertThat(row(page.body(), pupil.recordKey())).contains(pupil.identity().get("address_line"),
                pupil.identity().get("upn"));
        for (Build.RecordRow r : police) {
            assertThat(page.body()).doesNotContain(">" + r.recordKey() + "<");
        }
        for (Build.RecordRow r : records) {
            if (!r.definitionId().startsWith("schools-")) {
                assertThat(page.body()).as("no waterfall against a record the school may not see")
                        .doesNotContain("against record " + r.recordKey() + ",");
            }
        }
        assertThat(page.body()).doesNotContain("police-incident-persons", "police-custody", "PNC ID")
                .contains("joined into this person but not shared with you", "events are not shown",
                        "no agreement shares this with your agency");
        String events = page.body().substring(page.body().indexOf("id=\"chronology\""));
        assertThat(events.substring(0, events.indexOf("Who to call"))).doesNotContain(">police<");
        assertThat(audited("pages.school", "DENY", child)).as("refusals are audited too").isGreaterThan(denied);
    }

    @Test
    void an_analyst_with_a_pseudonymised_purpose_sees_no_name_and_cannot_find_anyone_by_name() {
        WebClient analyst = analyst();
        Build.RecordRow any = records.get(0);

        WebClient.Page page = analyst.get("/people/" + child);
        assertThat(page.body()).contains("Name not shared with you")
                .doesNotContain(any.identity().get("surname"));

        analyst.get("/people/find");
        WebClient.Page found = analyst.post("/people/find", Map.of("name", any.identity().get("forename") + " "
                + any.identity().get("surname"), "dateOfBirth", "", "postcode", "", "identifier", ""));
        assertThat(found.body()).contains("0 people found", "No one matches");
    }

    @Test
    void a_search_by_name_says_why_each_person_matched_and_never_puts_the_name_in_a_url() {
        WebClient police = police();
        Build.RecordRow r = of("police-incident-persons", "police-custody").get(0);
        police.get("/people/find");
        WebClient.Page found = police.post("/people/find", Map.of("name", r.identity().get("forename") + " "
                + r.identity().get("surname"), "dateOfBirth", "", "postcode", "", "identifier", ""));

        assertThat(found.body()).contains("href=\"/people/" + child + "\"", "Surname matched exactly (police record)");
        assertThat(found.response().uri().toString()).endsWith("/people/find");

        WebClient.Page byDate = police.post("/people/find", Map.of("name", "", "dateOfBirth", "31/02/2014",
                "postcode", "", "identifier", ""));
        assertThat(byDate.body()).contains("Error: Find a person", "Enter the date of birth as day/month/year");
    }

    @Test
    void the_family_page_shows_a_tie_to_whoever_may_see_its_evidence_and_hides_it_from_whoever_may_not() {
        Relationship tie = store.allRelationships().stream()
                .filter(r -> r.evidence().stream().allMatch(e -> e.definitionId().startsWith("police-")))
                .findFirst().orElseThrow(() -> new AssertionError("no relationship known only from police rows"));

        WebClient.Page seen = police().get("/people/" + tie.fromPerson() + "/family");
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body()).contains("Family network", "<svg", "href=\"/people/" + tie.toPerson() + "/family\"",
                tie.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));

        WebClient.Page hidden = school().get("/people/" + tie.fromPerson() + "/family");
        assertThat(hidden.body()).doesNotContain("href=\"/people/" + tie.toPerson() + "/family\"")
                .contains("known only from sources not shared with you");
    }

    @Test
    void when_the_view_cannot_be_written_to_the_audit_log_the_page_is_not_shown() throws Exception {
        WebClient police = police();
        String surname = of("police-incident-persons", "police-custody").get(0).identity().get("surname");
        assertThat(police.get("/people/" + child).body()).contains(surname);
        try (Connection c = app.database.dataSource().getConnection();
             java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS"
                    + " $$ BEGIN RAISE EXCEPTION 'audit log unavailable (test)'; END $$");
            s.execute("CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_entry FOR EACH ROW"
                    + " EXECUTE FUNCTION test_refuse_audit()");
        }
        try {
            WebClient.Page page = police.get("/people/" + child);
            assertThat(page.status()).isEqualTo(500);
            assertThat(page.body()).contains("Sorry, there is a problem with the service").doesNotContain(surname);
        } finally {
            try (Connection c = app.database.dataSource().getConnection();
                 java.sql.Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER test_refuse_audit ON audit_entry");
                s.execute("DROP FUNCTION test_refuse_audit()");
            }
        }
        assertThat(police.get("/people/" + child).body()).contains(surname);
    }

    @Test
    void a_person_id_that_is_not_one_is_not_found_and_says_nothing_more() {
        assertThat(police().get("/people/P9999999").status()).isEqualTo(404);
        assertThat(police().get("/people/REES").status()).isEqualTo(404);
    }

    @Test
    void a_review_decision_needs_a_reason_is_kept_with_the_reviewer_and_agency_and_only_on_shared_records()
            throws Exception {
        WebClient police = police();
        police.get("/review");
        Build.ReviewRow item = null;
        Build.ReviewRow hidden = null;
        for (Build.ReviewRow r : store.reviewQueue()) {
            boolean shared = sharedWithPolice(r.recordA()) && sharedWithPolice(r.recordB());
            if (shared && item == null) {
                item = r;
            } else if (!shared && hidden == null) {
                hidden = r;
            }
        }
        assertThat(item).as("an item police may review").isNotNull();

        // The population is shared with other test classes, which may have decided this pair already.
        int before = store.decisionHistory(item.recordA(), item.recordB()).size();
        WebClient.Page noReason = police.post("/review/decide", Map.of("recordA", item.recordA(), "recordB",
                item.recordB(), "decision", "LINK", "reason", " "));
        assertThat(noReason.location().orElse("")).endsWith("/review");
        assertThat(police.get("/review").body()).contains("give a reason");
        assertThat(store.decisionHistory(item.recordA(), item.recordB())).hasSize(before);

        police.post("/review/decide", Map.of("recordA", item.recordA(), "recordB", item.recordB(), "decision",
                "NOT_LINK", "reason", "Different schools and different middle names"));
        assertThat(police.get("/review").body()).contains("Recorded: not link");
        List<PeopleStore.Decision> history = store.decisionHistory(item.recordA(), item.recordB());
        assertThat(history).hasSize(before + 1);
        assertThat(history.get(before)).satisfies(d -> {
            assertThat(d.decidedBy()).isEqualTo("pages.police");
            assertThat(d.agency()).isEqualTo("police");
            assertThat(d.decision()).isEqualTo("NOT_LINK");
            assertThat(d.reason()).isEqualTo("Different schools and different middle names");
        });
        assertThat(audited("pages.police", "REVIEW_DECISION", item.recordA() + " " + item.recordB())).isEqualTo(1);

        assertThat(hidden).as("an item with a record police may not see").isNotNull();
        police.post("/review/decide", Map.of("recordA", hidden.recordA(), "recordB", hidden.recordB(),
                "decision", "LINK", "reason", "Looks the same"));
        assertThat(store.decisionHistory(hidden.recordA(), hidden.recordB())).as("nobody may decide it here")
                .isEmpty();
        assertThat(police.get("/review").body()).contains("only decide about two records that are shared");
    }

    /** Police see their own records and, under the agreement, school and ED names. */
    private static boolean sharedWithPolice(String recordKey) {
        String feed = store.record(recordKey).orElseThrow().definitionId();
        return feed.startsWith("police-") || feed.equals("schools-pupils") || feed.equals("health-ed-attendances");
    }
}
