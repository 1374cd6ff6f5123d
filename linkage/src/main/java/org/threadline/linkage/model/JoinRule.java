package org.threadline.linkage.model;

/** How training treats the {@code join} threshold (ADR 0022). */
public enum JoinRule {
    /** {@code join} is the number written in the model; training leaves the thresholds alone. */
    FIXED,
    /**
     * Training moves {@code join} to the match weight that maximises the model's own expected pairwise F1 over the
     * candidate pairs (each pair counted as a match with its predicted probability; no truth), and moves
     * {@code review_low} with it so the review band keeps its width; {@code fracture} stays unless it would rise
     * above the moved {@code review_low}. Once the model is calibrated this lands near probability ½, wherever the
     * prior and the data put the weights.
     */
    EXPECTED_F1;

    public String jsonName() {
        return JsonNames.of(this);
    }
}
