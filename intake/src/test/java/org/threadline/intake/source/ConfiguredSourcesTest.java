package org.threadline.intake.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The definitions shipped in {@code config/sources/} (read from the intake module's working directory) against the
 * synthetic population's extract tables and headers, copied from docs/synthetic-data.md into
 * {@code extract-headers.txt}: the synth module is not a dependency of intake.
 */
class ConfiguredSourcesTest {
    private static final Path CONFIG = Path.of("../config/sources");
    private static SourceDefinitions definitions;
    private static Map<String, List<String>> headers;

    @BeforeAll
    static void load() throws IOException {
        definitions = SourceDefinitions.loadAll(CONFIG);
        headers = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ConfiguredSourcesTest.class.getResourceAsStream("extract-headers.txt"), StandardCharsets.UTF_8))) {
            r.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(l -> {
                String[] parts = l.split(" = ", 2);
                headers.put(parts[0], Arrays.stream(parts[1].split(",")).map(String::strip).toList());
            });
        }
    }

    @Test
    void every_configured_definition_validates_and_has_its_own_id() {
        assertThat(definitions.all()).as("the 16 extract tables and the FHIR example").hasSize(17);
        assertThat(definitions.all().stream().map(SourceDefinition::id).collect(Collectors.toSet())).hasSize(17);
    }

    @Test
    void every_extract_table_as_csv_or_xlsx_is_read_by_exactly_one_definition() {
        assertThat(headers).hasSize(16);
        for (String table : headers.keySet()) {
            SourceDefinition csv = definitions.match(Path.of(table + ".csv"));
            assertThat(definitions.match(Path.of(table + ".xlsx"))).isEqualTo(csv);
            assertThat(csv.agency()).isEqualTo(table.substring(0, table.indexOf('/')));
        }
    }

    @Test
    void every_definition_maps_exactly_the_columns_of_its_extract_in_order() {
        for (Map.Entry<String, List<String>> table : headers.entrySet()) {
            SourceDefinition d = definitions.match(Path.of(table.getKey() + ".csv"));
            assertThat(d.columns()).as(d.id()).extracting(ColumnMapping::source).isEqualTo(table.getValue());
        }
    }

    @Test
    void agency_conventions_are_stated_in_their_definitions() {
        assertThat(dates("police-incident-persons", "OCCURRENCE_DATE_TIME")).startsWith("dd/MM/yyyy HH:mm");
        assertThat(dates("police-incident-persons", "DATE_OF_BIRTH")).startsWith("dd/MM/yyyy");
        assertThat(dates("health-ed-attendances", "Date_Of_Birth")).containsExactly("yyyy-MM-dd");
        assertThat(dates("housing-people", "Date of birth")).containsExactly("dd-MMM-yyyy");
        assertThat(dates("substance-misuse-treatment-episodes", "DOB")).containsExactly("d/M/yyyy");
        SourceDefinition housing = definitions.byId("housing-applications").orElseThrow();
        assertThat(housing.format().delimiter()).contains(';');
        assertThat(housing.format().encoding().orElseThrow().name()).isEqualTo("windows-1252");
        assertThat(codes("social-care-children", "SEX")).isEqualTo(Map.of("1", "M", "2", "F"));
        assertThat(codes("health-ed-attendances", "Stated_Gender")).isEqualTo(Map.of("1", "M", "2", "F"));
        assertThat(codes("police-custody", "SEX")).isEqualTo(Map.of("M", "M", "F", "F"));
    }

    @Test
    void every_person_source_can_be_linked_by_name_or_date_of_birth_and_every_row_has_a_key() {
        for (SourceDefinition d : definitions.all()) {
            assertThat(d.keyColumns()).as(d.id()).isNotEmpty();
            if (d.recordType() == RecordType.PERSON) {
                assertThat(d.columns(CanonicalField.DATE_OF_BIRTH)).as(d.id()).isNotEmpty();
            }
        }
    }

    @Test
    void ethnicity_is_always_marked_special_category() {
        Set<ColumnMapping> ethnicity = definitions.all().stream()
                .flatMap(d -> d.columns(CanonicalField.ETHNICITY).stream()).collect(Collectors.toSet());
        assertThat(ethnicity).hasSize(2).allMatch(ColumnMapping::specialCategory);
    }

    private static List<String> dates(String id, String column) {
        return definitions.byId(id).orElseThrow().column(column).orElseThrow().dates();
    }

    private static Map<String, String> codes(String id, String column) {
        return definitions.byId(id).orElseThrow().column(column).orElseThrow().codes();
    }
}
