package org.threadline.linkage.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScorerTest {

    private static ForkJoinPool pool;

    @BeforeAll
    static void startPool() {
        pool = new ForkJoinPool(2);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdown();
    }

    @Test
    void parallel_scoring_equals_sequential_scoring_to_the_bit() {
        SplittableRandom random = new SplittableRandom(7);
        ModelParameters model = SyntheticPairs.ladder(random, 5, 0.01);
        ComparisonVectors v = SyntheticPairs.draw(random, 300_000, model.m(), model.u(), 0.05, 0.1);
        MatchWeights w = new MatchWeights(model);

        double[] sequential = new double[v.pairCount()];
        Scorer.scoreRange(w, v, 0, v.pairCount(), sequential);
        double[] parallel = new Scorer(pool).score(w, v);

        assertThat(java.util.Arrays.equals(parallel, sequential)).isTrue();
        for (int p = 0; p < 1000; p++) {
            assertThat(w.weight(v, p)).isEqualTo(sequential[p]);
        }
    }

    @Test
    void parallel_scoring_with_term_frequencies_equals_pair_by_pair_weights() {
        SplittableRandom random = new SplittableRandom(8);
        ModelParameters plain = SyntheticPairs.ladder(random, 3, 0.01);
        boolean[][] tf = plain.tfAdjusted();
        tf[1][plain.levelCount(1) - 1] = true;
        ModelParameters model = new ModelParameters(plain.m(), plain.u(), tf, plain.lambda());
        ComparisonVectors v = SyntheticPairs.draw(random, 100_000, model.m(), model.u(), 0.05, 0.1);
        double[] tfs = new double[v.levels().length];
        for (int i = 0; i < tfs.length; i++) {
            tfs[i] = random.nextBoolean() ? Double.NaN : 0.0001 + random.nextDouble() * 0.9;
        }
        ComparisonVectors withTf = v.withTermFrequencies(tfs);
        MatchWeights w = new MatchWeights(model);

        double[] scores = new Scorer(pool).score(w, withTf);

        double[] pairByPair = new double[withTf.pairCount()];
        for (int p = 0; p < pairByPair.length; p++) {
            pairByPair[p] = w.weight(withTf, p);
        }
        assertThat(java.util.Arrays.equals(scores, pairByPair)).isTrue();
        assertThat(scores).doesNotContain(Double.NaN);
    }

    @Test
    void a_level_the_model_does_not_define_is_refused_with_the_pair_named() {
        ModelParameters model = ModelParameters.of(new double[][] {{1, 0.1, 0.9}}, new double[][] {{1, 0.9, 0.1}},
                0.1);
        ComparisonVectors v = ComparisonVectors.of(1, new byte[] {1, 3}, new int[] {0, 1}, new int[] {1, 2});
        assertThatThrownBy(() -> new Scorer(pool).score(new MatchWeights(model), v))
                .hasMessageContaining("pair 1").hasMessageContaining("3/3");
    }

    @Test
    void an_empty_batch_scores_to_an_empty_array() {
        ModelParameters model = ModelParameters.of(new double[][] {{1, 0.1, 0.9}}, new double[][] {{1, 0.9, 0.1}},
                0.1);
        ComparisonVectors v = ComparisonVectors.of(1, new byte[0], new int[0], new int[0]);
        assertThat(new Scorer(pool).score(new MatchWeights(model), v)).isEmpty();
    }
}
