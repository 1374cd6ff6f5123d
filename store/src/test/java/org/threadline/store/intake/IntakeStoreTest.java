package org.threadline.store.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.intake.load.FileLoad;
import org.threadline.intake.load.LandedFile;
import org.threadline.intake.load.LoadReport;
import org.threadline.intake.load.LoadTarget;
import org.threadline.intake.load.LoadedRow;
import org.threadline.intake.load.Loader;
import org.threadline.intake.source.SourceDefinition;
import org.threadline.intake.source.SourceDefinitions;
import org.threadline.store.Database;
import org.threadline.store.TestDatabases;

class IntakeStoreTest {
    static final SourceDefinition PEOPLE = SourceDefinitions.parse("""
            id: test-people
            version: 1
            agency: test
            description: people for the store tests
            record_type: PERSON
            files: ["test/people.*"]
            columns:
              - {source: Ref, field: record_key, required: true}
              - {source: Surname, field: surname}
              - {source: Forename, field: forename}
              - {source: DOB, field: date_of_birth, dates: ["dd/MM/yyyy"], required: true}
              - {source: Postcode, field: postcode}
            """, "test-people.yaml");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);

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

    Loader loader(LoadTarget target) {
        return new Loader(target, folder.resolve("landed"), CLOCK, "tester");
    }

    static Path csv(String name, String text) throws IOException {
        Path dir = Files.createDirectories(folder.resolve("in"));
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void every_row_is_kept_raw_and_loaded_or_quarantined_with_its_reasons() throws Exception {
        Path file = csv("people-a.csv", """
                Ref,Surname,Forename,DOB,Postcode
                A1,smith,john,03/04/2011,b23 6th
                A2,JONES,Mary,,B1 1AA
                A3,Brown,Ann,31/02/2010,B1 1AA
                A4,too,many,cells,01/01/2000,B1 1AA
                """);

        LoadReport report = loader(new IntakeStore(db.dataSource())).load(file, PEOPLE);

        assertThat(report.duplicate()).isFalse();
        assertThat(report.rowsRead()).isEqualTo(4);
        assertThat(report.loaded()).isEqualTo(1);
        assertThat(report.quarantined()).isEqualTo(3);
        long id = fileId(report.sha256());
        assertThat(text("SELECT fields->'surname'->>'value' || ' ' || (fields->'date_of_birth'->>'value') || ' '"
                + " || (fields->'postcode'->>'value') FROM standardised_row WHERE file_id = " + id))
                .isEqualTo("SMITH 2011-04-03 B23 6TH");
        assertThat(text("SELECT cells::text FROM raw_row WHERE row_number = 2 AND file_id = " + id))
                .isEqualTo("[\"A1\", \"smith\", \"john\", \"03/04/2011\", \"b23 6th\"]");
        assertThat(text("SELECT reasons->>'date_of_birth' FROM quarantined_row WHERE row_number = 3 AND file_id = "
                + id)).startsWith("required column DOB is missing");
        assertThat(text("SELECT reasons->>'date_of_birth' FROM quarantined_row WHERE row_number = 4 AND file_id = "
                + id)).startsWith("required column DOB is invalid");
        assertThat(text("SELECT reasons->>'row' FROM quarantined_row WHERE row_number = 5 AND file_id = " + id))
                .isEqualTo("has 6 cells where the header has 5");
        assertThat(count("raw_row WHERE file_id = " + id)).isEqualTo(4);
        assertThat(Files.readString(folder.resolve("landed").resolve(report.sha256()).resolve("people-a.csv")))
                .isEqualTo(Files.readString(file));
        assertThat(text("SELECT definition_id || ' v' || definition_version || ' ' || landed_by || ' ' || status"
                + " FROM landed_file WHERE id = " + id)).isEqualTo("test-people v1 tester LOADED");
    }

    @Test
    void awkward_characters_in_cells_reach_the_database_exactly_as_read() throws Exception {
        String awkward = "O\"Brien, \\N \\. é ü 🙂 \t tab\r\nnew line \u0001 end";
        Path file = csv("people-awkward.csv", "Ref,Surname,Forename,DOB,Postcode\n"
                + "E1,\"" + awkward.replace("\"", "\"\"") + "\",John,03/04/2011,B1 1AA\n");

        LoadReport report = loader(new IntakeStore(db.dataSource())).load(file, PEOPLE);

        long id = fileId(report.sha256());
        assertThat(report.loaded()).isOne();
        assertThat(text("SELECT cells->>1 FROM raw_row WHERE file_id = " + id)).isEqualTo(awkward);
        assertThat(text("SELECT cells->>3 FROM raw_row WHERE file_id = " + id)).isEqualTo("03/04/2011");
        assertThat(text("SELECT fields->'forename'->>'value' FROM standardised_row WHERE file_id = " + id))
                .isEqualTo("JOHN");
    }

    @Test
    void the_same_content_loaded_again_adds_nothing_and_says_so() throws Exception {
        Path file = csv("people-b.csv", "Ref,Surname,Forename,DOB,Postcode\nB1,Smith,John,03/04/2011,B1 1AA\n");
        Path renamed = csv("people-b-again.csv", Files.readString(file));
        Loader loader = loader(new IntakeStore(db.dataSource()));
        loader.load(file, PEOPLE);
        long rows = count("raw_row");

        LoadReport again = loader.load(renamed, PEOPLE);

        assertThat(again.duplicate()).isTrue();
        assertThat(count("raw_row")).isEqualTo(rows);
        assertThat(count("landed_file WHERE sha256 = '" + again.sha256() + "'")).isEqualTo(1);
    }

    @Test
    void a_failure_mid_file_leaves_nothing_visible_and_a_rerun_completes_it() throws Exception {
        StringBuilder text = new StringBuilder("Ref,Surname,Forename,DOB,Postcode\n");
        // more rows than two COPY batches, so that rows have reached the server when the load dies
        int rows = 2 * 5_000 + 2_500;
        for (int i = 0; i < rows; i++) {
            text.append("C").append(i).append(",Smith,John,03/04/2011,B1 1AA\n");
        }
        Path file = csv("people-c.csv", text.toString());
        long before = count("raw_row");

        assertThatThrownBy(() -> loader(new FailingAfter(new IntakeStore(db.dataSource()), 11_000)).load(file, PEOPLE))
                .hasMessageContaining("simulated crash");
        assertThat(count("raw_row")).isEqualTo(before);
        assertThat(count("landed_file WHERE original_name = 'people-c.csv'")).isZero();

        LoadReport rerun = loader(new IntakeStore(db.dataSource())).load(file, PEOPLE);
        assertThat(rerun.duplicate()).isFalse();
        assertThat(rerun.loaded()).isEqualTo(rows);
        assertThat(count("raw_row")).isEqualTo(before + rows);
    }

    @Test
    void a_file_without_a_required_column_is_refused_whole() throws Exception {
        Path file = csv("people-d.csv", "Ref,Surname,Forename,Postcode\nD1,Smith,John,B1 1AA\n");

        assertThatThrownBy(() -> loader(new IntakeStore(db.dataSource())).load(file, PEOPLE))
                .hasMessageContaining("lacks the required column(s) [DOB]");
        assertThat(count("landed_file WHERE original_name = 'people-d.csv'")).isZero();
    }

    /** A target whose load dies after some rows, as a killed process would, after batches reached the server. */
    record FailingAfter(LoadTarget target, int rows) implements LoadTarget {
        @Override
        public Optional<FileLoad> begin(LandedFile file) {
            return target.begin(file).map(load -> new FileLoad() {
                int written;

                @Override
                public void write(LoadedRow row) {
                    if (++written > rows) {
                        throw new IllegalStateException("simulated crash after " + rows + " rows");
                    }
                    load.write(row);
                }

                @Override
                public void commit(long read, long loaded, long quarantined) {
                    load.commit(read, loaded, quarantined);
                }

                @Override
                public void close() {
                    load.close();
                }
            });
        }
    }

    static long fileId(String sha256) throws SQLException {
        return Long.parseLong(text("SELECT id FROM landed_file WHERE sha256 = '" + sha256 + "'"));
    }

    static long count(String from) throws SQLException {
        return Long.parseLong(text("SELECT count(*) FROM " + from));
    }

    static String text(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
