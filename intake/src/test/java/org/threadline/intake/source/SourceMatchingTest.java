package org.threadline.intake.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceMatchingTest {
    @TempDir
    Path folder;

    private void write(String id, String... globs) throws IOException {
        Files.writeString(folder.resolve(id + ".yaml"), """
                id: %s
                version: 1
                agency: police
                record_type: EVENT
                files: [%s]
                columns: [{source: REF, field: record_key}]
                """.formatted(id, String.join(", ", globs)));
    }

    @Test
    void a_file_is_matched_to_the_one_definition_whose_patterns_name_it() throws IOException {
        write("police-custody", "\"police/custody.*\"");
        write("police-incidents", "\"police/incident_persons.*\"");
        SourceDefinitions definitions = SourceDefinitions.loadAll(folder);

        assertThat(definitions.match(Path.of("police/custody.csv")).id()).isEqualTo("police-custody");
        assertThat(definitions.match(Path.of("police/custody.xlsx")).id()).isEqualTo("police-custody");
        assertThat(definitions.match(Path.of("police", "incident_persons.csv")).id()).isEqualTo("police-incidents");
        assertThat(definitions.match(Path.of("/data/out/extracts"), Path.of("/data/out/extracts/police/custody.csv"))
                .id()).isEqualTo("police-custody");
        assertThat(definitions.byId("police-custody")).isPresent();
        assertThat(definitions.byId("nope")).isEmpty();
    }

    @Test
    void a_file_no_definition_reads_is_refused_naming_the_file() throws IOException {
        write("police-custody", "\"police/custody.*\"");
        SourceDefinitions definitions = SourceDefinitions.loadAll(folder);

        assertThatThrownBy(() -> definitions.match(Path.of("police/custody_old/custody.csv")))
                .isInstanceOf(SourceDefinitionException.class)
                .hasMessageContaining("no source definition reads police/custody_old/custody.csv");
        assertThatThrownBy(() -> definitions.match(Path.of("/tmp/police/custody.csv")))
                .hasMessageContaining("relative to the extracts folder");
        assertThatThrownBy(() -> definitions.match(Path.of("/a"), Path.of("/b/police/custody.csv")))
                .hasMessageContaining("not under the extracts folder");
    }

    @Test
    void a_file_several_definitions_read_is_refused_naming_them_all() throws IOException {
        write("police-custody", "\"police/custody.*\"");
        write("police-all", "\"police/*\"");
        SourceDefinitions definitions = SourceDefinitions.loadAll(folder);

        assertThatThrownBy(() -> definitions.match(Path.of("police/custody.csv")))
                .isInstanceOf(SourceDefinitionException.class)
                .hasMessageContaining("matched by several source definitions")
                .hasMessageContaining("police-all v1").hasMessageContaining("police-custody v1");
    }

    @Test
    void a_folder_reports_the_errors_of_every_file_and_ids_that_clash_or_differ_from_the_file_name()
            throws IOException {
        write("good", "a.csv");
        Files.writeString(folder.resolve("copy.yaml"), Files.readString(folder.resolve("good.yaml")));
        Files.writeString(folder.resolve("broken.yaml"), "id: broken\nversion: 1\n");
        Files.writeString(folder.resolve("notes.txt"), "not a definition");

        InvalidSourceDefinitionException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                InvalidSourceDefinitionException.class, () -> SourceDefinitions.loadAll(folder));

        assertThat(e.errors()).extracting(err -> err.origin() + "#" + err.path()).containsExactlyInAnyOrder(
                "broken.yaml#agency", "broken.yaml#record_type", "broken.yaml#files", "broken.yaml#columns",
                "good.yaml#id", "copy.yaml#id");
        assertThat(e.getMessage()).contains("id 'good' is also used by copy.yaml")
                .contains("the file should be named good.yaml");
    }
}
