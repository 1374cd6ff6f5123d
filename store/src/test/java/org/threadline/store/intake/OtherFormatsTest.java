package org.threadline.store.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.intake.load.LoadReport;
import org.threadline.intake.load.Loader;
import org.threadline.intake.source.SourceDefinition;
import org.threadline.intake.source.SourceDefinitions;
import org.threadline.store.Database;
import org.threadline.store.TestDatabases;

/** JSON lines and FHIR Bundles load through the same standardisers, quarantine and store as CSV. */
class OtherFormatsTest {
    static final SourceDefinition FHIR =
            SourceDefinitions.load(Path.of("../config/sources/health-fhir-encounters.yaml"));
    static final Path FHIR_EXAMPLE = Path.of("../docs/examples/fhir/extracts/health/fhir/encounters.json");
    static final SourceDefinition JSONL = SourceDefinitions.parse("""
            id: test-referrals
            version: 1
            agency: test
            record_type: PERSON
            files: ["test/*.jsonl"]
            columns:
              - {source: ref, field: record_key, required: true}
              - {source: child.surname, field: surname}
              - {source: child.dob, field: date_of_birth, dates: ["yyyy-MM-dd"], required: true}
              - {source: referred_at, field: event_datetime, dates: ["yyyy-MM-dd'T'HH:mm"]}
            """);

    @TempDir
    static Path folder;
    static Database db;

    @BeforeAll
    static void start() {
        db = TestDatabases.open(folder.resolve("db"));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    Loader loader() {
        return new Loader(new IntakeStore(db.dataSource()), folder.resolve("landed"),
                Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC), "tester");
    }

    @Test
    void the_example_fhir_bundle_loads_an_encounter_per_row_with_its_patient_standardised() throws Exception {
        LoadReport report = loader().load(FHIR_EXAMPLE, FHIR);

        assertThat(report.rowsRead()).isEqualTo(9);
        assertThat(report.quarantined()).as("the encounter whose patient is not in the Bundle").isOne();
        long id = fileId(report);
        String first = "FROM standardised_row WHERE file_id = " + id + " AND fields->'record_key'->>'value' = 'enc-1'";
        assertThat(text("SELECT fields->'event_datetime'->>'value' " + first)).isEqualTo("2025-01-03T08:15");
        assertThat(text("SELECT fields->'nhs_number'->>'outcome' " + first)).isEqualTo("OK");
        assertThat(text("SELECT fields->'surname'->>'value' || ' ' || (fields->'forename'->>'value') || ' '"
                + " || (fields->'middle_names'->>'value') || ' ' || (fields->'sex'->>'value') " + first))
                .isEqualTo("ASHWORTH AMARA GRACE F");
        assertThat(text("SELECT fields->'postcode'->>'value' " + first)).isEqualTo("B23 6TH");
        assertThat(text("SELECT count(*) FROM standardised_row WHERE file_id = " + id
                + " AND fields->'nhs_number'->>'outcome' = 'INVALID'")).as("the mistyped NHS number, kept")
                .isEqualTo("1");
        assertThat(text("SELECT r.sheet || ' ' || (q.reasons->>'row') FROM quarantined_row q JOIN raw_row r"
                + " USING (file_id, row_number) WHERE q.file_id = " + id))
                .isEqualTo("Encounter/enc-9 its subject Patient/pat-99 is not a Patient in the Bundle");
    }

    @Test
    void json_lines_load_by_field_name_and_a_bad_line_is_quarantined_with_its_line_number() throws Exception {
        Path file = Files.writeString(folder.resolve("referrals.jsonl"), """
                {"ref": "R1", "child": {"surname": "Smith", "dob": "2015-06-01"}, "referred_at": "2025-02-03T14:30"}
                {"ref": "R2", "child": {"surname": "Jones"
                {"ref": "R3", "child": {"surname": "Khan", "dob": "2016-07-02"}}
                """);

        LoadReport report = loader().load(file, JSONL);

        assertThat(report.rowsRead()).isEqualTo(3);
        assertThat(report.loaded()).isEqualTo(2);
        long id = fileId(report);
        assertThat(text("SELECT reasons->>'row' FROM quarantined_row WHERE row_number = 2 AND file_id = " + id))
                .startsWith("line 2 is not JSON");
        assertThat(text("SELECT cells->>0 FROM raw_row WHERE row_number = 2 AND file_id = " + id))
                .isEqualTo("{\"ref\": \"R2\", \"child\": {\"surname\": \"Jones\"");
        assertThat(text("SELECT fields->'surname'->>'value' || ' ' || (fields->'event_datetime'->>'value')"
                + " FROM standardised_row WHERE row_number = 1 AND file_id = " + id)).isEqualTo("SMITH 2025-02-03T14:30");
    }

    static long fileId(LoadReport report) throws SQLException {
        return Long.parseLong(text("SELECT id FROM landed_file WHERE sha256 = '" + report.sha256() + "'"));
    }

    static String text(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
