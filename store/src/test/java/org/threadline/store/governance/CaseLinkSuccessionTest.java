package org.threadline.store.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.domain.governance.audit.CheckpointSigner;
import org.threadline.domain.governance.policy.CaseRegister.CaseStatus;
import org.threadline.domain.people.StableIds;
import org.threadline.store.Database;
import org.threadline.store.StoreException;
import org.threadline.store.TestDatabases;
import org.threadline.store.audit.AuditStore;
import org.threadline.store.people.Build;
import org.threadline.store.people.BuildWriter;
import org.threadline.store.people.PeopleStore;

/**
 * Case links after a people build (ADR 0031), on real PostgreSQL: a merge moves the link to the survivor in the
 * build's transaction and audits it; a split leaves the link and raises an item to check; a build without changes
 * leaves the register alone; a build that would change a case without an audit log changes nothing at all.
 */
class CaseLinkSuccessionTest {
    @TempDir
    static Path folder;
    static Database db;
    static PeopleStore people;
    static CaseStore cases;
    static AuditStore audit;
    static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    static final Instant T1 = Instant.parse("2026-11-21T09:00:00Z");

    @BeforeAll
    static void open() {
        db = TestDatabases.open(folder.resolve("db"));
        people = new PeopleStore(db.dataSource());
        cases = new CaseStore(db.dataSource());
        audit = new AuditStore(new CheckpointSigner(CheckpointSigner.newKeyPair()), 1_000, Duration.ofDays(365),
                Clock.fixed(T1, ZoneOffset.UTC), new SplittableRandom(31));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** Record key → person id as a previous build left it. */
    static Map<String, String> held(String... keyThenPerson) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < keyThenPerson.length; i += 2) {
            out.put(keyThenPerson[i], keyThenPerson[i + 1]);
        }
        return out;
    }

    static Build.PersonRow person(String id, String state) {
        return new Build.PersonRow(id, state, "Ann", "Smith", Optional.of(LocalDate.of(2015, 1, 1)), "F", "[]");
    }

    /** A first build holding these persons, with no identity changes. */
    static void firstBuild(String... ids) {
        try (BuildWriter w = people.beginBuild(header())) {
            w.persons(java.util.Arrays.stream(ids).map(id -> person(id, "ACTIVE")).toList(), List.of());
            w.changes(List.of(), "first");
            w.commit(T0);
        }
    }

    /**
     * A re-link of {@code previous} into {@code clusters}, ids kept as the people build keeps them
     * ({@link StableIds#assign}), fresh ones from {@code fresh}; written as the build writes it.
     */
    static List<CaseLinkSuccession.Followed> rebuild(Map<String, String> previous, List<List<String>> clusters,
                                                     Optional<AuditStore> log, String... fresh) {
        Iterator<String> ids = List.of(fresh).iterator();
        StableIds.Assignment a = StableIds.assign(previous, clusters, ids::next);
        List<String> retired = a.changes().stream().filter(c -> c.kind() == StableIds.ChangeKind.RETIRE)
                .map(c -> c.before().get(0)).toList();
        List<Build.PersonRow> rows = new ArrayList<>();
        a.ids().forEach(id -> rows.add(person(id, "ACTIVE")));
        retired.forEach(id -> rows.add(person(id, "RETIRED")));
        try (BuildWriter w = people.beginBuild(header(), new CaseLinkSuccession(log))) {
            w.persons(rows, retired);
            w.changes(a.changes(), "re-link");
            w.commit(T1);
            return w.caseChanges();
        }
    }

    static Build.Run header() {
        return new Build.Run(T0, T0, "people", 1, "0".repeat(64), "{}", 0, 0, 0, Map.of());
    }

    static void openCase(String agency, String reference, String... linked) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            cases.open(c, agency, reference, "manager", T0);
            for (String p : linked) {
                assertThat(cases.link(c, agency, reference, p, "manager", T0)).isEqualTo(CaseStore.Outcome.DONE);
            }
        }
    }

    static long count(String sql, String... args) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static long caseChanges(String subject, String reason) throws SQLException {
        return count("SELECT count(*) FROM audit_entry WHERE payload->>'action' = 'CASE_CHANGE'"
                + " AND payload->>'subject' = ? AND payload->'reasonCodes' @> CAST(? AS jsonb)", subject,
                "[\"" + reason + "\"]");
    }

    @Test
    void a_merge_links_the_survivor_unlinks_the_merged_person_and_audits_both_in_the_builds_transaction()
            throws SQLException {
        firstBuild("P0000101", "P0000102");
        openCase("police", "MASH-101", "P0000102");
        StoredCaseRegister register = new StoredCaseRegister(cases, Clock.fixed(T1, ZoneOffset.UTC), Duration.ZERO);
        assertThat(register.status("MASH-101", "P0000101", "police")).isEqualTo(CaseStatus.OPEN_NOT_LINKED);

        // Two records of P0000101 and one of P0000102 are found to be one person: P0000101 survives.
        List<CaseLinkSuccession.Followed> followed = rebuild(held("a", "P0000101", "b", "P0000101", "c", "P0000102"),
                List.of(List.of("a", "b", "c")), Optional.of(audit));

        assertThat(followed).extracting(CaseLinkSuccession.Followed::outcome)
                .containsExactly(CaseLinkSuccession.Outcome.LINK_FOLLOWED);
        assertThat(register.status("MASH-101", "P0000101", "police")).isEqualTo(CaseStatus.OPEN_AND_LINKED);
        assertThat(register.status("MASH-101", "P0000102", "police")).isEqualTo(CaseStatus.OPEN_NOT_LINKED);
        CaseStore.Case k = cases.find("police", "MASH-101").orElseThrow();
        assertThat(k.linkedNow()).containsExactly("P0000101");
        CaseStore.Link old = k.links().get(0);
        assertThat(old.personId()).isEqualTo("P0000102");
        assertThat(old.unlinkedAt()).contains(T1);
        assertThat(old.unlinkedBy()).contains("threadline people build");
        assertThat(old.unlinkedReason()).get().asString().contains("follows merge of P0000102 into P0000101");
        CaseStore.Link moved = k.links().get(1);
        assertThat(moved.linkedBy()).isEqualTo("threadline people build");
        assertThat(moved.linkedReason()).get().asString().contains("follows merge of P0000102 into P0000101");
        assertThat(caseChanges("P0000101", "LINKED")).isEqualTo(1);
        assertThat(caseChanges("P0000102", "UNLINKED")).isEqualTo(1);
        assertThat(caseChanges("P0000101", "FOLLOWS_MERGE")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM person_lineage WHERE from_person = 'P0000102'"
                + " AND to_person = 'P0000101' AND kind = 'MERGED' AND via = 'PEOPLE_BUILD'")).isEqualTo(1);
    }

    @Test
    void a_split_keeps_the_link_raises_an_item_to_check_and_linking_the_other_person_settles_it() throws Exception {
        firstBuild("P0000201");
        openCase("social-care", "S47-201", "P0000201");

        // Three records of P0000201 turn out to be two people: the larger part keeps the id.
        List<CaseLinkSuccession.Followed> followed = rebuild(held("d", "P0000201", "e", "P0000201", "f", "P0000201"),
                List.of(List.of("d", "e"), List.of("f")), Optional.of(audit), "P0000209");

        assertThat(followed).extracting(CaseLinkSuccession.Followed::outcome)
                .containsExactly(CaseLinkSuccession.Outcome.TO_CHECK);
        CaseStore.Case k = cases.find("social-care", "S47-201").orElseThrow();
        assertThat(k.linkedNow()).as("no access is widened without a person deciding").containsExactly("P0000201");
        assertThat(k.toCheck()).singleElement().satisfies(check -> {
            assertThat(check.personId()).isEqualTo("P0000201");
            assertThat(check.toPerson()).isEqualTo("P0000209");
            assertThat(check.note()).contains("P0000209");
        });
        assertThat(caseChanges("P0000209", "TO_CHECK")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM person_lineage WHERE from_person = 'P0000201'"
                + " AND to_person = 'P0000209' AND kind = 'SPLIT'")).isEqualTo(1);

        try (Connection c = db.dataSource().getConnection()) {
            assertThat(cases.link(c, "social-care", "S47-201", "P0000209", "manager", T1))
                    .isEqualTo(CaseStore.Outcome.DONE);
        }
        CaseStore.Case linked = cases.find("social-care", "S47-201").orElseThrow();
        assertThat(linked.toCheck()).isEmpty();
        assertThat(linked.checks()).singleElement().satisfies(check -> {
            assertThat(check.settledHow()).contains("LINKED");
            assertThat(check.settledBy()).contains("manager");
        });
    }

    @Test
    void an_item_to_check_can_be_dismissed_once_and_the_person_stays_unlinked() throws Exception {
        firstBuild("P0000301");
        openCase("health", "S47-301", "P0000301");
        rebuild(held("g", "P0000301", "h", "P0000301", "i", "P0000301"), List.of(List.of("g", "h"), List.of("i")),
                Optional.of(audit), "P0000309");

        try (Connection c = db.dataSource().getConnection()) {
            assertThat(cases.dismiss(c, "health", "S47-301", "P0000309", "manager", T1))
                    .isEqualTo(CaseStore.Outcome.DONE);
            assertThat(cases.dismiss(c, "health", "S47-301", "P0000309", "manager", T1))
                    .isEqualTo(CaseStore.Outcome.NOTHING_TO_CHECK);
        }
        CaseStore.Case k = cases.find("health", "S47-301").orElseThrow();
        assertThat(k.linkedNow()).containsExactly("P0000301");
        assertThat(k.toCheck()).isEmpty();
        assertThat(k.checks()).singleElement().satisfies(check -> assertThat(check.settledHow()).contains("DISMISSED"));
    }

    @Test
    void a_rebuild_with_no_merge_or_split_changes_nothing_in_the_register() throws Exception {
        firstBuild("P0000401", "P0000402");
        openCase("police", "MASH-401", "P0000401", "P0000402");
        String before = registerDump();
        long entries = count("SELECT count(*) FROM audit_entry");

        List<CaseLinkSuccession.Followed> followed = rebuild(held("j", "P0000401", "k", "P0000402"),
                List.of(List.of("j"), List.of("k")), Optional.of(audit));

        assertThat(followed).isEmpty();
        assertThat(registerDump()).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM audit_entry")).isEqualTo(entries);
        assertThat(count("SELECT count(*) FROM person_lineage WHERE from_person IN ('P0000401', 'P0000402')"))
                .isZero();
    }

    /** Every link and item to check, as text. */
    static String registerDump() throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT row(p.*)::text FROM case_person p UNION ALL"
                     + " SELECT row(k.*)::text FROM case_check k ORDER BY 1")) {
            while (r.next()) {
                out.append(r.getString(1)).append('\n');
            }
        }
        return out.toString();
    }

    @Test
    void a_build_that_would_change_a_case_without_an_audit_log_is_refused_and_nothing_of_it_is_visible()
            throws Exception {
        firstBuild("P0000501", "P0000502");
        openCase("police", "MASH-501", "P0000502");

        assertThatThrownBy(() -> rebuild(held("l", "P0000501", "m", "P0000501", "n", "P0000502"),
                List.of(List.of("l", "m", "n")), Optional.empty()))
                .isInstanceOf(StoreException.class).hasMessageContaining("nothing of it is visible")
                .hasMessageContaining("no audit log");

        assertThat(cases.find("police", "MASH-501").orElseThrow().linkedNow()).containsExactly("P0000502");
        assertThat(people.personState("P0000502").orElseThrow()[0]).isEqualTo("ACTIVE");
        assertThat(count("SELECT count(*) FROM person_lineage WHERE from_person = 'P0000502'")).isZero();
    }

    @Test
    void a_closed_case_keeps_the_links_it_had_when_it_was_closed() throws Exception {
        firstBuild("P0000601", "P0000602");
        openCase("police", "MASH-601", "P0000602");
        try (Connection c = db.dataSource().getConnection()) {
            cases.close(c, "police", "MASH-601", "manager", T0);
        }

        List<CaseLinkSuccession.Followed> followed = rebuild(held("o", "P0000601", "p", "P0000601",
                "q", "P0000602"), List.of(List.of("o", "p", "q")), Optional.of(audit));

        assertThat(followed).isEmpty();
        assertThat(cases.find("police", "MASH-601").orElseThrow().linkedNow()).containsExactly("P0000602");
    }

    @Test
    void items_to_check_and_lineage_keep_their_history_against_any_other_change() throws Exception {
        firstBuild("P0000701");
        openCase("police", "MASH-701", "P0000701");
        rebuild(held("r", "P0000701", "s", "P0000701", "t", "P0000701"), List.of(List.of("r", "s"), List.of("t")),
                Optional.of(audit), "P0000709");
        for (String sql : List.of("UPDATE case_check SET note = 'x' WHERE person_id = 'P0000701'",
                "UPDATE case_check SET to_person = 'P0000001' WHERE person_id = 'P0000701'",
                "DELETE FROM case_check", "TRUNCATE case_check",
                "UPDATE person_lineage SET to_person = 'P0000001' WHERE from_person = 'P0000701'",
                "DELETE FROM person_lineage", "TRUNCATE person_lineage",
                "UPDATE case_person SET linked_reason = 'x' WHERE person_id = 'P0000701'")) {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class);
            }
        }
        try (Connection c = db.dataSource().getConnection()) {
            cases.dismiss(c, "police", "MASH-701", "P0000709", "manager", T1);
            try (Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute("UPDATE case_check SET settled_how = 'LINKED'"
                        + " WHERE person_id = 'P0000701'")).as("settled once").isInstanceOf(SQLException.class);
            }
        }
    }
}
