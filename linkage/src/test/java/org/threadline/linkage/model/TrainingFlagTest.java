package org.threadline.linkage.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TrainingFlagTest {

    @Test
    void a_rule_kept_out_of_training_round_trips_and_the_default_is_left_out() {
        LinkageModel example = ModelJson.read(readExample());
        java.util.List<BlockingRule> rules = new java.util.ArrayList<>(example.blockingRules());
        rules.set(0, rules.get(0).withTraining(false));
        LinkageModel model = new LinkageModel(example.id(), example.version(), example.description(),
                example.linkType(), example.uniqueIdColumn(), example.sourceColumn(), example.columns(), rules,
                example.comparisons(), example.prior(), example.thresholds(), example.training());

        String json = ModelJson.write(model);
        assertThat(json).contains("\"train\": false");
        assertThat(json.split("\"train\"", -1)).hasSize(2);
        assertThat(ModelJson.read(json).blockingRules().get(0).train()).isFalse();
        assertThat(ModelJson.read(json).blockingRules().get(1).train()).isTrue();
        assertThat(ModelJson.write(ModelJson.read(json))).isEqualTo(json);
    }

    @Test
    void a_train_value_that_is_not_a_boolean_is_reported_with_its_path() {
        String json = ModelJson.write(ModelJson.read(readExample())).replaceFirst("\"keys\"", "\"train\": \"no\",\n      \"keys\"");

        InvalidModelException e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidModelException.class,
                () -> ModelJson.read(json));

        assertThat(e.getMessage()).contains("blocking_rules[0].train").contains("true or false");
    }

    private static String readExample() {
        try {
            return Files.readString(Path.of("..", "config", "models", "example-person.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
