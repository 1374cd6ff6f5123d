package org.threadline.linkage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkageModelBuilderTest {

    @Test
    void builder_makes_exactly_the_bytes_of_the_hand_written_example() throws Exception {
        assertThat(ModelJson.write(ModelFixtures.examplePerson())).isEqualTo(ModelFixtures.examplePersonText());
        assertThat(ModelFixtures.examplePerson()).isEqualTo(ModelJson.read(ModelFixtures.EXAMPLE_PERSON));
    }

    @Test
    void builder_and_with_parameters_make_exactly_the_bytes_of_the_trained_document() {
        String expected = ModelFixtures.resource("all-kinds-trained.json");

        assertThat(ModelJson.write(ModelFixtures.allKindsTrained())).isEqualTo(expected);
    }

    @Test
    void comparison_builder_labels_levels_by_what_they_do() {
        Comparison forename = Comparison.builder("forename")
                .nullLevel().exact().jaroWinkler(0.92).jaroWinkler(0.8).elseLevel().build();

        assertThat(forename.columns()).containsExactly("forename");
        assertThat(forename.levels()).extracting(ComparisonLevel::label)
                .containsExactly("null", "exact", "jaro_winkler >= 0.92", "jaro_winkler >= 0.8", "else");
        assertThat(forename.levels().get(2).decimal(ComparisonLevel.THRESHOLD)).isEqualTo(0.92);
    }

    @Test
    void build_refuses_an_invalid_model_listing_every_error() {
        LinkageModelBuilder builder = LinkageModel.builder().version(0).link(null).uniqueIdColumn("id")
                .columns("surname")
                .blockingRule("nothing")
                .comparison(Comparison.builder("surname").nullLevel().jaroWinkler(1.5).nameSwap())
                .thresholds(1, 2, 3);

        assertThatThrownBy(builder::build).isInstanceOf(InvalidModelException.class)
                .extracting(e -> ((InvalidModelException) e).errors().stream().map(ModelError::path).toList())
                .isEqualTo(List.of("id", "version", "source_column", "blocking_rules[0].keys",
                        "comparisons[0].levels[1].parameters.threshold", "comparisons[0].levels[2].kind",
                        "comparisons[0].levels", "thresholds"));
    }

    @Test
    void level_parameters_are_normalised_to_long_double_and_string() {
        ComparisonLevel level = ComparisonLevel.of("near", LevelKind.DATE_WITHIN_DAYS,
                Map.of(ComparisonLevel.DAYS, (short) 7));
        ComparisonLevel identifier = Comparison.builder("nhs")
                .identifierBothValidEqual(IdentifierValidator.NHS_NUMBER).build().levels().get(0);

        assertThat(level.parameters().get(ComparisonLevel.DAYS)).isEqualTo(7L);
        assertThat(level.whole(ComparisonLevel.DAYS)).isEqualTo(7);
        assertThat(identifier.validator()).isEqualTo(IdentifierValidator.NHS_NUMBER);
        assertThatThrownBy(() -> ComparisonLevel.of("x", LevelKind.EXACT, Map.of("flag", true)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void non_finite_thresholds_are_each_reported() {
        LinkageModelBuilder builder = LinkageModel.builder().id("m").version(1).dedupe().uniqueIdColumn("id")
                .columns("dob").blockingRule("dob", BlockingKey.of("dob"))
                .comparison(Comparison.builder("dob").dateExact().elseLevel())
                .thresholds(Double.POSITIVE_INFINITY, Double.NaN, 0);

        assertThatThrownBy(builder::build).isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("thresholds.join: must be a finite number")
                .hasMessageContaining("thresholds.review_low: must be a finite number")
                .hasMessageNotContaining("thresholds.fracture");
    }
}
