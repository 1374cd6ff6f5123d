package org.threadline.linkage.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Models shared by the tests: the example person model and a trained model that uses every level kind. */
final class ModelFixtures {
    /** Surefire runs in the module directory; the example lives in the project's config folder. */
    static final Path EXAMPLE_PERSON = Path.of("..", "config", "models", "example-person.json");

    private ModelFixtures() {}

    static String resource(String name) {
        try (var in = ModelFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String examplePersonText() throws java.io.IOException {
        return Files.readString(EXAMPLE_PERSON);
    }

    /** The builder form of config/models/example-person.json. */
    static LinkageModel examplePerson() {
        return LinkageModel.builder()
                .id("example-person")
                .version(1)
                .description("Finds records of the same person within one agency extract: names, date of birth,"
                        + " postcode and NHS number. Untrained: train it on your data before scoring.")
                .dedupe()
                .uniqueIdColumn("record_id")
                .columns("forename", "surname", "dob", "postcode", "nhs_number")
                .blockingRule("nhs_number", BlockingKey.of("nhs_number"))
                .blockingRule("surname_sound_dob", BlockingKey.of("surname", BlockingTransform.DOUBLE_METAPHONE),
                        BlockingKey.of("dob"))
                .blockingRule("forename_start_dob", BlockingKey.of("forename", BlockingTransform.FIRST_3),
                        BlockingKey.of("dob"))
                .blockingRule("postcode_surname_start", BlockingKey.of("postcode"),
                        BlockingKey.of("surname", BlockingTransform.FIRST_3))
                .blockingRule("birthday_surname", BlockingKey.of("dob", BlockingTransform.MONTH_DAY),
                        BlockingKey.of("surname"))
                .comparison(Comparison.builder("forename").termFrequencyAdjustments()
                        .nullLevel().exact().familiarName("uk_forenames").jaroWinkler(0.92).jaroWinkler(0.8)
                        .elseLevel())
                .comparison(Comparison.builder("surname").termFrequencyAdjustments()
                        .nullLevel().exact().jaroWinkler(0.92).doubleMetaphone().elseLevel())
                .comparison(Comparison.builder("dob")
                        .nullLevel().dateExact().dateDayMonthTransposed()
                        .damerauLevenshtein(1).labelled("one character different")
                        .dateWithinDays(31).dateSameYear().elseLevel())
                .comparison(Comparison.builder("postcode")
                        .nullLevel().postcodeFull().postcodeSector().postcodeDistrict().elseLevel())
                .comparison(Comparison.builder("nhs_number")
                        .nullLevel()
                        .identifierBothValidEqual(IdentifierValidator.NHS_NUMBER)
                        .identifierBothValidDifferent(IdentifierValidator.NHS_NUMBER)
                        .elseLevel())
                .thresholds(10, 4, 0)
                .build();
    }

    /** An untrained LINK model whose comparisons use every {@link LevelKind}. */
    static LinkageModel allKinds() {
        return LinkageModel.builder()
                .id("all-kinds")
                .version(3)
                .description("Every level kind once or more; \"quoted\", tab\tand non-ASCII: Zoë Ørsted.")
                .link("source")
                .uniqueIdColumn("record_id")
                .columns("forename", "surname", "dob", "postcode", "nhs_number", "pnc_id", "phones")
                .blockingRule("dob", BlockingKey.of("dob"))
                .blockingRule("surname_year", BlockingKey.of("surname", BlockingTransform.DOUBLE_METAPHONE),
                        BlockingKey.of("dob", BlockingTransform.YEAR))
                .blockingRule("first_letters", BlockingKey.of("forename", BlockingTransform.FIRST_1),
                        BlockingKey.of("surname", BlockingTransform.FIRST_5),
                        BlockingKey.of("dob", BlockingTransform.YEAR_MONTH))
                .blockingRule("postcode_sector", BlockingKey.of("postcode", BlockingTransform.POSTCODE_SECTOR),
                        BlockingKey.of("forename", BlockingTransform.FIRST_3))
                .blockingRule("postcode_district", BlockingKey.of("postcode", BlockingTransform.POSTCODE_DISTRICT),
                        BlockingKey.of("dob", BlockingTransform.MONTH_DAY))
                .blockingRule("nhs_digits", BlockingKey.of("nhs_number", BlockingTransform.SORTED_DIGITS))
                .comparison(Comparison.builder("forename").termFrequencyAdjustments()
                        .nullLevel().exact().familiarName("uk_forenames").doubleMetaphone().jaroWinkler(0.92)
                        .damerauLevenshtein(2).elseLevel())
                .comparison(Comparison.builder("full_name").columns("forename", "surname")
                        .nullLevel().exact().nameSwap().jaroWinkler(0.9).elseLevel())
                .comparison(Comparison.builder("surname")
                        .nullLevel().exact().inOtherColumn("forename", 0.9).elseLevel())
                .comparison(Comparison.builder("dob")
                        .nullLevel().dateExact().dateDayMonthTransposed().dateWithinDays(30).dateSameYear()
                        .elseLevel())
                .comparison(Comparison.builder("postcode").termFrequencyAdjustments()
                        .nullLevel().postcodeFull().postcodeSector().postcodeDistrict().postcodeArea().elseLevel())
                .comparison(Comparison.builder("nhs_number")
                        .nullLevel()
                        .identifierBothValidEqual(IdentifierValidator.NHS_NUMBER)
                        .identifierBothValidDifferent(IdentifierValidator.NHS_NUMBER)
                        .elseLevel())
                .comparison(Comparison.builder("pnc_id")
                        .identifierBothValidEqual(IdentifierValidator.PNC_ID).elseLevel())
                .comparison(Comparison.builder("phones")
                        .nullLevel().arrayOverlap(2).arrayOverlap(1).elseLevel())
                .thresholds(12.5, 3.25, -1.5)
                .build();
    }

    /** {@link #allKinds()} trained: m halving down each ladder, u small until else, a prior and metadata. */
    static LinkageModel allKindsTrained() {
        LinkageModel untrained = allKinds();
        Map<String, Map<String, LevelProbabilities>> probabilities = new LinkedHashMap<>();
        for (Comparison c : untrained.comparisons()) {
            List<ComparisonLevel> scoring = c.levels().stream().filter(l -> l.kind() != LevelKind.NULL).toList();
            Map<String, LevelProbabilities> byLabel = new LinkedHashMap<>();
            int n = scoring.size();
            double mRest = 1;
            double uRest = 1;
            for (int i = 0; i < n; i++) {
                // Halving shares keep the sums at exactly 1 in binary: 1/2, 1/4, ... and the remainder last.
                double m = i == n - 1 ? mRest : mRest / 2;
                double u = i == n - 1 ? uRest : uRest / 2 * 0.1;
                mRest -= m;
                uRest -= u;
                byLabel.put(scoring.get(i).label(), new LevelProbabilities(m, u));
            }
            probabilities.put(c.name(), byLabel);
        }
        return untrained.withParameters(0.000123456789, probabilities, new TrainingMetadata("2026-03-01T09:30:00Z",
                50_000, 1_234_567, List.of(new TrainingPass("dob", 14, true), new TrainingPass("surname_year", 25,
                        false))));
    }
}
