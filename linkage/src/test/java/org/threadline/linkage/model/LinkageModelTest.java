package org.threadline.linkage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkageModelTest {

    @Test
    void content_hash_is_the_sha256_of_the_canonical_document_and_stable_across_loads() throws Exception {
        LinkageModel model = ModelFixtures.examplePerson();
        byte[] bytes = ModelFixtures.examplePersonText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String expected = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));

        assertThat(model.contentHash()).isEqualTo(expected).hasSize(64);
        assertThat(ModelJson.read(ModelFixtures.EXAMPLE_PERSON).contentHash()).isEqualTo(expected);
    }

    @Test
    void content_hash_changes_with_any_trained_parameter_or_the_version() {
        LinkageModel trained = ModelFixtures.allKindsTrained();
        Comparison dob = trained.comparison("dob").orElseThrow();
        ComparisonLevel exact = dob.level("date_exact").orElseThrow();
        LinkageModel nudged = trained.withParameters(trained.prior(), Map.of("dob", Map.of("date_exact",
                new LevelProbabilities(exact.mProbability(), Math.nextUp(exact.uProbability())))), trained.training());

        assertThat(nudged.contentHash()).isNotEqualTo(trained.contentHash());
        assertThat(trained.withVersion(4).contentHash()).isNotEqualTo(trained.contentHash());
        assertThat(trained.withoutParameters().contentHash()).isEqualTo(ModelFixtures.allKinds().contentHash());
    }

    @Test
    void with_parameters_makes_a_trained_copy_and_leaves_the_original_alone() {
        LinkageModel untrained = ModelFixtures.allKinds();

        LinkageModel trained = ModelFixtures.allKindsTrained();

        assertThat(untrained.isTrained()).isFalse();
        assertThat(trained.isTrained()).isTrue();
        assertThat(trained.prior()).isEqualTo(0.000123456789);
        assertThat(trained.training().passes()).extracting(TrainingPass::converged).containsExactly(true, false);
        assertThat(trained.comparison("forename").orElseThrow().levels().get(0).isTrained()).isFalse();
        assertThat(trained.withoutParameters()).isEqualTo(untrained);
    }

    @Test
    void with_parameters_refuses_unknown_names_and_a_half_trained_result() {
        LinkageModel model = ModelFixtures.examplePerson();
        LevelProbabilities p = new LevelProbabilities(0.9, 0.01);

        assertThatThrownBy(() -> model.withParameters(0.01, Map.of("middle_name", Map.of()), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("middle_name");
        assertThatThrownBy(() -> model.withParameters(0.01, Map.of("dob", Map.of("nearly", p)), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nearly");
        assertThatThrownBy(() -> model.withParameters(0.01, Map.of("dob", Map.of("null", p)), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null level");
        assertThatThrownBy(() -> model.withParameters(0.01, Map.of("dob", Map.of("date_exact", p)), null))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("comparisons[2].levels: only 1 of 6 levels carry m/u");
    }

    @Test
    void match_weights_are_log2_of_the_bayes_factor_and_of_the_prior_odds() {
        LinkageModel trained = ModelFixtures.allKindsTrained();
        ComparisonLevel exact = trained.comparison("forename").orElseThrow().level("exact").orElseThrow();

        assertThat(exact.matchWeight().orElseThrow())
                .isCloseTo(Math.log(exact.mProbability() / exact.uProbability()) / Math.log(2), within(1e-12));
        assertThat(trained.withParameters(0.2, Map.of(), trained.training()).priorMatchWeight().orElseThrow())
                .isCloseTo(-2.0, within(1e-12));
        assertThat(ModelFixtures.allKinds().priorMatchWeight()).isEmpty();
    }

    @Test
    void exception_message_lists_every_error_on_its_own_line() {
        InvalidModelException e = new InvalidModelException("'m'", List.of(new ModelError("id", "is missing"),
                new ModelError("comparisons[0].levels", "must end with an else level")));

        assertThat(e.getMessage()).isEqualTo("Invalid linkage model 'm' (2 errors):\n"
                + "  id: is missing\n"
                + "  comparisons[0].levels: must end with an else level");
    }

    @Test
    void example_person_model_in_config_is_valid_and_untrained() {
        LinkageModel model = ModelJson.read(ModelFixtures.EXAMPLE_PERSON);

        assertThat(ModelValidator.validate(model)).isEmpty();
        assertThat(model.prior()).isNull();
        assertThat(model.linkType()).isEqualTo(LinkType.DEDUPE);
        assertThat(model.thresholds()).isEqualTo(new Thresholds(10, 4, 0));
    }
}
