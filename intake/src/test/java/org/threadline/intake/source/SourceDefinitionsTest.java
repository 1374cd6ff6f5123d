package org.threadline.intake.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceDefinitionsTest {
    private static final String CONTACTS = """
            id: health-contacts
            version: 2
            agency: health
            description: Contacts
            record_type: person
            files: ["health/contacts.*", "health/contacts_*.csv"]
            format: {delimiter: ";", encoding: windows-1252, sheet: Contacts}
            columns:
              - {source: ID, field: record_key, required: true}
              - {source: DOB, field: date_of_birth, dates: ["dd/MM/yyyy", "yyyy-MM-dd"]}
              - {source: Gender, field: sex, codes: {"1": "M", "2": "F"}}
              - {source: Mum Surname, field: surname, person: mother, description: the mother's surname}
              - {source: Visit, field: attribute, key: true, dates: ["d/M/yyyy"]}
              - {source: Notes, field: attribute, free_text: true, special_category: true}
            """;

    @Test
    void a_definition_is_read_into_immutable_values_with_every_option() {
        SourceDefinition d = SourceDefinitions.parse(CONTACTS);

        assertThat(d.reference()).isEqualTo("health-contacts v2");
        assertThat(d.agency()).isEqualTo("health");
        assertThat(d.recordType()).isEqualTo(RecordType.PERSON);
        assertThat(d.files()).containsExactly("health/contacts.*", "health/contacts_*.csv");
        assertThat(d.format().delimiter()).contains(';');
        assertThat(d.format().encoding()).contains(Charset.forName("windows-1252"));
        assertThat(d.format().sheet()).contains("Contacts");
        assertThat(d.columns()).extracting(ColumnMapping::source)
                .containsExactly("ID", "DOB", "Gender", "Mum Surname", "Visit", "Notes");
        ColumnMapping mother = d.column("Mum Surname").orElseThrow();
        assertThat(mother.person()).isEqualTo("mother");
        assertThat(mother.description()).isEqualTo("the mother's surname");
        assertThat(d.column("ID").orElseThrow().required()).isTrue();
        assertThat(d.column("DOB").orElseThrow().person()).isEqualTo(ColumnMapping.SUBJECT);
        assertThat(d.column("Notes").orElseThrow()).satisfies(c -> {
            assertThat(c.freeText()).isTrue();
            assertThat(c.specialCategory()).isTrue();
            assertThat(c.required()).isFalse();
        });
        assertThat(d.keyColumns()).extracting(ColumnMapping::source).containsExactly("ID", "Visit");
        assertThat(d.columns(CanonicalField.SURNAME)).hasSize(1);
        assertThatThrownBy(() -> d.columns().add(d.columns().get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_column_decodes_source_codes_and_passes_unlisted_values_through() {
        ColumnMapping sex = SourceDefinitions.parse(CONTACTS).column("Gender").orElseThrow();

        assertThat(sex.codes()).isEqualTo(Map.of("1", "M", "2", "F"));
        assertThat(sex.decode("1")).isEqualTo("M");
        assertThat(sex.decode(" 2 ")).isEqualTo("F");
        assertThat(sex.decode("9")).isEqualTo("9");
    }

    @Test
    void a_date_column_builds_the_standardiser_for_its_formats_in_priority_order() {
        SourceDefinition d = SourceDefinitions.parse(CONTACTS);

        assertThat(d.column("DOB").orElseThrow().dateStandardiser().orElseThrow().standardise("2019-04-03").date())
                .isEqualTo(LocalDate.of(2019, 4, 3));
        assertThat(d.column("Visit").orElseThrow().dateStandardiser().orElseThrow().standardise("3/4/2019").date())
                .isEqualTo(LocalDate.of(2019, 4, 3));
        assertThat(d.column("ID").orElseThrow().dateStandardiser()).isEmpty();
    }

    @Test
    void options_left_out_take_their_defaults() {
        SourceDefinition d = SourceDefinitions.parse("""
                id: minimal
                version: 1
                agency: police
                record_type: EVENT
                files: [police/minimal.csv]
                columns: [{source: REF, field: record_key}]
                """);

        assertThat(d.description()).isEmpty();
        assertThat(d.format()).isEqualTo(FormatHints.NONE);
        ColumnMapping c = d.columns().get(0);
        assertThat(List.of(c.key(), c.freeText(), c.specialCategory(), c.required())).containsOnly(false);
        assertThat(c.dates()).isEmpty();
        assertThat(c.codes()).isEmpty();
    }

    @Test
    void the_hash_identifies_the_exact_text_a_definition_was_read_from() {
        String hash = SourceDefinitions.parse(CONTACTS).sha256();

        assertThat(hash).hasSize(64).isEqualTo(SourceDefinitions.parse(CONTACTS).sha256());
        assertThat(SourceDefinitions.parse(CONTACTS + "# a comment\n").sha256()).isNotEqualTo(hash);
    }

    @Test
    void a_typo_in_a_key_or_field_suggests_the_word_meant() {
        assertThatThrownBy(() -> SourceDefinitions.parse(CONTACTS.replace("record_type", "record_typ")
                .replace("field: sex", "field: sx"), "contacts.yaml"))
                .isInstanceOf(InvalidSourceDefinitionException.class)
                .hasMessageContaining("contacts.yaml: record_typ: unknown key 'record_typ' (did you mean 'record_type'?)")
                .hasMessageContaining("contacts.yaml: columns[2].field: unknown canonical field 'sx'; did you mean 'sex'?");
    }

    @Test
    void every_canonical_field_has_a_lower_case_yaml_name_that_reads_back() {
        for (CanonicalField f : CanonicalField.values()) {
            assertThat(CanonicalField.fromYaml(f.yamlName())).contains(f);
        }
        assertThat(CanonicalField.fromYaml("SURNAME")).isEmpty();
    }
}
