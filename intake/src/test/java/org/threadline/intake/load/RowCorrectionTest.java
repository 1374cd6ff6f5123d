package org.threadline.intake.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threadline.intake.read.RawRow;
import org.threadline.intake.source.SourceDefinition;
import org.threadline.intake.source.SourceDefinitions;

class RowCorrectionTest {
    private static final SourceDefinition POLICE = SourceDefinitions.load(Path.of(
            "../config/sources/police-incident-persons.yaml"));
    private static final SourceDefinition HEALTH_VISITING = SourceDefinitions.load(Path.of(
            "../config/sources/health-visiting.yaml"));
    private static final List<String> HEADER = List.of("OCCURRENCE_REF", "OCCURRENCE_DATE_TIME", "HO_OFFENCE_CODE",
            "OFFENCE_DESCRIPTION", "DOMESTIC_ABUSE_FLAG", "DASH_RISK", "OCCURRENCE_POSTCODE", "NOMINAL_ID",
            "INVOLVEMENT", "SURNAME", "FORENAMES", "DATE_OF_BIRTH", "SEX", "HOME_ADDRESS", "HOME_POSTCODE", "PNC_ID",
            "PHONE");
    private static final RawRow ROW = new RawRow("", 7, List.of("20/37976379587/18", "15/11/2018 08:24", "8N",
            "ASSAULT WITH INJURY", "N", "", "WS3 9YE", "N026642285", "VICTIM", "LATFI", "JESMIN", "19/03/2000", "F",
            "2 Grange Street, West Bromwich, B71 4QU", "B71 4QU", "", "07700 900825"), "");

    @Test
    void a_corrected_surname_replaces_its_cell_and_is_standardised_as_intake_would() {
        RowCorrection.Corrected c = RowCorrection.correct(POLICE, HEADER, ROW, stored(ROW), "surname", "LATIF",
                "incident_persons.csv", Year.of(2026));

        assertThat(c.column()).isEqualTo("SURNAME");
        assertThat(c.row().cells().get(9)).isEqualTo("LATIF");
        assertThat(c.row().cells()).hasSize(ROW.cells().size());
        assertThat(c.changed()).containsExactly("surname");
        assertThat(c.fields().get("surname").value()).isEqualTo(stored(c.row()).get("surname"));
        assertThat(c.fields().get("surname").value()).isNotEqualTo(stored(ROW).get("surname"));
    }

    @Test
    void a_field_can_be_named_by_its_source_column_and_a_date_is_stored_as_a_day() {
        RowCorrection.Corrected c = RowCorrection.correct(POLICE, HEADER, ROW, stored(ROW), "DATE_OF_BIRTH",
                "2000-03-20", "incident_persons.csv", Year.of(2026));

        assertThat(c.changed()).containsExactly("date_of_birth");
        assertThat(c.fields().get("date_of_birth").value()).isEqualTo("2000-03-20");
    }

    @Test
    void an_impossible_value_an_unknown_field_an_ambiguous_field_and_no_change_are_refused_naming_file_row_and_field() {
        assertThatThrownBy(() -> RowCorrection.correct(POLICE, HEADER, ROW, stored(ROW), "date_of_birth",
                "31/02/2000", "incident_persons.csv", Year.of(2026))).isInstanceOf(RowCorrection.Refused.class)
                .hasMessageStartingWith("incident_persons.csv row 7, field date_of_birth: invalid");
        assertThatThrownBy(() -> RowCorrection.correct(POLICE, HEADER, ROW, stored(ROW), "shoe_size", "9",
                "incident_persons.csv", Year.of(2026))).hasMessageContaining("no such field");
        assertThatThrownBy(() -> RowCorrection.correct(POLICE, HEADER, ROW, stored(ROW), "attribute", "x",
                "incident_persons.csv", Year.of(2026))).hasMessageContaining("no such field");
        assertThatThrownBy(() -> RowCorrection.correct(POLICE, HEADER, ROW, stored(ROW), "surname", "LATFI",
                "incident_persons.csv", Year.of(2026))).hasMessageContaining("already holds that value");
        assertThatThrownBy(() -> RowCorrection.correct(POLICE, HEADER, ROW, stored(ROW), "occurrence_ref", "",
                "incident_persons.csv", Year.of(2026))).hasMessageContaining("OCCURRENCE_REF");
        // health visiting has two surname columns (the child's and the mother's): prefixed fields tell them apart
        List<String> hvHeader = List.of("Contact_ID", "Child_NHS_Number", "Child_Surname", "Child_Forename",
                "Child_DOB", "Mother_NHS_Number", "Mother_Surname", "Mother_Forename", "Contact_Date",
                "Contact_Type", "Postcode", "Concerns");
        RawRow hv = new RawRow("", 3, List.of("HV1", "", "Smith", "Ava", "2024-01-02", "", "Smyth", "Jo",
                "2024-02-01", "NEW BIRTH", "B71 4QU", ""), "");
        RowCorrection.Corrected c = RowCorrection.correct(HEALTH_VISITING, hvHeader, hv, stored(hv, hvHeader),
                "mother.surname", "Smith", "health_visiting.csv", Year.of(2026));
        assertThat(c.column()).isEqualTo("Mother_Surname");
        assertThat(c.changed()).containsExactly("mother.surname");
    }

    private static Map<String, String> stored(RawRow row) {
        return stored(row, HEADER, POLICE);
    }

    private static Map<String, String> stored(RawRow row, List<String> header) {
        return stored(row, header, HEALTH_VISITING);
    }

    private static Map<String, String> stored(RawRow row, List<String> header, SourceDefinition definition) {
        LoadedRow loaded = new RowStandardiser(definition, header, RowStandardiser.Standardisers.forYear(
                Year.of(2026))).standardise(row);
        Map<String, String> out = new LinkedHashMap<>();
        loaded.fields().forEach((k, v) -> out.put(k, v.value()));
        return out;
    }
}
