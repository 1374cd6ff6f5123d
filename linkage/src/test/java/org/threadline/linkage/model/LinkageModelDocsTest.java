package org.threadline.linkage.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/linkage-model.md is the user's reference: it must describe the vocabulary this code has, and its example must load. */
class LinkageModelDocsTest {
    private static String docs;

    @BeforeAll
    static void readDocs() throws IOException {
        docs = Files.readString(Path.of("..", "docs", "linkage-model.md"));
    }

    @Test
    void every_level_kind_and_its_parameters_are_documented() {
        for (LevelKind kind : LevelKind.values()) {
            assertThat(docs).as(kind.jsonName()).contains("| `" + kind.jsonName() + "` |");
            for (ParameterSpec p : kind.parameters()) {
                assertThat(docs).as(kind + " " + p.name()).contains("`" + p.name() + "`");
            }
        }
    }

    @Test
    void every_blocking_transform_link_type_and_validator_is_documented() {
        for (BlockingTransform t : BlockingTransform.values()) {
            assertThat(docs).as(t.jsonName()).contains("| `" + t.jsonName() + "` |");
        }
        for (LinkType t : LinkType.values()) {
            assertThat(docs).contains("`" + t.jsonName() + "`");
        }
        for (IdentifierValidator v : IdentifierValidator.values()) {
            assertThat(docs).contains("`" + v.jsonName() + "`");
        }
    }

    @Test
    void complete_example_is_canonical_and_equals_the_java_shown_beside_it() {
        String example = completeExample();

        LinkageModel loaded = ModelJson.read(example);

        assertThat(ModelJson.write(loaded)).isEqualTo(example);
        assertThat(ModelJson.write(censusModelAsInTheDocs())).isEqualTo(example);
    }

    private static String completeExample() {
        int section = docs.indexOf("## Complete example");
        int start = docs.indexOf("```json\n", section) + "```json\n".length();
        return docs.substring(start, docs.indexOf("```\n", start));
    }

    private static LinkageModel censusModelAsInTheDocs() {
        LinkageModel model = LinkageModel.builder()
                .id("census-names-dob").version(2)
                .description("School census: one record per pupil per term; finds the same pupil across terms.")
                .dedupe().uniqueIdColumn("record_id")
                .columns("forename", "surname", "dob")
                .blockingRule("surname_dob", BlockingKey.of("surname", BlockingTransform.DOUBLE_METAPHONE),
                        BlockingKey.of("dob"))
                .blockingRule("forename_birthday", BlockingKey.of("forename", BlockingTransform.FIRST_3),
                        BlockingKey.of("dob", BlockingTransform.MONTH_DAY))
                .comparison(Comparison.builder("forename").termFrequencyAdjustments()
                        .nullLevel().exact().jaroWinkler(0.92).jaroWinkler(0.8).elseLevel())
                .comparison(Comparison.builder("surname").termFrequencyAdjustments()
                        .nullLevel().exact().doubleMetaphone().labelled("sounds alike").elseLevel())
                .comparison(Comparison.builder("dob")
                        .nullLevel().dateExact().dateDayMonthTransposed().labelled("day and month swapped")
                        .dateWithinDays(31).dateSameYear().elseLevel())
                .thresholds(10, 4, 0)
                .build();
        Map<String, Map<String, LevelProbabilities>> p = new LinkedHashMap<>();
        p.put("forename", Map.of("exact", mu(0.82, 0.004), "jaro_winkler >= 0.92", mu(0.09, 0.002),
                "jaro_winkler >= 0.8", mu(0.04, 0.011), "else", mu(0.05, 0.983)));
        p.put("surname", Map.of("exact", mu(0.85, 0.002), "sounds alike", mu(0.06, 0.005), "else", mu(0.09, 0.993)));
        p.put("dob", Map.of("date_exact", mu(0.88, 0.0003), "day and month swapped", mu(0.02, 0.00002),
                "within 31 days", mu(0.03, 0.0027), "same_year", mu(0.03, 0.012), "else", mu(0.04, 0.98498)));
        return model.withParameters(0.0001, p, new TrainingMetadata("2026-03-01T09:30:00Z", 120_000, 2_500_000,
                List.of(new TrainingPass("surname_dob", 11, true), new TrainingPass("forename_birthday", 25, false))));
    }

    private static LevelProbabilities mu(double m, double u) {
        return new LevelProbabilities(m, u);
    }
}
