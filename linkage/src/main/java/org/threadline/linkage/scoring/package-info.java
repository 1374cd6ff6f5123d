/**
 * Fellegi–Sunter scoring and training on compact columnar arrays.
 *
 * <p>Owns: the batch of candidate pairs as level indices ({@link org.threadline.linkage.scoring.ComparisonVectors},
 * level 0 = null = no evidence); the model's numbers ({@link org.threadline.linkage.scoring.ModelParameters}: m and u
 * per comparison level, term-frequency flags, the prior λ); match weights and probabilities
 * ({@link org.threadline.linkage.scoring.MatchWeights}, {@link org.threadline.linkage.scoring.Scorer}); training (u by
 * random sampling in {@link org.threadline.linkage.scoring.UEstimator}, m by expectation–maximisation per blocking
 * pass in {@link org.threadline.linkage.scoring.EmTrainer}, λ from deterministic rules in
 * {@link org.threadline.linkage.scoring.PriorEstimator}); and the per-pair waterfall
 * ({@link org.threadline.linkage.scoring.Explanation}).
 *
 * <p>Does not own: how comparison levels are computed from records, blocking, or the model's JSON form. Those
 * produce the plain arrays this package reads, so it depends on nothing but the JDK.
 *
 * <p>Hot loops (scoring, EM) run over fixed pair chunks on a caller-supplied {@link java.util.concurrent.ForkJoinPool};
 * results never depend on the number of threads. Training never emits NaN: problems come back as warnings.
 *
 * <p>Arrays passed in are never null; "absent" is an empty array, an {@link java.util.OptionalDouble}, or
 * {@code NaN} where documented (term frequencies). (A {@code @NullMarked} annotation would need JSpecify, which the
 * module's dependency rule does not yet allow.)
 */
package org.threadline.linkage.scoring;
