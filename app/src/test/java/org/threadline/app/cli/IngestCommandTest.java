package org.threadline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.domain.progress.Progress;
import org.threadline.store.Database;
import org.threadline.synth.GenerationOptions;
import org.threadline.synth.PopulationGenerator;
import org.threadline.synth.output.OutputFormat;
import picocli.CommandLine;

/**
 * {@code ingest --dir} on a generated 300-person population, on real PostgreSQL: embedded under a temporary
 * THREADLINE_HOME, or a fresh schema on the server named by THREADLINE_TEST_DB_URL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestCommandTest {
    /** A day the shipped agreements are in force (2026-04-01 to 2029-03-31, review due 2029-01-31). */
    static final java.time.Clock DURING_THE_AGREEMENTS = java.time.Clock.fixed(
            java.time.Instant.parse("2026-10-01T09:00:00Z"), java.time.ZoneOffset.UTC);

    @TempDir
    static Path folder;
    static Path population;
    static Map<String, String> environment = new HashMap<>();
    static String previousRoot;

    @BeforeAll
    static void generate() throws Exception {
        population = folder.resolve("population");
        new PopulationGenerator().generate(GenerationOptions.of(300, 1, population,
                EnumSet.of(OutputFormat.CSV, OutputFormat.XLSX)), Progress.NONE);
        environment.put(ThreadlineHome.VARIABLE, folder.resolve("home").toString());
        String server = System.getenv("THREADLINE_TEST_DB_URL");
        if (server != null && !server.isBlank()) {
            environment.put(Database.URL, freshSchema(server));
        }
        previousRoot = System.getProperty("threadline.root");
        if (!Files.isDirectory(Path.of("config", "sources"))) {
            System.setProperty("threadline.root", Path.of("..").toAbsolutePath().normalize().toString());
        }
    }

    @AfterAll
    static void restoreRoot() {
        if (previousRoot == null) {
            System.clearProperty("threadline.root");
        } else {
            System.setProperty("threadline.root", previousRoot);
        }
    }

    static String ingest(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new IngestCommand(environment, DURING_THE_AGREEMENTS));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        int code = cli.execute(args);
        assertThat(code).as(out.toString()).isZero();
        return out.toString();
    }

    @Test
    @Order(1)
    void a_generated_population_ingests_completely_one_file_per_table_with_every_row_loaded_or_quarantined()
            throws Exception {
        long csv;
        long xlsx;
        try (Stream<Path> files = Files.walk(population.resolve("extracts"))) {
            java.util.List<Path> all = files.filter(Files::isRegularFile).toList();
            csv = all.stream().filter(p -> p.toString().endsWith(".csv")).count();
            xlsx = all.stream().filter(p -> p.toString().endsWith(".xlsx")).count();
        }

        String out = ingest("--dir", population.toString());

        assertThat(out).doesNotContain("already loaded").contains("police-custody v1");
        assertThat(out).containsPattern("police/custody\\.csv +police-custody v1 +rows [0-9,]+ +loaded [0-9,]+ +"
                + "quarantined [0-9,]+ +under ISA-TL-CHILDREN@1");
        // The folder holds each table as CSV and as XLSX: the CSV is loaded, the workbook skipped and named.
        assertThat(csv).isEqualTo(xlsx).isEqualTo(16);
        assertThat(count("landed_file")).isEqualTo(csv);
        assertThat(count("landed_file WHERE original_name LIKE '%.xlsx'")).isZero();
        assertThat(out.lines().filter(l -> l.contains("skipped: the same table as")).count()).isEqualTo(xlsx);
        assertThat(out).containsPattern("police/custody\\.xlsx +police-custody v1 +skipped: the same table as"
                + " police/custody\\.csv, which is loaded instead");
        assertThat(count("landed_file WHERE rows_read <> rows_loaded + rows_quarantined")).isZero();
        assertThat(count("landed_file f WHERE rows_read <> (SELECT count(*) FROM raw_row r WHERE r.file_id = f.id)"))
                .isZero();
        assertThat(count("raw_row")).isEqualTo(count("standardised_row") + count("quarantined_row"))
                .isGreaterThan(1000);
        assertThat(count("landed_file WHERE agency = 'police' AND original_name = 'custody.csv'")).isOne();
        Path quality = folder.resolve("home").resolve("reports").resolve("quality").resolve("schools-pupils");
        assertThat(quality.resolve("latest.json")).exists();
        try (Stream<Path> pages = Files.list(quality)) {
            assertThat(pages.filter(p -> p.toString().endsWith(".html")).count()).isEqualTo(1);
        }
        // Invalid identifiers are kept as given and marked, never quarantined for being invalid.
        assertThat(count("quarantined_row WHERE reasons::text LIKE '%UPN is invalid%'")).isZero();
        assertThat(count("standardised_row WHERE definition_id = 'schools-pupils' "
                + "AND fields::text LIKE '%\"outcome\": \"INVALID\"%'")).isPositive();
        try (Stream<Path> kept = Files.walk(folder.resolve("home").resolve("landed"))) {
            assertThat(kept.filter(Files::isRegularFile).count()).isEqualTo(16);
        }
    }

    @Test
    @Order(2)
    void a_second_run_adds_nothing_and_says_so_for_every_file() throws Exception {
        long rows = count("raw_row");

        String out = ingest("--dir", population.toString());

        assertThat(out.lines().filter(l -> l.contains("already loaded (")).count()).isEqualTo(16);
        assertThat(out.lines().filter(l -> l.contains("skipped:")).count()).isEqualTo(16);
        assertThat(count("raw_row")).isEqualTo(rows);
        assertThat(count("landed_file")).isEqualTo(16);
    }

    @Test
    @Order(3)
    void one_file_loads_with_a_named_source_definition() throws Exception {
        Path copy = Files.writeString(folder.resolve("custody-edited.csv"),
                Files.readString(population.resolve("extracts/police/custody.csv")) + "\n");
        Path definition = Path.of(System.getProperty("threadline.root", "."), "config/sources/police-custody.yaml");

        String out = ingest("--source", definition.toString(), copy.toString());

        assertThat(out).contains("police-custody v1").contains("quarantined 0");
        assertThat(count("landed_file WHERE original_name = 'custody-edited.csv'")).isOne();
    }

    @Test
    @Order(4)
    void a_file_no_definition_reads_stops_the_command_before_anything_is_loaded() throws Exception {
        Path stray = Files.createDirectories(folder.resolve("stray/extracts/nobody"));
        Files.writeString(stray.resolve("unknown.csv"), "a,b\n1,2\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = ThreadlineCommand.execute(new String[] {"ingest", "--dir", folder.resolve("stray").toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(code).isEqualTo(ThreadlineCommand.USAGE);
        assertThat(err.toString()).contains("no source definition reads nobody/unknown.csv");
    }

    @Test
    @Order(5)
    void files_are_named_only_with_a_source_definition() {
        StringWriter err = new StringWriter();

        int code = ThreadlineCommand.execute(new String[] {"ingest", "--dir", population.toString(), "x.csv"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));

        assertThat(code).isEqualTo(ThreadlineCommand.USAGE);
        assertThat(err.toString()).contains("name FILEs only with --source");
    }

    @Test
    @Order(6)
    void the_preferred_format_can_be_changed_and_the_other_is_then_skipped() throws Exception {
        Path one = Files.createDirectories(folder.resolve("one/extracts/police"));
        Files.copy(population.resolve("extracts/police/custody.csv"), one.resolve("custody.csv"));
        Files.copy(population.resolve("extracts/police/custody.xlsx"), one.resolve("custody.xlsx"));

        String out = ingest("--dir", folder.resolve("one").toString(), "--prefer", "xlsx,csv");

        assertThat(out).containsPattern("police/custody\\.csv +police-custody v1 +skipped: the same table as"
                + " police/custody\\.xlsx, which is loaded instead \\(formats are preferred in the order xlsx, csv\\)");
        assertThat(count("landed_file WHERE original_name = 'custody.xlsx'")).isOne();
    }

    @Test
    @Order(7)
    void hostile_cells_are_kept_as_text_and_the_quarantined_rows_export_neutralised_with_their_reasons()
            throws Exception {
        String header = "CUSTODY_REF,ARREST_DATE_TIME,NOMINAL_ID,SURNAME,FORENAMES,DATE_OF_BIRTH,SEX,PNC_ID,"
                + "HO_OFFENCE_CODE,OUTCOME,ADDRESS,POSTCODE";
        Path file = Files.writeString(folder.resolve("hostile-custody.csv"), header + "\n"
                + "H1,01/02/2024 10:00,N1,\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"x\"\")\",ANN,01/01/1990,F,,,,,\n"
                + "H2,,N2,SMITH,@cmd,01/01/1990,F,,,+SUM(1),,\n"
                + "H3,01/02/2024 11:00,N3,SMITH,ANN,01/01/1990,F,,,\"" + "x".repeat(40_000) + "\",,\n");
        Path definition = Path.of(System.getProperty("threadline.root", "."), "config/sources/police-custody.yaml");
        ingest("--source", definition.toString(), file.toString());
        String sha = text("SELECT sha256 FROM landed_file WHERE original_name = 'hostile-custody.csv'");
        Path export = folder.resolve("rejected/hostile.csv");

        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new IngestRejectedCommand(environment));
        cli.setOut(new PrintWriter(out, true));
        int code = cli.execute(sha.substring(0, 12), "--out", export.toString());

        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains("Wrote 2 quarantined row(s) of hostile-custody.csv");
        assertThat(text("SELECT r.cells->>3 FROM raw_row r JOIN landed_file f ON f.id = r.file_id"
                + " WHERE f.sha256 = '" + sha + "' AND r.row_number = 2"))
                .as("kept as received").isEqualTo("=HYPERLINK(\"http://evil.example/\",\"x\")");
        java.util.List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180
                .parse(Files.newBufferedReader(export)).getRecords();
        assertThat(rows.get(0).toList()).startsWith("row", "sheet", "reasons", "CUSTODY_REF", "ARREST_DATE_TIME");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get(0)).isEqualTo("3");
        assertThat(rows.get(1).get(2)).startsWith("event_datetime: required column ARREST_DATE_TIME is missing");
        assertThat(rows.get(1).get(7)).isEqualTo("'@cmd");
        assertThat(rows.get(1).get(12)).isEqualTo("'+SUM(1)");
        assertThat(rows.get(2).get(0)).isEqualTo("4");
        assertThat(rows.get(2).get(2))
                .isEqualTo("row: cell 10 (OUTCOME) holds 40,000 characters, more than the 32,767 a cell may hold");
    }

    @Test
    @Order(8)
    void exporting_an_unknown_load_is_a_usage_error() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new IngestRejectedCommand(environment));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, c, p) -> e instanceof UsageException ? ThreadlineCommand.USAGE : 1);

        assertThat(cli.execute("ffffffffffff", "--out", folder.resolve("none.csv").toString()))
                .isEqualTo(ThreadlineCommand.USAGE);
    }

    static String text(String sql) throws SQLException {
        try (Database db = Database.open(environment, Path.of(environment.get(ThreadlineHome.VARIABLE), "db"));
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static long count(String from) throws SQLException {
        try (Database db = Database.open(environment, Path.of(environment.get(ThreadlineHome.VARIABLE), "db"));
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + from)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String freshSchema(String url) throws SQLException {
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        String user = System.getenv().getOrDefault("THREADLINE_TEST_DB_USER", "");
        String password = System.getenv().getOrDefault("THREADLINE_TEST_DB_PASSWORD", "");
        environment.put(Database.USER, user);
        environment.put(Database.PASSWORD, password);
        try (Connection c = java.sql.DriverManager.getConnection(url, user, password);
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
