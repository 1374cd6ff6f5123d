package org.threadline.linkage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.threadline.linkage.data.RecordTable;
import org.threadline.linkage.evaluation.ClusterMetrics;
import org.threadline.linkage.evaluation.PairwiseMetrics;
import org.threadline.linkage.model.BlockingKey;
import org.threadline.linkage.model.BlockingTransform;
import org.threadline.linkage.model.Comparison;
import org.threadline.linkage.model.LinkageModel;
import org.threadline.linkage.model.ModelJson;
import org.threadline.linkage.scoring.Explanation;

class LinkerTest {
    private static final String[] FORENAMES = {"JAMES", "OLIVIA", "MOHAMMED", "AMELIA", "HARPREET", "JACK", "ISLA",
        "NOAH", "AISHA", "GEORGE", "EMILY", "ZAIN", "GRACE", "OSCAR", "FREYA", "LEO", "MAYA", "ARTHUR", "SOPHIE", "ALI"};
    private static final String[] SURNAMES = {"SMITH", "JONES", "KHAN", "PATEL", "WILLIAMS", "BROWN", "SINGH",
        "TAYLOR", "AHMED", "DAVIES", "WOOD", "HUGHES", "BEGUM", "WALKER", "HUSSAIN", "EVANS", "GREEN", "HALL",
        "KAUR", "THOMAS", "OKAFOR", "NOWAK", "CHEN", "MURPHY", "OBI"};
    private static final List<String> COLUMNS = List.of("forename", "surname", "dob", "postcode");

    private final ForkJoinPool pool = new ForkJoinPool(2);

    @Test
    void trained_unsupervised_on_messy_duplicates_it_finds_them_without_merging_strangers() {
        Data data = population(3000, 1);

        LinkResult result = new Linker(pool, 10_000_000).run(model(), data.records, Lookups.none(),
                new TrainingSettings(7, 200_000, 0.6, "2026-11-26T00:00:00Z"));

        PairwiseMetrics pairwise = PairwiseMetrics.at(result.model().thresholds().join(), result.pairs().left(),
                result.pairs().right(), result.weights(), data.truth, new int[data.truth.length], false);
        ClusterMetrics clusters = ClusterMetrics.of(result.clustering().clusterIds(), data.truth);
        PairwiseMetrics best = PairwiseMetrics.best(result.pairs().left(), result.pairs().right(), result.weights(),
                data.truth, new int[data.truth.length], false);
        assertThat(pairwise.f1()).as(pairwise + "\nbest " + best + "\n" + ModelJson.write(result.model()))
                .isGreaterThan(0.9);
        assertThat(clusters.bCubedPrecision()).isGreaterThan(0.97);
        assertThat(result.model().isTrained()).isTrue();
        assertThat(ModelJson.read(ModelJson.write(result.model()))).isEqualTo(result.model());
    }

    @Test
    void em_learns_m_close_to_the_truth_because_each_pass_sees_every_pair_its_rule_admits() {
        // The "dob" rule comes second: a pass made only of the pairs "surname_year" had not already found would
        // hold almost no pair whose surnames agree, and EM would learn that matches rarely share a surname.
        Data data = population(3000, 11);
        LinkResult result = new Linker(pool, 10_000_000).run(model(), data.records, Lookups.none(),
                new TrainingSettings(7, 200_000, 0.6, "2026-11-26T00:00:00Z"));

        Linker.Explainer explainer = Linker.explainer(result.model(), data.records, Lookups.none());
        int[] exactSurnames = new int[2];
        long truePairs = 0;
        for (int a = 0; a < data.truth.length; a++) {
            for (int b = a + 1; b < data.truth.length && data.truth[b] == data.truth[a]; b++) {
                int level = explainer.explain(a, b).contributions().get(1).level();
                if (level > 0) {
                    exactSurnames[level == 1 ? 0 : 1]++;
                }
                truePairs++;
            }
        }
        double trueM = (double) exactSurnames[0] / (exactSurnames[0] + exactSurnames[1]);
        double learnedM = result.model().comparisons().get(1).levels().get(1).mProbability();
        assertThat(learnedM).as("m of surname exact; the truth's share is " + trueM).isCloseTo(trueM, within(0.05));
        double trueLambda = truePairs / (data.truth.length * (data.truth.length - 1) / 2.0);
        assertThat(result.model().prior()).as("λ against the truth's " + trueLambda)
                .isBetween(trueLambda * 0.8, trueLambda * 1.2);
    }

    @Test
    void with_the_expected_f1_join_rule_training_moves_join_to_the_models_own_best_cut() {
        Data data = population(3000, 13);
        LinkageModel fixed = model();
        LinkageModel derived = fixed.withThresholds(new org.threadline.linkage.model.Thresholds(3, -1, -6,
                org.threadline.linkage.model.JoinRule.EXPECTED_F1));
        TrainingSettings settings = new TrainingSettings(7, 200_000, 0.6, "2026-11-26T00:00:00Z");

        LinkResult one = new Linker(pool, 10_000_000).run(fixed, data.records, Lookups.none(), settings);
        LinkResult two = new Linker(pool, 10_000_000).run(derived, data.records, Lookups.none(), settings);

        double join = two.model().thresholds().join();
        assertThat(one.model().thresholds().join()).isEqualTo(3);
        assertThat(join).isNotEqualTo(3).isBetween(-4.0, 4.0);
        assertThat(two.model().thresholds().reviewLow()).isEqualTo(join - 4);
        assertThat(two.weights()).isEqualTo(one.weights());
        PairwiseMetrics best = PairwiseMetrics.best(two.pairs().left(), two.pairs().right(), two.weights(),
                data.truth, new int[data.truth.length], false);
        PairwiseMetrics atJoin = PairwiseMetrics.at(join, two.pairs().left(), two.pairs().right(), two.weights(),
                data.truth, new int[data.truth.length], false);
        assertThat(atJoin.f1()).as("at the derived join " + atJoin + "; best " + best)
                .isGreaterThan(best.f1() - 0.01);
        assertThat(ModelJson.write(ModelJson.read(ModelJson.write(two.model())))).isEqualTo(
                ModelJson.write(two.model()));
    }

    @Test
    void training_twice_with_the_same_seed_gives_the_same_model_and_weights() {
        Data data = population(800, 3);
        TrainingSettings settings = new TrainingSettings(9, 50_000, 0.6, "2026-11-26T00:00:00Z");

        LinkResult one = new Linker(pool, 1_000_000).run(model(), data.records, Lookups.none(), settings);
        LinkResult two = new Linker(new ForkJoinPool(1), 1_000_000).run(model(), data.records, Lookups.none(),
                settings);

        assertThat(ModelJson.write(two.model())).isEqualTo(ModelJson.write(one.model()));
        assertThat(two.weights()).isEqualTo(one.weights());
    }

    @Test
    void an_explanation_from_the_model_alone_adds_up_to_the_pair_weight() {
        Data data = population(800, 5);
        LinkResult result = new Linker(pool, 1_000_000).run(model(), data.records, Lookups.none(),
                new TrainingSettings(9, 50_000, 0.6, "2026-11-26T00:00:00Z"));

        for (int p = 0; p < Math.min(50, result.pairs().size()); p++) {
            Explanation e = Linker.explain(result.model(), data.records, Lookups.none(), result.pairs().left(p),
                    result.pairs().right(p));
            assertThat(e.totalWeight()).isCloseTo(result.weights()[p], within(1e-9));
        }
    }

    @Test
    void an_untrained_model_is_refused_without_training_and_one_record_cannot_train() {
        RecordTable one = RecordTable.builder(COLUMNS).add("a", 0, "A", "B", "2000-01-01", "B1 1AA").build();

        assertThatThrownBy(() -> new Linker(pool, 100).run(model(), one, Lookups.none(), null))
                .hasMessageContaining("not trained");
        assertThatThrownBy(() -> new Linker(pool, 100).run(model(), one, Lookups.none(),
                TrainingSettings.defaults("2026-11-26T00:00:00Z"))).hasMessageContaining("at least two records");
    }

    @Test
    void an_all_null_column_trains_with_warnings_instead_of_failing() {
        RecordTable.Builder b = RecordTable.builder(COLUMNS);
        Data data = population(400, 8);
        for (int i = 0; i < data.records.size(); i++) {
            b.add(data.records.id(i), 0, data.records.column("forename").value(i),
                    data.records.column("surname").value(i), data.records.column("dob").value(i), "");
        }

        LinkResult result = new Linker(pool, 1_000_000).run(model(), b.build(), Lookups.none(),
                new TrainingSettings(9, 20_000, 0.6, "2026-11-26T00:00:00Z"));

        assertThat(result.model().isTrained()).isTrue();
        assertThat(result.warnings()).isNotEmpty();
        for (double w : result.weights()) {
            assertThat(Double.isNaN(w)).isFalse();
        }
    }

    static LinkageModel model() {
        return LinkageModel.builder().id("test-person").version(1).dedupe().uniqueIdColumn("id")
                .columns("forename", "surname", "dob", "postcode")
                .blockingRule("surname_year", BlockingKey.of("surname", BlockingTransform.FIRST_3),
                        BlockingKey.of("dob", BlockingTransform.YEAR))
                .blockingRule("dob", BlockingKey.of("dob"))
                .blockingRule("postcode_initial", BlockingKey.of("postcode"),
                        BlockingKey.of("forename", BlockingTransform.FIRST_1))
                .comparison(Comparison.builder("forename").termFrequencyAdjustments().nullLevel().exact()
                        .jaroWinkler(0.92).jaroWinkler(0.8).elseLevel())
                .comparison(Comparison.builder("surname").termFrequencyAdjustments().nullLevel().exact()
                        .jaroWinkler(0.92).jaroWinkler(0.8).elseLevel())
                .comparison(Comparison.builder("dob").nullLevel().dateExact().dateDayMonthTransposed()
                        .dateWithinDays(365).elseLevel())
                .comparison(Comparison.builder("postcode").nullLevel().postcodeFull().postcodeSector()
                        .postcodeDistrict().elseLevel())
                .thresholds(3, -1, -6)
                .build();
    }

    record Data(RecordTable records, int[] truth) {
    }

    /** People with 1-3 records each; copies carry typos, missing values and moved postcodes. */
    static Data population(int people, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        RecordTable.Builder b = RecordTable.builder(COLUMNS);
        List<Integer> truth = new ArrayList<>();
        int id = 0;
        for (int p = 0; p < people; p++) {
            String forename = FORENAMES[r.nextInt(FORENAMES.length)];
            String surname = SURNAMES[r.nextInt(SURNAMES.length)];
            String dob = String.format("%d-%02d-%02d", 1950 + r.nextInt(70), 1 + r.nextInt(12), 1 + r.nextInt(28));
            String postcode = "B" + (1 + r.nextInt(40)) + " " + r.nextInt(10) + "AB";
            int copies = 1 + r.nextInt(3);
            for (int c = 0; c < copies; c++) {
                boolean noisy = c > 0;
                b.add("r" + id++, 0, noisy && r.nextInt(8) == 0 ? typo(forename, r) : forename,
                        noisy && r.nextInt(8) == 0 ? typo(surname, r) : surname,
                        noisy && r.nextInt(15) == 0 ? "" : dob,
                        noisy && r.nextInt(5) == 0 ? "B" + (1 + r.nextInt(40)) + " 1XY" : postcode);
                truth.add(p);
            }
        }
        return new Data(b.build(), truth.stream().mapToInt(Integer::intValue).toArray());
    }

    private static String typo(String s, SplittableRandom r) {
        int i = 1 + r.nextInt(s.length() - 1);
        return s.substring(0, i) + s.substring(i + 1);
    }
}
