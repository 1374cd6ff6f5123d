package org.threadline.linkage.scoring;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

/**
 * Informal throughput check, not a test: scores 10M pairs × 5 comparisons single-threaded and on a 2-thread pool.
 * Run after {@code ./mvnw -q -B -pl linkage -am test}:
 * {@code java -cp linkage/target/classes:linkage/target/test-classes org.threadline.linkage.scoring.ScoringThroughput}
 */
public final class ScoringThroughput {

    private ScoringThroughput() {
    }

    public static void main(String[] args) {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        SplittableRandom random = new SplittableRandom(1);
        ModelParameters model = SyntheticPairs.ladder(random, 5, 0.001);
        ComparisonVectors v = SyntheticPairs.draw(random, pairs, model.m(), model.u(), 0.01, 0.05);
        MatchWeights weights = new MatchWeights(model);
        double[] out = new double[pairs];
        ForkJoinPool pool = new ForkJoinPool(2);
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            Scorer.scoreRange(weights, v, 0, pairs, out);
            long t1 = System.nanoTime();
            double[] parallel = new Scorer(pool).score(weights, v);
            long t2 = System.nanoTime();
            System.out.printf("round %d: single thread %.0f M pairs/s (%d ms); 2-thread pool %.0f M pairs/s (%d ms)"
                    + " [check %.3f]%n", round, pairs / ((t1 - t0) / 1e3), (t1 - t0) / 1_000_000,
                    pairs / ((t2 - t1) / 1e3), (t2 - t1) / 1_000_000, parallel[pairs / 2] - out[pairs / 2]);
        }
        long t3 = System.nanoTime();
        EmResult em = new EmTrainer(new EmTrainer.Settings(10, 1e-12), pool).train(v, model, java.util.Set.of());
        long t4 = System.nanoTime();
        System.out.printf("EM, 10 iterations on the 2-thread pool: %d ms (%.0f M pair-iterations/s)%n",
                (t4 - t3) / 1_000_000, pairs * (double) em.iterations() / ((t4 - t3) / 1e3));
        pool.shutdown();
    }
}
