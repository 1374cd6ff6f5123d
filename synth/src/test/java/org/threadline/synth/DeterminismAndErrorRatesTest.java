package org.threadline.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.domain.progress.Progress;
import org.threadline.synth.errors.ErrorRates;
import org.threadline.synth.output.OutputFormat;

class DeterminismAndErrorRatesTest {

    @TempDir
    Path dir;

    @Test
    void the_same_seed_writes_byte_identical_csv_and_xlsx_whatever_the_thread_count() throws IOException {
        GenerationOptions options = GenerationOptions.of(900, 11, dir.resolve("a"),
                EnumSet.of(OutputFormat.CSV, OutputFormat.XLSX));
        new PopulationGenerator().generate(options.withThreads(1), Progress.NONE);
        new PopulationGenerator().generate(new GenerationOptions(900, 11, dir.resolve("b"), options.formats(),
                options.errors(), options.asOf(), 3), Progress.NONE);

        Map<String, String> a = hashes(dir.resolve("a"));
        assertThat(a).hasSizeGreaterThan(30);
        assertThat(hashes(dir.resolve("b"))).isEqualTo(a);
    }

    @Test
    void a_different_seed_writes_a_different_population() throws IOException {
        var formats = EnumSet.of(OutputFormat.CSV);
        new PopulationGenerator().generate(GenerationOptions.of(300, 1, dir.resolve("a"), formats), Progress.NONE);
        new PopulationGenerator().generate(GenerationOptions.of(300, 2, dir.resolve("b"), formats), Progress.NONE);

        assertThat(hashes(dir.resolve("b")).get("truth/people.csv"))
                .isNotEqualTo(hashes(dir.resolve("a")).get("truth/people.csv"));
    }

    @Test
    void injected_error_rates_are_within_tolerance_of_the_configured_rates() throws IOException {
        ErrorRates rates = ErrorRates.none().with(List.of("dob-missing=0.2", "identifier-invalid=0.1",
                "postcode-missing=0.05"));
        new PopulationGenerator().generate(GenerationOptions.of(3000, 5, dir, EnumSet.of(OutputFormat.CSV))
                .withErrors(rates), Progress.NONE);

        // Every ED row holds one date of birth and one NHS number, each eligible for these errors.
        List<CSVRecord> ed = read(dir.resolve("extracts/health/ed_attendances.csv"));
        long blankDob = ed.stream().filter(r -> r.get("Date_Of_Birth").isEmpty()).count();
        long invalidNhs = ed.stream().filter(r -> !r.get("NHS_Number").isEmpty()
                && !org.threadline.domain.identifiers.NhsNumber.isValid(r.get("NHS_Number"))).count();
        assertThat(ed).hasSizeGreaterThan(1000);
        assertThat((double) blankDob / ed.size()).isBetween(0.17, 0.23);
        assertThat((double) invalidNhs / ed.size()).isBetween(0.08, 0.12);

        Map<String, Long> byKind = new TreeMap<>();
        for (CSVRecord e : read(dir.resolve("truth/errors.csv"))) {
            byKind.merge(e.get("error"), 1L, Long::sum);
        }
        assertThat(byKind).containsOnlyKeys("dob-missing", "identifier-invalid", "postcode-missing");
    }

    @Test
    void every_second_police_nominal_id_is_a_logged_duplicate_registration()
            throws IOException {
        new PopulationGenerator().generate(GenerationOptions.of(3000, 9, dir, EnumSet.of(OutputFormat.CSV))
                .withErrors(ErrorRates.none().with(List.of("duplicate-record=0.3"))), Progress.NONE);

        List<CSVRecord> records = read(dir.resolve("truth/records.csv"));
        Map<String, String> personOfRow = new java.util.HashMap<>();
        for (CSVRecord r : records) {
            personOfRow.put(r.get("file") + "#" + r.get("row"), r.get("person_id"));
        }
        Map<String, java.util.Set<String>> nominals = new java.util.HashMap<>();
        List<CSVRecord> rows = read(dir.resolve("extracts/police/incident_persons.csv"));
        for (int i = 0; i < rows.size(); i++) {
            nominals.computeIfAbsent(personOfRow.get("police/incident_persons#" + (i + 1)), k -> new java.util.HashSet<>())
                    .add(rows.get(i).get("NOMINAL_ID"));
        }
        java.util.Set<String> logged = new java.util.HashSet<>();
        for (CSVRecord e : read(dir.resolve("truth/errors.csv"))) {
            if (e.get("file").equals("police/incident_persons")) {
                assertThat(e.get("error")).isEqualTo("duplicate-record");
                CSVRecord row = rows.get(Integer.parseInt(e.get("row")) - 1);
                assertThat(row.get("NOMINAL_ID")).isEqualTo(e.get("recorded_value")).isNotEqualTo(e.get("true_value"));
                logged.add(personOfRow.get("police/incident_persons#" + e.get("row")));
            }
        }
        java.util.Set<String> twoIds = new java.util.HashSet<>();
        nominals.forEach((person, ids) -> {
            assertThat(ids).hasSizeLessThanOrEqualTo(2);
            if (ids.size() == 2) {
                twoIds.add(person);
            }
        });
        assertThat(twoIds).isNotEmpty();
        assertThat(logged).containsAll(twoIds);
    }

    @Test
    void with_no_errors_nothing_is_logged_and_names_are_formal() throws IOException {
        new PopulationGenerator().generate(GenerationOptions.of(500, 5, dir, EnumSet.of(OutputFormat.CSV))
                .withErrors(ErrorRates.none()), Progress.NONE);

        assertThat(read(dir.resolve("truth/errors.csv"))).isEmpty();
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (CSVParser p = CSVParser.parse(file, java.nio.charset.StandardCharsets.UTF_8,
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }

    private static Map<String, String> hashes(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (var walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), sha256(p));
            }
        }
        return out;
    }

    private static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest(in.readAllBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
