package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.app.audit.InstalledAuditLog;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.app.people.PeopleBuilder;
import org.threadline.app.web.access.Access;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.app.web.purpose.DeclaredPurpose;
import org.threadline.domain.chronology.EventVocabulary;
import org.threadline.domain.governance.agreements.AgreementRegistry;
import org.threadline.domain.governance.policy.PolicyDecisionPoint;
import org.threadline.linkage.model.ModelJson;
import org.threadline.store.governance.CaseStore;
import org.threadline.store.governance.StoredCaseRegister;
import org.threadline.store.people.Build;
import org.threadline.store.people.PeopleStore;

/**
 * Issues #7 and #8 (ADR 0031): a case link follows the person a people build merges the linked person into, so a
 * practitioner reading under the case keeps reading the records it covered; a split leaves the link where it was and
 * asks the case's owner to check the person the records went to, on the case page. On a population of its own (the
 * builds here merge and split persons), built by the real people build under real review decisions.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseLinksFollowPeopleTest {
    static final String MASH = "SAFEGUARDING.CHILD.MASH_TRIAGE";
    static final String MANAGE = "CASEWORK.MANAGE_CASES";

    @TempDir
    static Path folder;
    static TestApp app;
    static PeopleStore people;
    static PeopleBuilder builder;
    static AccessPolicy policy;

    @BeforeAll
    static void population() throws Exception {
        app = BuiltPopulation.start(folder.resolve("population"), 120, 5);
        people = new PeopleStore(app.database.dataSource());
        Path root = Files.isDirectory(Path.of("config", "sources")) ? Path.of(".") : Path.of("..");
        Clock clock = Clock.fixed(BuiltPopulation.DURING_THE_AGREEMENTS, ZoneOffset.UTC);
        builder = new PeopleBuilder(people, EventVocabulary.read(root.resolve("config/chronology/events.yaml")),
                ModelJson.read(root.resolve("config/models/people.json")), clock, 2)
                .followingCaseLinks(InstalledAuditLog.store(new ThreadlineHome(app.home).create(), clock));
        // The decision point as the pages use it, asking the register afresh at every read.
        StoredCaseRegister register = new StoredCaseRegister(new CaseStore(app.database.dataSource()), clock,
                Duration.ZERO);
        policy = AccessPolicy.installed(new PolicyDecisionPoint(app.bean(AgreementRegistry.class), register, clock),
                root.resolve("config"), app.database.dataSource());
        app.account("follow.police", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "follow-police-password");
    }

    @AfterAll
    static void close() {
        if (app != null) {
            app.close();
        }
    }

    /** A police practitioner triaging under the case. */
    static Viewer underCase(String reference) {
        return policy.viewer(new Account("follow.police", "Test", Agency.POLICE, Set.of(Role.SAFEGUARDING_OFFICER)),
                new DeclaredPurpose(MASH, "MASH", reference, BuiltPopulation.DURING_THE_AGREEMENTS));
    }

    static Build.RecordRow schoolRecordOf(String person) {
        return people.recordsOf(person).stream().filter(r -> r.definitionId().equals("schools-pupils")).findFirst()
                .orElseThrow(() -> new AssertionError(person + " has a school record"));
    }

    static boolean strongIdentifiers(String person) {
        return people.recordsOf(person).stream().anyMatch(r -> List.of("nhs_number", "upn", "ni_number", "pnc_id")
                .stream().anyMatch(k -> !r.identity().getOrDefault(k, "").isBlank()));
    }

    /** Another agency's record than the school's and the reader's own (the police's are theirs, not shared). */
    static boolean sharedOther(Build.RecordRow r) {
        return !r.definitionId().startsWith("schools") && !r.agency().equals("police");
    }

    static String register() throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = app.database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT row(p.*)::text FROM case_person p UNION ALL"
                     + " SELECT row(k.*)::text FROM case_check k ORDER BY 1")) {
            while (r.next()) {
                out.append(r.getString(1)).append('\n');
            }
        }
        return out.toString();
    }

    static long followedEntries(String subject, String code) throws Exception {
        try (Connection c = app.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM audit_entry WHERE payload->>'action' = 'CASE_CHANGE' AND payload->>'actor' ="
                        + " 'threadline people build' AND payload->>'subject' = ?"
                        + " AND payload->'reasonCodes' @> CAST(? AS jsonb)")) {
            s.setString(1, subject);
            s.setString(2, "[\"" + code + "\"]");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    @Order(1)
    void a_rebuild_that_merges_and_splits_no_one_leaves_every_case_link_as_it_was() throws Exception {
        app.openCaseLinkingEveryone(Agency.POLICE, "MASH-FOLLOW-0");
        String before = register();

        PeopleBuilder.Result again = builder.build(line -> { });

        assertThat(again.changes()).isEmpty();
        assertThat(again.caseChanges()).isEmpty();
        assertThat(register()).isEqualTo(before);
        try (Connection c = app.database.dataSource().getConnection()) {
            // Closed, so that the merges and splits below touch only the cases each test opens.
            new CaseStore(app.database.dataSource()).close(c, "police", "MASH-FOLLOW-0", "test.fixture",
                    BuiltPopulation.DURING_THE_AGREEMENTS);
        }
    }

    @Test
    @Order(2)
    void a_person_linked_to_a_case_and_merged_into_another_is_followed_and_the_reader_keeps_reading()
            throws Exception {
        // The survivor: a pupil with several records; the merged person: one with fewer, and no identifier that
        // would keep them apart whatever a reviewer says.
        String survivor = people.personIds().stream().filter(p -> people.recordsOf(p).size() >= 3)
                .filter(p -> people.recordsOf(p).stream().anyMatch(r -> r.definitionId().equals("schools-pupils")))
                .findFirst().orElseThrow();
        String merged = people.personIds().stream().filter(p -> !p.equals(survivor))
                .filter(p -> people.recordsOf(p).size() <= 2 && !strongIdentifiers(p)).findFirst().orElseThrow();
        app.openCase(Agency.POLICE, "MASH-FOLLOW-1", merged);
        Build.RecordRow pupil = schoolRecordOf(survivor);
        Access refused = policy.record(underCase("MASH-FOLLOW-1"), pupil);
        assertThat(refused.any()).as("the case does not link the survivor yet").isFalse();
        assertThat(refused.reasonCodes()).contains("CASE_NOT_LINKED_TO_SUBJECT");

        people.decide(people.recordsOf(survivor).get(0).recordKey(), people.recordsOf(merged).get(0).recordKey(),
                "LINK", "the same person: confirmed with the school", "reviewer.one", "police",
                BuiltPopulation.DURING_THE_AGREEMENTS);
        PeopleBuilder.Result merge = builder.build(line -> { });

        assertThat(people.personState(merged).orElseThrow()[0]).as("merged, so retired").isEqualTo("RETIRED");
        assertThat(people.record(pupil.recordKey()).orElseThrow().personId()).isEqualTo(survivor);
        Access read = policy.record(underCase("MASH-FOLLOW-1"), people.record(pupil.recordKey()).orElseThrow());
        assertThat(read.any()).as("the reader under the case reads the survivor's records now").isTrue();
        assertThat(read.reasonCodes()).doesNotContain("CASE_NOT_LINKED_TO_SUBJECT");
        assertThat(merge.caseChanges()).anySatisfy(c -> assertThat(c).contains("MASH-FOLLOW-1",
                "follows merge of " + merged + " into " + survivor));
        CaseStore.Case k = new CaseStore(app.database.dataSource()).find("police", "MASH-FOLLOW-1").orElseThrow();
        assertThat(k.linkedNow()).containsExactly(survivor);
        assertThat(k.links()).filteredOn(l -> l.personId().equals(merged)).singleElement()
                .satisfies(l -> assertThat(l.unlinkedBy()).contains("threadline people build"));
        assertThat(followedEntries(survivor, "LINKED")).isEqualTo(1);
        assertThat(followedEntries(merged, "UNLINKED")).isEqualTo(1);

    }

    @Test
    @Order(3)
    void a_split_person_keeps_the_link_the_new_person_is_not_linked_and_the_case_page_asks_to_check_them()
            throws Exception {
        String split = people.personIds().stream().filter(p -> people.recordsOf(p).size() >= 2)
                .filter(p -> people.recordsOf(p).stream().anyMatch(r -> r.definitionId().equals("schools-pupils")))
                .filter(p -> people.recordsOf(p).stream().anyMatch(CaseLinksFollowPeopleTest::sharedOther))
                .reduce((a, b) -> b).orElseThrow();
        app.openCase(Agency.POLICE, "MASH-FOLLOW-2", split);
        Build.RecordRow pupil = schoolRecordOf(split);
        Build.RecordRow other = people.recordsOf(split).stream().filter(CaseLinksFollowPeopleTest::sharedOther)
                .findFirst().orElseThrow();

        people.decide(pupil.recordKey(), other.recordKey(), "NOT_LINK", "different children: checked with the"
                + " school", "reviewer.one", "police", BuiltPopulation.DURING_THE_AGREEMENTS);
        builder.build(line -> { });

        String pupilNow = people.record(pupil.recordKey()).orElseThrow().personId();
        String otherNow = people.record(other.recordKey()).orElseThrow().personId();
        assertThat(pupilNow).isNotEqualTo(otherNow);
        assertThat(List.of(pupilNow, otherNow)).contains(split);
        String newPerson = pupilNow.equals(split) ? otherNow : pupilNow;
        Build.RecordRow moved = pupilNow.equals(split) ? other : pupil;
        CaseStore.Case k = new CaseStore(app.database.dataSource()).find("police", "MASH-FOLLOW-2").orElseThrow();
        assertThat(k.linkedNow()).as("no access widened without a person deciding").containsExactly(split);
        assertThat(k.toCheck()).singleElement().satisfies(x -> {
            assertThat(x.personId()).isEqualTo(split);
            assertThat(x.toPerson()).isEqualTo(newPerson);
        });
        assertThat(followedEntries(newPerson, "TO_CHECK")).isEqualTo(1);
        Access read = policy.record(underCase("MASH-FOLLOW-2"), people.record(moved.recordKey()).orElseThrow());
        assertThat(read.any()).isFalse();
        assertThat(read.reasonCodes()).contains("CASE_NOT_LINKED_TO_SUBJECT");

        WebClient manager = new WebClient(app);
        manager.signInWithPurpose("follow.police", "follow-police-password", MANAGE, "");
        WebClient.Page page = manager.get("/cases");
        assertThat(page.body()).contains("id=\"to-check-MASH-FOLLOW-2\"", "To check (1)", newPerson,
                "records from " + split);
        manager.post("/cases/dismiss", Map.of("reference", "MASH-FOLLOW-2", "personId", newPerson));
        assertThat(manager.get("/cases").body()).doesNotContain("id=\"to-check-MASH-FOLLOW-2\"");
        assertThat(new CaseStore(app.database.dataSource()).find("police", "MASH-FOLLOW-2").orElseThrow()
                .checks()).singleElement().satisfies(x -> {
                    assertThat(x.settledHow()).contains("DISMISSED");
                    assertThat(x.settledBy()).contains("follow.police");
                });
    }
}
