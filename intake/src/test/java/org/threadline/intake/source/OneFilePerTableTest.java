package org.threadline.intake.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneFilePerTableTest {
    static SourceDefinition definition(String id, String glob) {
        return SourceDefinitions.parse("""
                id: %s
                version: 1
                agency: test
                record_type: PERSON
                files: ["%s"]
                columns:
                  - {source: Ref, field: record_key}
                  - {source: Surname, field: surname}
                  - {source: DOB, field: date_of_birth, dates: ["dd/MM/yyyy"]}
                """.formatted(id, glob));
    }

    static final SourceDefinition CUSTODY = definition("police-custody", "police/custody.*");
    static final SourceDefinition PUPILS = definition("schools-pupils", "schools/*");

    static OneFilePerTable.Candidate file(String label, SourceDefinition d) {
        return new OneFilePerTable.Candidate(Path.of("/x").resolve(label), label, d);
    }

    @Test
    void the_csv_of_a_table_is_chosen_over_its_workbook_and_the_workbook_is_reported_with_the_reason() {
        OneFilePerTable.Candidate csv = file("police/custody.csv", CUSTODY);
        OneFilePerTable.Candidate xlsx = file("police/custody.xlsx", CUSTODY);

        OneFilePerTable.Choice choice = OneFilePerTable.choose(List.of(xlsx, csv), OneFilePerTable.DEFAULT_PREFERENCE);

        assertThat(choice.chosen()).containsExactly(csv);
        assertThat(choice.skipped()).singleElement().satisfies(s -> {
            assertThat(s.file()).isEqualTo(xlsx);
            assertThat(s.instead()).isEqualTo(csv);
            assertThat(s.reason()).isEqualTo("the same table as police/custody.csv, which is loaded instead"
                    + " (formats are preferred in the order csv, xlsx, jsonl, ndjson, json)");
        });
    }

    @Test
    void a_stated_preference_wins_and_an_unlisted_format_comes_last() {
        OneFilePerTable.Candidate csv = file("police/custody.csv", CUSTODY);
        OneFilePerTable.Candidate xlsx = file("police/custody.xlsx", CUSTODY);
        OneFilePerTable.Candidate txt = file("police/custody.txt", CUSTODY);

        assertThat(OneFilePerTable.choose(List.of(csv, xlsx, txt), List.of("xlsx", "csv")).chosen())
                .containsExactly(xlsx);
        assertThat(OneFilePerTable.choose(List.of(txt, csv), List.of("xlsx")).chosen())
                .as("neither listed: the name that sorts first").containsExactly(csv);
    }

    @Test
    void files_of_different_tables_or_definitions_are_all_kept() {
        List<OneFilePerTable.Candidate> all = List.of(file("police/custody.csv", CUSTODY),
                file("schools/pupils.csv", PUPILS), file("schools/pupils-2025.xlsx", PUPILS),
                file("schools/custody.xlsx", PUPILS));

        OneFilePerTable.Choice choice = OneFilePerTable.choose(all, OneFilePerTable.DEFAULT_PREFERENCE);

        assertThat(choice.chosen()).isEqualTo(all);
        assertThat(choice.skipped()).isEmpty();
    }

    @Test
    void the_stem_of_a_name_is_its_path_without_the_last_extension() {
        assertThat(OneFilePerTable.stem("police/custody.csv")).isEqualTo("police/custody");
        assertThat(OneFilePerTable.stem("a.b/custody")).isEqualTo("a.b/custody");
        assertThat(OneFilePerTable.stem("police/.hidden")).isEqualTo("police/.hidden");
        assertThat(OneFilePerTable.extension("x/y.XLSX")).isEqualTo("xlsx");
    }
}
