package org.threadline.linkage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelJsonTest {

    @Test
    void example_person_model_loads_and_is_written_back_byte_for_byte() throws Exception {
        String text = ModelFixtures.examplePersonText();

        LinkageModel model = ModelJson.read(ModelFixtures.EXAMPLE_PERSON);

        assertThat(model.id()).isEqualTo("example-person");
        assertThat(model.comparisons()).extracting(Comparison::name)
                .containsExactly("forename", "surname", "dob", "postcode", "nhs_number");
        assertThat(model.isTrained()).isFalse();
        assertThat(ModelJson.write(model)).isEqualTo(text);
    }

    @Test
    void trained_model_with_every_kind_survives_save_load_save_byte_for_byte() {
        LinkageModel trained = ModelFixtures.allKindsTrained();
        String first = ModelJson.write(trained);

        LinkageModel loaded = ModelJson.read(first);
        String second = ModelJson.write(loaded);

        assertThat(second).isEqualTo(first);
        assertThat(loaded).isEqualTo(trained);
        assertThat(loaded.comparisons().stream().flatMap(c -> c.levels().stream()).map(ComparisonLevel::kind))
                .containsAll(List.of(LevelKind.values()));
    }

    @Test
    void document_layout_is_two_space_indented_with_a_final_newline_and_format_version_first() {
        String json = ModelJson.write(ModelFixtures.allKindsTrained());

        assertThat(json).startsWith("{\n  \"format_version\": 1,\n  \"id\": \"all-kinds\",\n  \"version\": 3,\n");
        assertThat(json).endsWith("}\n").doesNotContain("\r").doesNotContain("\t");
        assertThat(json).contains("\"thresholds\": {\"join\": 12.5, \"review_low\": 3.25, \"fracture\": -1.5}");
        assertThat(json).contains("\"parameters\": {\"threshold\": 0.92}");
        assertThat(json).contains("\"prior\": 0.000123456789");
    }

    @Test
    void file_round_trip_keeps_bytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.json");
        ModelJson.write(ModelFixtures.allKindsTrained(), file);

        ModelJson.write(ModelJson.read(file), dir.resolve("again.json"));

        assertThat(Files.readAllBytes(dir.resolve("again.json"))).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void a_join_rule_is_written_only_when_it_is_not_fixed_and_survives_save_load_save() {
        LinkageModel fixed = ModelFixtures.allKindsTrained();
        LinkageModel derived = fixed.withThresholds(new Thresholds(12.5, 3.25, -1.5, JoinRule.EXPECTED_F1));

        String json = ModelJson.write(derived);

        assertThat(ModelJson.write(fixed)).doesNotContain("join_rule");
        assertThat(json).contains("\"thresholds\": {\"join\": 12.5, \"review_low\": 3.25, \"fracture\": -1.5, "
                + "\"join_rule\": \"expected_f1\"}");
        assertThat(ModelJson.write(ModelJson.read(json))).isEqualTo(json);
        assertThat(ModelJson.read(json).thresholds().joinRule()).isEqualTo(JoinRule.EXPECTED_F1);
        assertThatThrownBy(() -> ModelJson.read(json.replace("expected_f1", "best_guess")))
                .hasMessageContaining("thresholds.join_rule").hasMessageContaining("expected_f1");
    }

    @Test
    void a_moved_join_keeps_the_review_band_width_and_lowers_fracture_only_when_it_must() {
        Thresholds t = new Thresholds(3, 0, -6, JoinRule.EXPECTED_F1);

        assertThat(t.withJoinAt(-0.5)).isEqualTo(new Thresholds(-0.5, -3.5, -6, JoinRule.EXPECTED_F1));
        assertThat(t.withJoinAt(-4)).isEqualTo(new Thresholds(-4, -7, -7, JoinRule.EXPECTED_F1));
    }

    @Test
    void a_whole_number_given_for_a_decimal_parameter_is_read_as_a_decimal() {
        String json = ModelJson.write(ModelFixtures.examplePerson())
                .replace("{\"threshold\": 0.8}", "{\"threshold\": 1}");

        LinkageModel model = ModelJson.read(json);

        ComparisonLevel level = model.comparison("forename").orElseThrow().levels().get(4);
        assertThat(level.parameters().get(ComparisonLevel.THRESHOLD)).isEqualTo(1.0);
        assertThat(ModelJson.write(model)).contains("{\"threshold\": 1.0}");
    }

    @Test
    void malformed_json_is_reported_with_its_position() {
        assertThatThrownBy(() -> ModelJson.read("{\n  \"id\": \"x\",\n  oops\n}"))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("$: is not well-formed JSON at line 3");
    }

    @Test
    void duplicate_keys_are_refused() {
        String json = ModelJson.write(ModelFixtures.examplePerson()).replace("\"version\": 1,",
                "\"version\": 1,\n  \"version\": 2,");

        assertThatThrownBy(() -> ModelJson.read(json)).isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("Duplicate field 'version'");
    }

    @Test
    void an_empty_document_or_one_that_is_not_an_object_is_refused() {
        assertThatThrownBy(() -> ModelJson.read("")).isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("$: the document is empty");
        assertThatThrownBy(() -> ModelJson.read("[]")).isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("$: must be an object");
        assertThatThrownBy(() -> ModelJson.read("{} {}")).isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("text follows");
    }
}
