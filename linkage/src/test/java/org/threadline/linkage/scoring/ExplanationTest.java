package org.threadline.linkage.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExplanationTest {

    static final String[] NAMES = {"surname", "date_of_birth"};
    static final String[][] LABELS = {{"null", "else", "exact"}, {"null", "else", "within a year", "exact"}};

    @Test
    void the_waterfall_sums_to_the_total_weight_and_the_scorer_agrees() {
        ModelParameters model = MatchWeightsTest.handChecked();
        double nan = Double.NaN;
        ComparisonVectors v = ComparisonVectors.of(2, new byte[] {2, 3, 0, 1, 1, 3}, new int[] {0, 1, 2},
                new int[] {3, 4, 5}).withTermFrequencies(new double[] {nan, nan, nan, nan, nan, 1.0 / 64});
        MatchWeights weights = new MatchWeights(model);

        for (int p = 0; p < v.pairCount(); p++) {
            Explanation e = Explanation.of(model, v, p, NAMES, LABELS);
            double sum = e.priorWeight();
            for (ComparisonContribution part : e.contributions()) {
                sum += part.log2Contribution();
                assertThat(part.bayesFactor()).isCloseTo(Math.pow(2, part.log2Contribution()), within(1e-12));
            }
            assertThat(sum).isEqualTo(e.totalWeight());
            assertThat(e.totalWeight()).isEqualTo(weights.weight(v, p));
            assertThat(e.probability()).isEqualTo(MatchWeights.probability(e.totalWeight()));
        }
    }

    @Test
    void each_bar_names_its_level_and_shows_m_u_and_bayes_factor() {
        ModelParameters model = MatchWeightsTest.handChecked();
        ComparisonVectors v = ComparisonVectors.of(2, new byte[] {2, 0}, new int[] {0}, new int[] {1});

        Explanation e = Explanation.of(model, v, 0, NAMES, LABELS);

        ComparisonContribution surname = e.contributions().get(0);
        assertThat(surname.levelLabel()).isEqualTo("exact");
        assertThat(surname.m().getAsDouble()).isEqualTo(0.8);
        assertThat(surname.u().getAsDouble()).isEqualTo(0.1);
        assertThat(surname.bayesFactor()).isCloseTo(8, within(1e-12));
        assertThat(surname.tfAdjusted()).isFalse();
        ComparisonContribution dob = e.contributions().get(1);
        assertThat(dob.isNullLevel()).isTrue();
        assertThat(dob.m()).isEmpty();
        assertThat(dob.bayesFactor()).isEqualTo(1.0);
        assertThat(e.waterfall()).contains("prior").contains("surname = exact").contains("BF=8")
                .contains("date_of_birth = null").contains("null: no evidence").contains("match weight");
    }

    @Test
    void a_term_frequency_adjusted_bar_shows_the_tf_that_replaced_u() {
        ModelParameters model = MatchWeightsTest.handChecked();

        Explanation e = Explanation.of(model, new int[] {1, 3}, new double[] {Double.NaN, 1.0 / 64}, NAMES, LABELS);

        ComparisonContribution dob = e.contributions().get(1);
        assertThat(dob.tfAdjusted()).isTrue();
        assertThat(dob.termFrequency().getAsDouble()).isEqualTo(1.0 / 64);
        assertThat(dob.log2Contribution()).isCloseTo(5, within(1e-12));
        assertThat(e.waterfall()).contains("tf=0.0156");
        assertThat(e.totalWeight()).isCloseTo(1, within(1e-12));
    }

    @Test
    void explanations_of_random_pairs_reproduce_the_scores() {
        SplittableRandom random = new SplittableRandom(3);
        ModelParameters model = SyntheticPairs.ladder(random, 4, 0.01);
        ComparisonVectors v = SyntheticPairs.draw(random, 500, model.m(), model.u(), 0.1, 0.2);
        double[] scores = new double[v.pairCount()];
        Scorer.scoreRange(new MatchWeights(model), v, 0, v.pairCount(), scores);
        String[] names = {"a", "b", "c", "d"};
        String[][] labels = new String[4][];
        for (int c = 0; c < 4; c++) {
            labels[c] = new String[model.levelCount(c)];
            for (int l = 0; l < labels[c].length; l++) {
                labels[c][l] = "level " + l;
            }
        }
        for (int p = 0; p < v.pairCount(); p++) {
            assertThat(Explanation.of(model, v, p, names, labels).totalWeight()).isEqualTo(scores[p]);
        }
    }
}
