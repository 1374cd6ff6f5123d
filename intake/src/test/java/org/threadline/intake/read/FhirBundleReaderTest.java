package org.threadline.intake.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FhirBundleReaderTest {
    @TempDir
    Path dir;

    private final List<String> header = new ArrayList<>();
    private final List<RawRow> rows = new ArrayList<>();

    private RowSink sink() {
        return new RowSink() {
            @Override
            public void header(List<String> h) {
                header.addAll(h);
            }

            @Override
            public void row(RawRow row) {
                rows.add(row);
            }
        };
    }

    private Path example() throws IOException {
        return Files.writeString(dir.resolve("encounters.json"), FhirExampleTest.exampleJson());
    }

    @Test
    void each_encounter_is_a_row_with_its_subject_patients_columns_addressed_by_fhir_paths() throws Exception {
        new FhirBundleReader().read(example(), FhirExampleTest.columns(), sink());

        assertThat(header).isEqualTo(FhirExampleTest.columns());
        assertThat(rows).hasSize(9);
        RawRow first = rows.get(0);
        assertThat(first.sheet()).isEqualTo("Encounter/enc-1");
        assertThat(first.row()).as("the entry's position: six patients come first").isEqualTo(7);
        assertThat(first.cells()).containsExactly("enc-1", "2025-01-03T08:15:00+00:00", "AMB", "Fall at home",
                "pat-1", "9997508610", "ASHWORTH", "Amara Grace", first.cells().get(8), "female", "10 Example Road",
                "B23 6TH", "0121 496 0010");
        assertThat(first.usable()).isTrue();
    }

    @Test
    void a_filter_picks_the_identifier_by_its_system_and_the_name_by_its_use() throws Exception {
        new FhirBundleReader().read(example(), List.of("Patient.identifier.value", "Patient.name.given",
                "Patient.name[official].given", "Patient.identifier[https://example.org/Id/local-mrn].value"),
                sink());

        assertThat(rows).as("no Encounter column: a row per patient").hasSize(6);
        RawRow third = rows.get(2);
        assertThat(third.sheet()).isEqualTo("Patient/pat-3");
        assertThat(third.cells()).containsExactly(third.cells().get(0), "Cerys Hamza Cee", "Cerys Hamza", "MRN1002");
        assertThat(third.cells().get(0)).endsWith(" MRN1002");
    }

    @Test
    void an_encounter_whose_subject_is_not_in_the_bundle_is_kept_with_the_reason() throws Exception {
        new FhirBundleReader().read(example(), FhirExampleTest.columns(), sink());

        RawRow orphan = rows.get(8);
        assertThat(orphan.sheet()).isEqualTo("Encounter/enc-9");
        assertThat(orphan.problem()).isEqualTo("its subject Patient/pat-99 is not a Patient in the Bundle");
        assertThat(orphan.cells().get(0)).isEqualTo("enc-9");
    }

    @Test
    void a_path_naming_no_element_refuses_the_file_with_the_column_named() throws Exception {
        assertThatThrownBy(() -> new FhirBundleReader().read(example(), List.of("Patient.nickname"), sink()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("the column Patient.nickname names no element 'nickname' of Patient");
    }

    @Test
    void a_file_that_is_not_a_bundle_is_refused_whole() throws Exception {
        Path patient = Files.writeString(dir.resolve("patient.json"),
                "{\"resourceType\": \"Patient\", \"id\": \"p1\"}");
        Path junk = Files.writeString(dir.resolve("junk.json"), "{\"hello\": [1, 2");

        assertThatThrownBy(() -> new FhirBundleReader().read(patient, List.of("Patient.id"), sink()))
                .hasMessage("patient.json holds a FHIR Patient, not a Bundle");
        assertThatThrownBy(() -> new FhirBundleReader().read(junk, List.of("Patient.id"), sink()))
                .hasMessageStartingWith("junk.json is not a FHIR R4 resource in JSON");
    }
}
