package org.threadline.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.domain.identifiers.NhsNumber;
import org.threadline.domain.identifiers.NiNumber;
import org.threadline.domain.identifiers.PncId;
import org.threadline.domain.identifiers.Upn;
import org.threadline.domain.progress.Progress;
import org.threadline.synth.output.OutputFormat;

/** The invariants every generated population keeps, checked on one population of 4,000 people. */
class GeneratedPopulationTest {
    private static final int PEOPLE = 4000;

    @TempDir
    static Path dir;
    static GenerationReport report;

    @BeforeAll
    static void generate() throws IOException {
        report = new PopulationGenerator().generate(
                GenerationOptions.of(PEOPLE, 7, dir, EnumSet.of(OutputFormat.CSV)), Progress.NONE);
    }

    @Test
    void the_population_has_exactly_the_requested_number_of_people() throws IOException {
        assertThat(report.people()).isEqualTo(PEOPLE);
        assertThat(read("truth/people.csv")).hasSize(PEOPLE);
    }

    @Test
    void every_extract_row_maps_to_exactly_one_true_person() throws IOException {
        Set<String> people = new HashSet<>();
        for (CSVRecord r : read("truth/people.csv")) {
            people.add(r.get("person_id"));
        }
        Map<String, Integer> mapped = new HashMap<>();
        for (CSVRecord r : read("truth/records.csv")) {
            assertThat(people).contains(r.get("person_id"));
            assertThat(mapped.put(r.get("file") + "#" + r.get("row"), 1)).as("row mapped twice").isNull();
        }
        long extractRows = 0;
        for (String file : extractFiles()) {
            int rows = read(file).size();
            extractRows += rows;
            String key = file.substring("extracts/".length(), file.length() - ".csv".length());
            for (int row = 1; row <= rows; row++) {
                assertThat(mapped).containsKey(key + "#" + row);
            }
        }
        assertThat(extractRows).isEqualTo(mapped.size()).isEqualTo(report.extractRows());
    }

    @Test
    void no_truth_column_or_truth_key_leaks_into_an_extract() throws IOException {
        Set<String> truthOnly = Set.of("person_id", "family_id", "heritage", "archetype", "household_id",
                "family_deprivation_quintile");
        Pattern truthKey = Pattern.compile("\\b(P\\d{9}|F\\d{7}|H\\d{7}-\\d{3})\\b");
        for (String file : extractFiles()) {
            try (CSVParser p = parser(file)) {
                for (String header : p.getHeaderNames()) {
                    assertThat(truthOnly).doesNotContain(header.toLowerCase());
                }
                for (CSVRecord r : p) {
                    for (String cell : r) {
                        assertThat(truthKey.matcher(cell).find()).as(file + ": " + cell).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void identifiers_are_valid_unless_an_invalid_identifier_error_was_injected() throws IOException {
        Set<String> injected = new HashSet<>();
        for (CSVRecord e : read("truth/errors.csv")) {
            if (e.get("error").equals("identifier-invalid")) {
                injected.add(e.get("file") + "#" + e.get("row") + "#" + e.get("column"));
            }
        }
        Map<String, Predicate<String>> checks = Map.of("NHS_Number", NhsNumber::isValid,
                "Child_NHS_Number", NhsNumber::isValid, "Mother_NHS_Number", NhsNumber::isValid,
                "UPN", Upn::isValid, "PNC_ID", PncId::isValid, "NI number", NiNumber::isValid,
                "NI_Number", NiNumber::isValid);
        int checked = 0;
        int invalid = 0;
        for (String file : extractFiles()) {
            String key = file.substring("extracts/".length(), file.length() - ".csv".length());
            List<CSVRecord> rows = read(file);
            for (int i = 0; i < rows.size(); i++) {
                for (var check : checks.entrySet()) {
                    if (!rows.get(i).isMapped(check.getKey())) {
                        continue;
                    }
                    String value = rows.get(i).get(check.getKey());
                    if (value.isEmpty() || value.startsWith("UN")) {
                        continue;
                    }
                    boolean wasInjected = injected.contains(key + "#" + (i + 1) + "#" + check.getKey());
                    assertThat(check.getValue().test(value)).as(key + " row " + (i + 1) + " " + value)
                            .isEqualTo(!wasInjected);
                    checked++;
                    invalid += wasInjected ? 1 : 0;
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
        assertThat(invalid).as("some invalid identifiers are injected").isPositive();
    }

    @Test
    void every_agency_writes_rows_and_the_story_has_its_signals() throws IOException {
        for (GenerationReport.WrittenTable t : report.tables()) {
            assertThat(t.rows()).as(t.agency() + "/" + t.name()).isPositive();
        }
        List<CSVRecord> incidents = read("extracts/police/incident_persons.csv");
        assertThat(incidents).anyMatch(r -> r.get("DOMESTIC_ABUSE_FLAG").equals("Y")
                && r.get("INVOLVEMENT").equals("CHILD PRESENT"));
        assertThat(read("truth/outcomes.csv")).anyMatch(r -> Integer.parseInt(r.get("childhood_adversity_count")) >= 3);
    }

    @Test
    void children_with_more_household_adversity_are_persistently_absent_more_often() throws IOException {
        int[] years = new int[2];
        int[] children = new int[2];
        for (CSVRecord r : read("truth/outcomes.csv")) {
            int aces = Integer.parseInt(r.get("childhood_adversity_count"));
            int group = aces >= 2 ? 1 : 0;
            children[group]++;
            years[group] += Integer.parseInt(r.get("persistent_absence_years"));
        }
        double low = (double) years[0] / children[0];
        double high = (double) years[1] / children[1];
        assertThat(high).isGreaterThan(low * 1.5);
    }

    @Test
    void teenage_mothers_and_looked_after_children_appear() throws IOException {
        Map<String, String> born = new HashMap<>();
        List<CSVRecord> people = read("truth/people.csv");
        for (CSVRecord r : people) {
            born.put(r.get("person_id"), r.get("date_of_birth"));
        }
        boolean teenMother = people.stream().anyMatch(r -> !r.get("mother_id").isEmpty()
                && Integer.parseInt(r.get("date_of_birth").substring(0, 4))
                - Integer.parseInt(born.get(r.get("mother_id")).substring(0, 4)) < 20);
        assertThat(teenMother).isTrue();
        assertThat(read("truth/outcomes.csv")).anyMatch(r -> r.get("looked_after").equals("Y"));
    }

    @Test
    void every_agency_record_key_and_valid_identifier_belongs_to_exactly_one_true_person() throws IOException {
        Map<String, String> personOfRow = new HashMap<>();
        for (CSVRecord r : read("truth/records.csv")) {
            personOfRow.put(r.get("file") + "#" + r.get("row"), r.get("person_id"));
        }
        String[][] keys = {{"police/incident_persons", "NOMINAL_ID"}, {"police/custody", "NOMINAL_ID"},
            {"police/incident_persons", "PNC_ID"}, {"social-care/children", "CHILD"},
            {"justice/probation_cases", "CRN"}, {"justice/youth_justice", "YJ_Ref"},
            {"substance-misuse/treatment_episodes", "Client Ref"}, {"schools/pupils", "UPN"},
            {"health/ed_attendances", "NHS_Number"}, {"housing/people", "NI number"}};
        for (String[] key : keys) {
            Map<String, Set<String>> people = new HashMap<>();
            List<CSVRecord> rows = read("extracts/" + key[0] + ".csv");
            for (int i = 0; i < rows.size(); i++) {
                String value = rows.get(i).get(key[1]);
                if (!value.isEmpty()) {
                    people.computeIfAbsent(value, v -> new HashSet<>()).add(personOfRow.get(key[0] + "#" + (i + 1)));
                }
            }
            assertThat(people).as(key[0] + " " + key[1]).isNotEmpty();
            Predicate<String> invalidOrUnique = v -> people.get(v).size() == 1;
            assertThat(people.keySet()).as(key[0] + " " + key[1]).allMatch(invalidOrUnique);
        }
    }

    @Test
    void a_pupil_has_one_census_row_per_academic_year_and_one_attendance_row_per_term() throws IOException {
        Map<String, String> personOfRow = new HashMap<>();
        for (CSVRecord r : read("truth/records.csv")) {
            personOfRow.put(r.get("file") + "#" + r.get("row"), r.get("person_id"));
        }
        Set<String> census = new HashSet<>();
        List<CSVRecord> pupils = read("extracts/schools/pupils.csv");
        for (int i = 0; i < pupils.size(); i++) {
            String key = personOfRow.get("schools/pupils#" + (i + 1)) + " " + pupils.get(i).get("AcademicYear");
            assertThat(census.add(key)).as(key).isTrue();
        }
        Set<String> terms = new HashSet<>();
        List<CSVRecord> attendance = read("extracts/schools/attendance.csv");
        for (int i = 0; i < attendance.size(); i++) {
            CSVRecord r = attendance.get(i);
            String key = personOfRow.get("schools/attendance#" + (i + 1)) + " " + r.get("AcademicYear") + " "
                    + r.get("Term");
            assertThat(terms.add(key)).as(key).isTrue();
        }
    }

    @Test
    void siblings_have_different_forenames() throws IOException {
        Map<String, Set<String>> forenamesOfMother = new HashMap<>();
        int clashes = 0;
        int children = 0;
        for (CSVRecord r : read("truth/people.csv")) {
            if (!r.get("mother_id").isEmpty()) {
                children++;
                if (!forenamesOfMother.computeIfAbsent(r.get("mother_id"), k -> new HashSet<>()).add(r.get("forename"))) {
                    clashes++;
                }
            }
        }
        assertThat(children).isGreaterThan(1000);
        assertThat(clashes).as("children sharing a forename with a sibling").isLessThanOrEqualTo(children / 1000);
    }

    @Test
    void a_person_lives_at_one_address_at_a_time() throws IOException {
        Map<String, List<String[]>> spans = new HashMap<>();
        for (CSVRecord r : read("truth/residences.csv")) {
            String to = r.get("to").isEmpty() ? "9999-12-31" : r.get("to");
            assertThat(r.get("from")).as(r.toString()).isLessThan(to);
            spans.computeIfAbsent(r.get("person_id"), k -> new ArrayList<>()).add(new String[] {r.get("from"), to});
        }
        for (var e : spans.entrySet()) {
            List<String[]> list = e.getValue();
            list.sort((a, b) -> a[0].compareTo(b[0]));
            for (int i = 1; i < list.size(); i++) {
                assertThat(list.get(i)[0]).as(e.getKey()).isGreaterThanOrEqualTo(list.get(i - 1)[1]);
            }
        }
    }

    @Test
    void event_keys_identify_one_event() throws IOException {
        for (String[] key : new String[][] {{"health/ed_attendances", "EC_Ident"},
            {"health/health_visiting", "Contact_ID"}, {"police/custody", "CUSTODY_REF"},
            {"housing/applications", "Case Ref"}}) {
            List<CSVRecord> rows = read("extracts/" + key[0] + ".csv");
            assertThat(rows.stream().map(r -> r.get(key[1])).distinct().count()).as(key[0]).isEqualTo(rows.size());
        }
        Map<String, String> whenOfOccurrence = new HashMap<>();
        for (CSVRecord r : read("extracts/police/incident_persons.csv")) {
            String previous = whenOfOccurrence.putIfAbsent(r.get("OCCURRENCE_REF"), r.get("OCCURRENCE_DATE_TIME"));
            assertThat(previous == null || previous.equals(r.get("OCCURRENCE_DATE_TIME"))).isTrue();
        }
    }

    static List<String> extractFiles() throws IOException {
        List<String> files = new ArrayList<>();
        try (var walk = Files.walk(dir.resolve("extracts"))) {
            walk.filter(p -> p.toString().endsWith(".csv")).sorted()
                    .forEach(p -> files.add(dir.relativize(p).toString().replace('\\', '/')));
        }
        return files;
    }

    static List<CSVRecord> read(String file) throws IOException {
        try (CSVParser p = parser(file)) {
            return p.getRecords();
        }
    }

    static CSVParser parser(String file) throws IOException {
        boolean housing = file.contains("housing/");
        Charset cs = housing ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(housing ? ';' : ',').setHeader()
                .setSkipHeaderRecord(true).get();
        return CSVParser.parse(dir.resolve(file), cs, format);
    }
}
