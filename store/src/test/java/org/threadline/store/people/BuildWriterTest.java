package org.threadline.store.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.chronology.EventDate;
import org.threadline.domain.chronology.EventRole;
import org.threadline.domain.chronology.SourceRef;
import org.threadline.store.Database;
import org.threadline.store.StoreException;
import org.threadline.store.TestDatabases;

/** A people build is written as it is made, but seen all at once or not at all. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BuildWriterTest {
    @TempDir
    static Path folder;
    static Database db;
    static PeopleStore store;

    static List<String> catalogueAsMigrated;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabases.open(folder.resolve("db"));
        store = new PeopleStore(db.dataSource());
        catalogueAsMigrated = catalogue();
    }

    /** The swapped tables' indexes and keys, by name and definition, and any table left with a copy's name. */
    static List<String> catalogue() throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (java.sql.Connection c = db.dataSource().getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT indexrelid::regclass::text || ' ' || pg_get_indexdef(indexrelid)"
                     + " FROM pg_index WHERE indrelid IN ('person_record'::regclass, 'chronology_event'::regclass)"
                     + " UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint"
                     + " WHERE conrelid IN ('person_record'::regclass, 'chronology_event'::regclass)"
                     + " UNION ALL SELECT 'left over: ' || relname FROM pg_class WHERE relname LIKE '%\\_next'"
                     + " ORDER BY 1")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static Build.Run header() {
        Instant at = Instant.parse("2026-11-27T09:00:00Z");
        return new Build.Run(at, at, "people", 1, "0".repeat(64), "{}", 3, 1, 0, Map.of("linking", 5L));
    }

    static Build.PersonRow person(String id) {
        return new Build.PersonRow(id, "ACTIVE", "Ann", "Smith", Optional.of(LocalDate.of(2015, 1, 1)), "F", "[]");
    }

    static ChronologyEvent event(String id, String person) {
        return new ChronologyEvent(id, person, EventDate.day(LocalDate.of(2024, 4, 5)), Optional.empty(), "police",
                "DOMESTIC_ABUSE_INCIDENT", EventRole.CHILD_PRESENT, "incident", true, Map.of(),
                List.of(new SourceRef("police", "police-incident-persons", 1, 2)), 0.99);
    }

    @Test
    @Order(1)
    void a_committed_build_is_visible() {
        long run;
        try (BuildWriter w = store.beginBuild(header())) {
            w.persons(List.of(person("P1")), List.of());
            w.event(event("E1", "P1"));
            w.event(event("E2", "P1"));
            run = w.commit(Instant.parse("2026-11-27T09:05:00Z"));
        }
        assertThat(run).isPositive();
        assertThat(store.events(List.of("P1"))).extracting(ChronologyEvent::eventId).containsExactly("E1", "E2");
        assertThat(store.person("P1")).isPresent();
    }

    @Test
    @Order(2)
    void a_build_closed_without_a_commit_leaves_the_previous_build_in_place() {
        try (BuildWriter w = store.beginBuild(header())) {
            w.persons(List.of(person("P2")), List.of());
            for (int i = 0; i < 5_000; i++) { // past a batch, so some rows reached the server
                w.event(event("X" + i, "P2"));
            }
        }
        assertThat(store.events(List.of("P1"))).extracting(ChronologyEvent::eventId).containsExactly("E1", "E2");
        assertThat(store.events(List.of("P2"))).isEmpty();
        assertThat(store.person("P2")).isEmpty();
    }

    @Test
    @Order(3)
    void a_failing_write_rolls_back_says_nothing_is_visible_and_refuses_more_writes() {
        try (BuildWriter w = store.beginBuild(header())) {
            w.persons(List.of(person("P3")), List.of());
            w.event(event("D1", "P3"));
            w.event(event("D1", "P3")); // the same event id twice: the database refuses its key at commit
            assertThatThrownBy(() -> w.commit(Instant.now()))
                    .isInstanceOf(StoreException.class).hasMessageContaining("nothing of it is visible");
            assertThatThrownBy(() -> w.event(event("D2", "P3"))).isInstanceOf(IllegalStateException.class);
        }
        assertThat(store.person("P3")).isEmpty();
        assertThat(store.events(List.of("P1"))).hasSize(2);
    }

    @Test
    @Order(4)
    void the_tables_a_build_writes_afresh_keep_every_index_and_key_of_the_migrations_under_its_own_name()
            throws Exception {
        try (BuildWriter w = store.beginBuild(header())) {
            w.persons(List.of(person("P4")), List.of());
            w.event(event("E4", "P4"));
            w.commit(Instant.parse("2026-11-27T09:10:00Z"));
        }

        assertThat(catalogue()).isEqualTo(catalogueAsMigrated)
                .anyMatch(d -> d.startsWith("person_record_lookup CREATE INDEX person_record_lookup ON"))
                .anyMatch(d -> d.startsWith("person_record_person_id_fkey FOREIGN KEY (person_id) REFERENCES person"))
                .noneMatch(d -> d.startsWith("left over"));
        try (java.sql.Connection c = db.dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("INSERT INTO person_record (record_key, file_id, row_number, part,"
                    + " person_id, agency, definition_id, link_confidence, identity) VALUES ('k', 1, 1, '', 'NOBODY',"
                    + " 'police', 'd', 1, '{}')")).hasMessageContaining("foreign key");
        }
    }
}
