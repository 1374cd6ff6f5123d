package org.threadline.linkage.scoring;

/**
 * Log2 Bayes factors precomputed from a {@link ModelParameters}, laid out for tight scoring loops.
 *
 * <p>Formulas (Fellegi–Sunter, as in Splink's "match weight" documentation):
 * <ul>
 *   <li>Bayes factor of comparison c at level l: {@code K = m[c][l] / u[c][l]}; its match weight {@code log2(K)}.
 *       The null level (0) has {@code K = 1}, weight 0.</li>
 *   <li>Prior weight: {@code log2(lambda / (1 - lambda))}.</li>
 *   <li>Match weight of a pair: prior weight + the sum of the comparisons' weights.</li>
 *   <li>Term-frequency adjustment: at a level flagged {@link ModelParameters#tfAdjusted}, when the pair's cell carries a
 *       term frequency {@code tf} (the share of records holding the agreed value), the Bayes factor is {@code m / tf}
 *       instead of {@code m / u}. This is Splink's adjustment with weight 1: Splink multiplies the level's Bayes factor
 *       {@code m/u} by {@code u/tf}, so a common value ("Smith") is weaker evidence than a rare one. Splink takes
 *       {@code tf = max(tf_left, tf_right)}; the caller computes tf that way. Splink's {@code tf_minimum_u_value} and
 *       fractional adjustment weights are not implemented.</li>
 *   <li>Probability: {@code p = 2^w / (1 + 2^w)}, computed as {@code 1 / (1 + 2^-w)} for {@code w >= 0} and
 *       {@code 2^w / (1 + 2^w)} otherwise so neither branch overflows.</li>
 * </ul>
 *
 * <p>Layout: one row of 256 slots per comparison (a level is an unsigned byte), so indexing never needs a bounds
 * branch; slots above a comparison's level count hold {@code NaN}, which the scorer turns into an error.
 */
public final class MatchWeights {

    static final int STRIDE = 256;
    private static final double LN2 = Math.log(2);

    private final ModelParameters parameters;
    private final int comparisonCount;
    private final double priorWeight;
    /** log2(m/u) per slot; NaN for levels the model does not have. */
    final double[] log2BayesFactor;
    /** log2(m) per slot for TF-adjusted levels; NaN elsewhere (the "not adjusted" marker). */
    final double[] log2MForTf;
    final boolean anyTf;

    public MatchWeights(ModelParameters parameters) {
        this.parameters = parameters;
        this.comparisonCount = parameters.comparisonCount();
        this.priorWeight = log2(parameters.lambda() / (1 - parameters.lambda()));
        this.log2BayesFactor = new double[comparisonCount * STRIDE];
        this.log2MForTf = new double[comparisonCount * STRIDE];
        java.util.Arrays.fill(log2BayesFactor, Double.NaN);
        java.util.Arrays.fill(log2MForTf, Double.NaN);
        boolean tf = false;
        for (int c = 0; c < comparisonCount; c++) {
            log2BayesFactor[c * STRIDE] = 0.0;
            for (int l = 1; l < parameters.levelCount(c); l++) {
                log2BayesFactor[c * STRIDE + l] = log2(parameters.m(c, l) / parameters.u(c, l));
                if (parameters.tfAdjusted(c, l)) {
                    log2MForTf[c * STRIDE + l] = log2(parameters.m(c, l));
                    tf = true;
                }
            }
        }
        this.anyTf = tf;
    }

    public ModelParameters parameters() {
        return parameters;
    }

    public int comparisonCount() {
        return comparisonCount;
    }

    /** {@code log2(lambda / (1 - lambda))}. */
    public double priorWeight() {
        return priorWeight;
    }

    /** {@code log2(m/u)} of comparison {@code c} at level {@code l}, 0 for the null level. */
    public double log2BayesFactor(int c, int l) {
        checkLevel(c, l);
        return log2BayesFactor[c * STRIDE + l];
    }

    /**
     * The weight of comparison {@code c} at level {@code l} given the cell's term frequency ({@code NaN} = none):
     * {@code log2(m/tf)} at a TF-adjusted level with a tf value, else {@code log2(m/u)}.
     */
    public double contribution(int c, int l, double tf) {
        checkLevel(c, l);
        int slot = c * STRIDE + l;
        double log2M = log2MForTf[slot];
        if (!Double.isNaN(tf) && !Double.isNaN(log2M)) {
            return log2M - log2(tf);
        }
        return log2BayesFactor[slot];
    }

    /** Whether comparison {@code c} at level {@code l} with this cell's tf is term-frequency adjusted. */
    public boolean isTfAdjusted(int c, int l, double tf) {
        checkLevel(c, l);
        return !Double.isNaN(tf) && parameters.tfAdjusted(c, l);
    }

    /** Match weight of one pair: prior weight plus every comparison's contribution. */
    public double weight(ComparisonVectors v, int pair) {
        requireCompatible(v);
        double w = priorWeight;
        for (int c = 0; c < comparisonCount; c++) {
            w += contribution(c, v.level(pair, c), v.termFrequency(pair, c));
        }
        return w;
    }

    /** {@code 2^w / (1 + 2^w)}, stable for any finite or infinite {@code w}; never NaN for non-NaN input. */
    public static double probability(double weight) {
        if (weight >= 0) {
            return 1.0 / (1.0 + Math.exp(-weight * LN2));
        }
        double t = Math.exp(weight * LN2);
        return t / (1.0 + t);
    }

    /** Inverse of {@link #probability}: {@code log2(p / (1 - p))}. */
    public static double weightOf(double probability) {
        return log2(probability / (1 - probability));
    }

    void requireCompatible(ComparisonVectors v) {
        if (v.comparisonCount() != comparisonCount) {
            throw new IllegalArgumentException("vectors have " + v.comparisonCount() + " comparisons, the model has "
                    + comparisonCount);
        }
    }

    private void checkLevel(int c, int l) {
        if (c < 0 || c >= comparisonCount || l < 0 || l >= parameters.levelCount(c)) {
            throw new IllegalArgumentException("comparison " + c + " has no level " + l);
        }
    }

    static double log2(double x) {
        return Math.log(x) / LN2;
    }
}
