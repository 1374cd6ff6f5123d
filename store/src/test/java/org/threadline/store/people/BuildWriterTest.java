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
    void a_build_closed_without_a_commit_leaves_the_previous_build_in_place() throws Exception {
        try (BuildWriter w = store.beginBuild(header())) {
            w.persons(List.of(person("P2")), List.of());
            for (int i = 0; i < 5_000; i++) { // past a batch, so some rows reached the server
                w.event(event("X" + i, "P2"));
            }
        }
        assertThat(store.events(List.of("P1"))).extracting(ChronologyEvent::eventId).containsExactly("E1", "E2");
        assertThat(store.events(List.of("P2"))).isEmpty();
        assertThat(store.person("P2")).isEmpty();
        assertThat(leftOver()).as("copies the abandoned build filled on their own connections").isEmpty();
    }

    /** Fresh copies (FreshTable) still in the catalogue. */
    static List<String> leftOver() throws Exception {
        return catalogue().stream().filter(d -> d.startsWith("left over")).toList();
    }

    @Test
    @Order(3)
    void a_failing_write_rolls_back_says_nothing_is_visible_and_refuses_more_writes() throws Exception {
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
        assertThat(leftOver()).isEmpty();
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

    /** Text a partner's cell can hold that COPY's CSV form must carry unchanged. */
    static final String AWKWARD = "O'Brien, \"Jr\"\n\\N \\ tab\tend é 🙂";

    @Test
    @Order(5)
    void a_record_and_an_event_written_by_a_build_read_back_exactly_as_an_increment_writes_them() throws Exception {
        Map<String, String> identity = new java.util.LinkedHashMap<>();
        identity.put("surname", AWKWARD);
        identity.put("forename", "");
        identity.put("quote\"key", "\\");
        Build.RecordRow built = new Build.RecordRow("R-BUILT", 7, 8, "child", "P5", "police", "def", 0.1234567890123,
                identity, Optional.of("joined by rule \"before birth\", 12 days"));
        Build.RecordRow bare = new Build.RecordRow("R-BARE", 7, 9, "", "P5", "health", "def", 1.0, Map.of());
        ChronologyEvent full = new ChronologyEvent("E-BUILT", "P5", EventDate.at(LocalDate.of(2024, 2, 29),
                java.time.LocalTime.of(23, 59, 30)), Optional.of(EventDate.day(LocalDate.of(2024, 3, 1))), "police",
                "MISSING_EPISODE", EventRole.SUBJECT, AWKWARD, false, Map.of("risk", AWKWARD, "n", "3"),
                List.of(new SourceRef("police", "def", 7, 8), new SourceRef("health", "d2", 9, 10)), 1e-7);
        ChronologyEvent monthOnly = new ChronologyEvent("E-MONTH", "P5", EventDate.month(2023, 11), Optional.empty(),
                "health", "CONTACT", EventRole.SUBJECT, "", true, Map.of(), List.of(new SourceRef("health", "d2", 7, 9)),
                Double.MIN_VALUE);
        landRows(7, 8, 9);
        try (BuildWriter w = store.beginBuild(header())) {
            w.persons(List.of(person("P5")), List.of());
            w.record(built, new int[] {1, -2, Integer.MAX_VALUE});
            w.record(bare);
            w.event(full);
            w.event(monthOnly);
            w.commit(Instant.parse("2026-11-27T09:15:00Z"));
        }
        store.writeIncrement(List.of(), List.of(new Build.KeyedRecord(copy(built, "R-INC"), new int[] {1, -2,
                Integer.MAX_VALUE}), new Build.KeyedRecord(copy(bare, "R-INC-BARE"), null)),
                List.of(copy(full, "E-INC"), copy(monthOnly, "E-INC-MONTH")), List.of(), List.of());

        assertThat(differences("person_record", "record_key", "R-BUILT", "R-INC")).isEmpty();
        assertThat(differences("person_record", "record_key", "R-BARE", "R-INC-BARE")).isEmpty();
        assertThat(differences("chronology_event", "event_id", "E-BUILT", "E-INC")).isEmpty();
        assertThat(differences("chronology_event", "event_id", "E-MONTH", "E-INC-MONTH")).isEmpty();
        assertThat(store.record("R-BUILT")).get().satisfies(r -> {
            assertThat(r.identity()).isEqualTo(identity);
            assertThat(r.linkedBy()).isEqualTo(built.linkedBy());
        });
        assertThat(store.events(List.of("P5"))).filteredOn(e -> e.eventId().equals("E-BUILT")).singleElement()
                .usingRecursiveComparison().isEqualTo(full);
    }

    /** A landed file with these raw rows: the rows records point at (their key). */
    static void landRows(long file, long... rows) throws Exception {
        try (java.sql.Connection c = db.dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("INSERT INTO landed_file (id, sha256, size_bytes, original_name, agency, definition_id,"
                    + " definition_version, definition_sha256, landed_at, landed_by, stored_path, rows_read,"
                    + " rows_loaded, rows_quarantined, status) OVERRIDING SYSTEM VALUE VALUES (" + file + ", '"
                    + "a".repeat(64) + "', 1, 'f.csv', 'police', 'def', 1, '" + "b".repeat(64) + "', now(), 'test',"
                    + " 'f.csv', 0, 0, 0, 'LOADED')");
            for (long row : rows) {
                s.execute("INSERT INTO raw_row VALUES (" + file + ", " + row + ", '', '[]', '')");
            }
        }
    }

    static Build.RecordRow copy(Build.RecordRow r, String key) {
        return new Build.RecordRow(key, r.fileId(), r.rowNumber(), r.part(), r.personId(), r.agency(),
                r.definitionId(), r.linkConfidence(), r.identity(), r.linkedBy());
    }

    static ChronologyEvent copy(ChronologyEvent e, String id) {
        return new ChronologyEvent(id, e.personId(), e.date(), e.end(), e.agency(), e.type(), e.role(), e.summary(),
                e.significant(), e.facts(), e.sources(), e.linkConfidence());
    }

    /** The columns (other than the key) in which two rows of a table differ, each with both values. */
    static List<String> differences(String table, String key, String a, String b) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (java.sql.Connection c = db.dataSource().getConnection();
             java.sql.PreparedStatement s = c.prepareStatement("SELECT * FROM " + table + " WHERE " + key
                     + " IN (?, ?) ORDER BY " + key + " = ? DESC")) {
            s.setString(1, a);
            s.setString(2, b);
            s.setString(3, a);
            try (java.sql.ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as("row " + a).isTrue();
                java.sql.ResultSetMetaData m = r.getMetaData();
                Object[] first = new Object[m.getColumnCount()];
                for (int i = 1; i <= first.length; i++) {
                    first[i - 1] = r.getString(i);
                }
                assertThat(r.next()).as("row " + b).isTrue();
                for (int i = 1; i <= first.length; i++) {
                    String column = m.getColumnName(i);
                    if (!column.equals(key) && !java.util.Objects.equals(first[i - 1], r.getString(i))) {
                        out.add(column + ": " + first[i - 1] + " <> " + r.getString(i));
                    }
                }
            }
        }
        return out;
    }
}
