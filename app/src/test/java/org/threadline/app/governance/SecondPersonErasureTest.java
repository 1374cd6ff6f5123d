package org.threadline.app.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.app.audit.InstalledAuditLog;
import org.threadline.app.people.TestPopulation;
import org.threadline.intake.source.SourceDefinitions;
import org.threadline.store.governance.RowKey;

/**
 * Erasing a mother named in health visiting contacts about her child (real PostgreSQL, a generated 300-person
 * population): the contacts stay for the child with only the mother's cells blanked (ADR 0028).
 */
class SecondPersonErasureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path folder;
    static TestPopulation built;

    @BeforeAll
    static void buildAPopulation() throws Exception {
        built = TestPopulation.built(folder, 300, 5, Clock.fixed(Instant.parse("2026-04-01T09:00:00Z"),
                ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        if (built != null) {
            built.close();
        }
    }

    @Test
    void a_mothers_erasure_keeps_her_childs_contacts_with_only_her_cells_blanked_and_a_rebuild_does_not_bring_her_back()
            throws Exception {
        // a mother named in health visiting contacts about a child held as someone else (her other rows go whole)
        String mother = first("SELECT r.person_id FROM person_record r WHERE r.part = 'mother' AND EXISTS (SELECT 1"
                + " FROM person_record c WHERE c.file_id = r.file_id AND c.row_number = r.row_number AND c.part = ''"
                + " AND c.person_id <> r.person_id) ORDER BY r.person_id LIMIT 1");
        List<String[]> contacts = rows("SELECT r.file_id, r.row_number, r.record_key, c.person_id, c.record_key"
                + " FROM person_record r JOIN person_record c ON c.file_id = r.file_id AND c.row_number ="
                + " r.row_number AND c.part = '' AND c.person_id <> r.person_id WHERE r.person_id = '" + mother
                + "' AND r.part = 'mother' ORDER BY r.record_key");
        assertThat(contacts).isNotEmpty();
        String[] one = contacts.get(0);
        List<String> cellsBefore = cells(one[0], one[1]);
        String childEvents = first("SELECT count(*) FROM chronology_event WHERE person_id = '" + one[3]
                + "' AND sources @> '[{\"fileId\": " + one[0] + ", \"rowNumber\": " + one[1] + "}]'");

        Erasure.Result r = new Erasure(built.database().dataSource(), InstalledAuditLog.store(built.home(), CLOCK),
                CLOCK, built.home().root(), Optional.of(SourceDefinitions.loadAll(built.root().resolve(
                "config/sources")))).erase(mother, "erasure request upheld", "dpo.one", "health", false);

        for (String[] c : contacts) {
            assertThat(r.rowsBlanked()).contains(new RowKey(Long.parseLong(c[0]), Long.parseLong(c[1])));
            assertThat(first("SELECT count(*) FROM raw_row WHERE file_id = " + c[0] + " AND row_number = " + c[1]))
                    .isEqualTo("1");
            assertThat(first("SELECT person_id FROM person_record WHERE record_key = '" + c[4] + "'"))
                    .isEqualTo(c[3]);
            assertThat(first("SELECT count(*) FROM standardised_row WHERE file_id = " + c[0] + " AND row_number = "
                    + c[1] + " AND EXISTS (SELECT 1 FROM jsonb_object_keys(fields) k WHERE k LIKE 'mother.%')"))
                    .isEqualTo("0");
        }
        // the mother's columns (Mother_NHS_Number, Mother_Surname, Mother_Forename) are blank, every other cell kept
        List<String> cellsAfter = cells(one[0], one[1]);
        List<String> header = headerOf(one[0]);
        for (int i = 0; i < cellsBefore.size(); i++) {
            if (header.get(i).startsWith("Mother_")) {
                assertThat(cellsAfter.get(i)).as(header.get(i)).isEmpty();
            } else {
                assertThat(cellsAfter.get(i)).as(header.get(i)).isEqualTo(cellsBefore.get(i));
            }
        }
        assertThat(cellsBefore.stream().filter(x -> !x.isEmpty()).count())
                .isGreaterThan(cellsAfter.stream().filter(x -> !x.isEmpty()).count());
        assertThat(first("SELECT count(*) FROM chronology_event WHERE person_id = '" + one[3]
                + "' AND sources @> '[{\"fileId\": " + one[0] + ", \"rowNumber\": " + one[1] + "}]'"))
                .isEqualTo(childEvents);
        assertThat(first("SELECT count(*) FROM person_record WHERE person_id = '" + mother + "'")).isEqualTo("0");
        assertThat(first("SELECT count(*) FROM chronology_event WHERE person_id = '" + mother + "'")).isEqualTo("0");
        assertThat(first("SELECT payload->>'reasonCodes' FROM audit_entry WHERE sequence = "
                + r.removed().auditEntry())).contains("ROWS_BLANKED=" + r.rowsBlanked().size());

        built.builder().build(line -> { });

        assertThat(first("SELECT count(*) FROM person_record WHERE part = 'mother' AND (file_id, row_number) IN ("
                + String.join(", ", contacts.stream().map(c -> "(" + c[0] + ", " + c[1] + ")").toList()) + ")"))
                .isEqualTo("0");
        assertThat(first("SELECT count(*) FROM person_record WHERE record_key = '" + one[4] + "'")).isEqualTo("1");
    }

    private static List<String> headerOf(String fileId) throws Exception {
        String path = first("SELECT stored_path FROM landed_file WHERE id = " + fileId);
        return org.threadline.intake.load.Loader.header(Path.of(path), SourceDefinitions.load(built.root()
                .resolve("config/sources/health-visiting.yaml")));
    }

    private static List<String> cells(String file, String row) throws Exception {
        return JSON.readValue(first("SELECT cells::text FROM raw_row WHERE file_id = " + file + " AND row_number = "
                + row), new TypeReference<>() { });
    }

    private static String first(String sql) {
        List<String[]> all = rows(sql);
        assertThat(all).as(sql).isNotEmpty();
        return all.get(0)[0];
    }

    private static List<String[]> rows(String sql) {
        return Sql.rows(built.database().dataSource(), sql);
    }
}
