package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.app.apikeys.ApiKeys;
import org.threadline.app.audit.InstalledAuditLog;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.app.people.PeopleBuilder;
import org.threadline.app.web.access.Access;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.app.web.markers.SubjectMarkers;
import org.threadline.app.web.purpose.DeclaredPurpose;
import org.threadline.domain.chronology.EventVocabulary;
import org.threadline.linkage.model.ModelJson;
import org.threadline.store.governance.SubjectMarkerStore;
import org.threadline.store.people.Build;
import org.threadline.store.people.PeopleStore;

/**
 * Issue #7 (ADR 0035): the markers the agreements' forbid rules act on are set on a person by a data protection
 * officer, with a reason, audited; from then on every read of that person carries them, so what a rule covers is
 * refused on the person page and the API, saying why, unless the reader holds a role the rule excepts; and a people
 * build that merges the person into another carries the marker to the survivor. On a population of its own (the
 * markers and the merge here would change what other tests read).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubjectMarkersTest {
    static final String MASH = "SAFEGUARDING.CHILD.MASH_TRIAGE";
    static final String SEALED = "SEALED_ADOPTION_RECORD";
    static final String RESTRICTED = "RESTRICTED_RECORD";

    @TempDir
    static Path folder;
    static TestApp app;
    static PeopleStore people;
    static SubjectMarkers markers;
    static AccessPolicy policy;
    /** Children with a school record and a police record (so a police reader has a page of them). */
    static List<String> pupils;

    @BeforeAll
    static void population() throws Exception {
        app = BuiltPopulation.start(folder.resolve("population"), 120, 5);
        people = new PeopleStore(app.database.dataSource());
        markers = app.bean(SubjectMarkers.class);
        policy = app.bean(AccessPolicy.class);
        pupils = people.personIds().stream().filter(p -> people.recordsOf(p).stream()
                .anyMatch(r -> r.definitionId().equals("schools-pupils") && !r.identity().getOrDefault("upn", "")
                        .isBlank()))
                .filter(p -> people.recordsOf(p).stream().anyMatch(r -> r.agency().equals("police"))).toList();
        assertThat(pupils).as("children with school and police records").hasSizeGreaterThanOrEqualTo(3);
        app.account("markers.police", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "markers-police-password");
        app.openCaseLinkingEveryone(Agency.POLICE, "MASH-MARK-1");
        app.openCaseLinkingEveryone(Agency.CHILDRENS_SOCIAL_CARE, "MASH-MARK-2");
    }

    @AfterAll
    static void close() {
        if (app != null) {
            app.close();
        }
    }

    static Viewer dpo() {
        return policy.viewer(new Account("markers.dpo", "Test DPO", Agency.LOCAL_AUTHORITY,
                Set.of(Role.DATA_PROTECTION_OFFICER)), new DeclaredPurpose(SubjectMarkers.PURPOSE, "Oversee", null,
                BuiltPopulation.DURING_THE_AGREEMENTS));
    }

    static Viewer reader(Agency agency, Role role, String reference) {
        return policy.viewer(new Account("markers.reader", "Test", agency, Set.of(role)),
                new DeclaredPurpose(MASH, "MASH", reference, BuiltPopulation.DURING_THE_AGREEMENTS));
    }

    static Build.RecordRow schoolRecordOf(String person) {
        return people.recordsOf(person).stream().filter(r -> r.definitionId().equals("schools-pupils")).findFirst()
                .orElseThrow(() -> new AssertionError(person + " has a school record"));
    }

    static long audited(String subject, String code) throws SQLException {
        try (Connection c = app.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM audit_entry WHERE payload->>'action' = 'SUBJECT_MARKER'"
                        + " AND payload->>'subject' = ? AND payload->'reasonCodes' @> CAST(? AS jsonb)")) {
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
    void a_sealed_childs_school_record_is_refused_with_the_rules_reason_on_the_page_and_the_api() throws Exception {
        String sealed = pupils.get(0);
        String open = pupils.get(1);
        String sealedUpn = schoolRecordOf(sealed).identity().get("upn");
        String openUpn = schoolRecordOf(open).identity().get("upn");
        WebClient police = new WebClient(app);
        police.signInWithPurpose("markers.police", "markers-police-password", MASH, "MASH-MARK-1");
        assertThat(police.get("/people/" + sealed).body()).as("before the marker").contains(sealedUpn);

        SubjectMarkers.Result set = markers.set(dpo(), sealed, SEALED, "adoption order made; pre-adoption records"
                + " sealed on the court's instruction");

        assertThat(set.done()).as(set.errors().toString()).isTrue();
        String page = police.get("/people/" + sealed).body();
        assertThat(page).doesNotContain(sealedUpn).contains("not shared with you", "sealed-adoption",
                "pre-adoption records are sealed");
        assertThat(police.get("/people/" + open).body()).as("an unmarked child is read as before").contains(openUpn);
        ApiKeys keys = new ApiKeys(app.database.dataSource(), new SecureRandom());
        String secret = keys.create("markers-police-cms", Agency.POLICE.name(), Role.SAFEGUARDING_OFFICER.name(),
                "test", Instant.parse("2026-09-01T00:00:00Z")).secretKey();
        ApiClient api = new ApiClient(app, secret).purpose(MASH, "MASH-MARK-1");
        ApiClient.Reply sealedReply = api.get("/api/v1/people/" + sealed);
        assertThat(sealedReply.status()).as(sealedReply.body()).isEqualTo(200);
        assertThat(sealedReply.body()).doesNotContain(sealedUpn, schoolRecordOf(sealed).recordKey())
                .contains("sealed-adoption");
        assertThat(api.get("/api/v1/people/" + open).body()).contains(openUpn);
        Access refused = policy.record(reader(Agency.POLICE, Role.SAFEGUARDING_OFFICER, "MASH-MARK-1"),
                schoolRecordOf(sealed));
        assertThat(refused.any()).isFalse();
        assertThat(refused.reasonCodes()).containsExactly("FORBIDDEN");
    }

    @Test
    @Order(2)
    void a_restricted_record_is_refused_to_a_social_worker_and_shown_to_the_mash_duty_manager_the_rule_excepts() {
        String restricted = pupils.get(2);
        Build.RecordRow pupil = schoolRecordOf(restricted);
        assertThat(markers.set(dpo(), restricted, RESTRICTED, "a member of staff's child").done()).isTrue();

        Access worker = policy.record(reader(Agency.CHILDRENS_SOCIAL_CARE, Role.SOCIAL_WORKER, "MASH-MARK-2"), pupil);
        Access manager = policy.record(reader(Agency.CHILDRENS_SOCIAL_CARE, Role.SAFEGUARDING_OFFICER,
                "MASH-MARK-2"), pupil);

        assertThat(worker.any()).isFalse();
        assertThat(worker.reasonCodes()).containsExactly("FORBIDDEN");
        assertThat(worker.basis()).contains("restricted-record", "opened by a MASH duty manager only");
        assertThat(manager.shows("upn")).as("MASH_DUTY_MANAGER is in the rule's unlessRoles").isTrue();
    }

    @Test
    @Order(3)
    void setting_and_removing_are_audited_with_a_reason_and_the_history_is_kept() throws Exception {
        String person = pupils.get(1);
        Build.RecordRow pupil = schoolRecordOf(person);
        Viewer police = reader(Agency.POLICE, Role.SAFEGUARDING_OFFICER, "MASH-MARK-1");

        assertThat(markers.set(dpo(), person, "refuge_address", "family moved to a refuge").done()).isTrue();
        assertThat(markers.set(dpo(), person, "REFUGE_ADDRESS", "again").errors())
                .containsValue(person + " is already marked REFUGE_ADDRESS");
        assertThat(markers.remove(dpo(), person, "REFUGE_ADDRESS", " ").errors()).containsKey("reason");
        assertThat(markers.remove(dpo(), person, "REFUGE_ADDRESS", "family left the refuge").done()).isTrue();
        assertThat(markers.remove(dpo(), person, "REFUGE_ADDRESS", "twice").errors())
                .containsValue(person + " is not marked REFUGE_ADDRESS");

        assertThat(audited(person, "SET")).isEqualTo(1);
        assertThat(audited(person, "REMOVED")).isEqualTo(1);
        assertThat(markers.history(dpo(), person)).singleElement().satisfies(m -> {
            assertThat(m.setBy()).isEqualTo("markers.dpo");
            assertThat(m.setReason()).isEqualTo("family moved to a refuge");
            assertThat(m.removedBy()).contains("markers.dpo");
            assertThat(m.removedReason()).contains("family left the refuge");
        });
        assertThat(policy.record(police, pupil).any()).as("unmarked again").isTrue();
        assertThat(markers.set(dpo(), person, SEALED, "").errors()).containsKey("reason");
    }

    @Test
    @Order(4)
    void a_marker_no_agreement_acts_on_is_refused_naming_those_that_are_and_only_an_officer_sets_any()
            throws Exception {
        String person = pupils.get(1);
        long before = audited(person, "SET");

        SubjectMarkers.Result unknown = markers.set(dpo(), person, "VIP", "a famous footballer's child");
        Viewer notOfficer = reader(Agency.POLICE, Role.SAFEGUARDING_OFFICER, "MASH-MARK-1");

        assertThat(unknown.done()).isFalse();
        assertThat(unknown.errors().get("marker")).contains("'VIP' is not a marker any agreement acts on",
                "REFUGE_ADDRESS, RESTRICTED_RECORD, SEALED_ADOPTION_RECORD");
        assertThat(markers.refusal(notOfficer)).hasValueSatisfying(r -> assertThat(r).contains("data protection"
                + " officer"));
        assertThatThrownBy(() -> markers.set(notOfficer, person, SEALED, "x")).isInstanceOf(
                IllegalStateException.class);
        assertThat(audited(person, "SET")).isEqualTo(before);
        assertThat(new SubjectMarkerStore(app.database.dataSource()).current(person)).isEmpty();
    }

    @Test
    @Order(5)
    void the_table_refuses_a_marker_without_its_audit_entry_and_keeps_every_row() throws Exception {
        String person = pupils.get(0);
        try (Connection c = app.database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO subject_marker (person_id, marker, set_at, set_by, set_reason)"
                        + " VALUES ('" + person + "', 'REFUGE_ADDRESS', now(), 'someone', 'no audit entry')");
                assertThatThrownBy(c::commit).hasMessageContaining("SUBJECT_MARKER audit entry");
            } finally {
                c.rollback();
            }
        }
        try (Connection c = app.database.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM subject_marker WHERE person_id = '" + person
                    + "'")).hasMessageContaining("keeps its history");
            assertThatThrownBy(() -> s.executeUpdate("UPDATE subject_marker SET set_reason = 'rewritten'"))
                    .hasMessageContaining("never changes");
        }
        assertThat(new SubjectMarkerStore(app.database.dataSource()).current(person)).containsExactly(SEALED);
    }

    @Test
    @Order(6)
    void a_people_build_that_merges_a_sealed_person_into_another_carries_the_marker_to_the_survivor()
            throws Exception {
        String survivor = people.personIds().stream().filter(p -> !pupils.subList(0, 3).contains(p))
                .filter(p -> people.recordsOf(p).size() >= 3)
                .filter(p -> people.recordsOf(p).stream().anyMatch(r -> r.definitionId().equals("schools-pupils")))
                .findFirst().orElseThrow();
        String merged = people.personIds().stream().filter(p -> !p.equals(survivor) && !pupils.contains(p))
                .filter(p -> people.recordsOf(p).size() <= 2 && !strongIdentifiers(p)).findFirst().orElseThrow();
        assertThat(markers.set(dpo(), merged, SEALED, "adoption order: records before it are sealed").done())
                .isTrue();
        Build.RecordRow pupil = schoolRecordOf(survivor);
        Viewer police = reader(Agency.POLICE, Role.SAFEGUARDING_OFFICER, "MASH-MARK-1");
        assertThat(policy.record(police, pupil).any()).as("the survivor is not marked yet").isTrue();
        Path root = Files.isDirectory(Path.of("config", "sources")) ? Path.of(".") : Path.of("..");
        Clock clock = Clock.fixed(BuiltPopulation.DURING_THE_AGREEMENTS, ZoneOffset.UTC);
        PeopleBuilder builder = new PeopleBuilder(people, EventVocabulary.read(root.resolve(
                "config/chronology/events.yaml")), ModelJson.read(root.resolve("config/models/people.json")), clock, 2)
                .followingCaseLinks(InstalledAuditLog.store(new ThreadlineHome(app.home).create(), clock));

        people.decide(people.recordsOf(survivor).get(0).recordKey(), people.recordsOf(merged).get(0).recordKey(),
                "LINK", "the same child: confirmed with the school", "reviewer.one", "police",
                BuiltPopulation.DURING_THE_AGREEMENTS);
        builder.build(line -> { });

        assertThat(people.personState(merged).orElseThrow()[0]).as("merged, so retired").isEqualTo("RETIRED");
        assertThat(new SubjectMarkerStore(app.database.dataSource()).current(survivor)).containsExactly(SEALED);
        // a later request (a viewer lives for one request and keeps what it looked up: ADR 0036)
        Access read = policy.record(reader(Agency.POLICE, Role.SAFEGUARDING_OFFICER, "MASH-MARK-1"),
                people.record(pupil.recordKey()).orElseThrow());
        assertThat(read.any()).as("the merge does not widen access to the sealed records").isFalse();
        assertThat(read.reasonCodes()).containsExactly("FORBIDDEN");
        assertThat(audited(survivor, "FOLLOWS_MERGE")).isEqualTo(1);
        assertThat(markers.history(dpo(), survivor)).singleElement().satisfies(m -> {
            assertThat(m.setBy()).isEqualTo("threadline people build");
            assertThat(m.setReason()).contains("follows merge of " + merged + " into " + survivor);
        });
    }

    @Test
    @Order(7)
    void a_data_protection_officer_marks_and_unmarks_a_person_on_the_governance_page_and_no_one_else_may()
            throws Exception {
        String person = pupils.get(1);
        app.account("markers.officer", Agency.LOCAL_AUTHORITY, Role.DATA_PROTECTION_OFFICER,
                "markers-officer-password");
        WebClient officer = new WebClient(app);
        officer.signInWithPurpose("markers.officer", "markers-officer-password", SubjectMarkers.PURPOSE, "");
        assertThat(officer.get("/governance/markers").body()).contains("SEALED_ADOPTION_RECORD", "REFUGE_ADDRESS",
                "opened by a MASH duty manager only");

        WebClient.Page unknown = officer.post("/governance/markers/set", java.util.Map.of("personId", person,
                "marker", "VIP", "reason", "famous"));
        WebClient.Page noReason = officer.post("/governance/markers/set", java.util.Map.of("personId", person,
                "marker", RESTRICTED, "reason", ""));
        WebClient.Page set = officer.post("/governance/markers/set", java.util.Map.of("personId", person,
                "marker", RESTRICTED, "reason", "a councillor's child"));
        String page = officer.get("/governance/markers/" + person).body();
        WebClient.Page removed = officer.post("/governance/markers/remove", java.util.Map.of("personId", person,
                "marker", RESTRICTED, "reason", "no longer a councillor"));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("There is a problem", "is not a marker any agreement acts on");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("a reason is required");
        assertThat(set.location()).contains("/governance/markers/" + person);
        assertThat(page).contains("Markers of " + person, "RESTRICTED_RECORD", "Current",
                "by markers.officer at", "a councillor&#39;s child", "Remove RESTRICTED_RECORD");
        assertThat(removed.location()).contains("/governance/markers/" + person);
        assertThat(officer.get("/governance/markers/" + person).body()).contains("no longer a councillor")
                .doesNotContain("Remove RESTRICTED_RECORD");
        assertThat(audited(person, "SET")).isEqualTo(2);
        assertThat(audited(person, "REMOVED")).isEqualTo(2);

        WebClient police = new WebClient(app);
        police.signInWithPurpose("markers.police", "markers-police-password", MASH, "MASH-MARK-1");
        WebClient.Page refused = police.post("/governance/markers/set", java.util.Map.of("personId", person,
                "marker", SEALED, "reason", "x"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("data protection officer");
        assertThat(new SubjectMarkerStore(app.database.dataSource()).current(person)).isEmpty();
    }

    static boolean strongIdentifiers(String person) {
        return people.recordsOf(person).stream().anyMatch(r -> List.of("nhs_number", "upn", "ni_number", "pnc_id")
                .stream().anyMatch(k -> !r.identity().getOrDefault(k, "").isBlank()));
    }
}
