/**
 * Linkage models as versioned data: the JSON document that says which columns to compare, which pairs to score
 * (blocking rules), how to compare them (a ladder of levels per comparison), and, once trained, the m/u probability of
 * every level, the prior and the decision thresholds.
 *
 * <p>The package owns the document and its vocabulary ({@link org.threadline.linkage.model.LevelKind},
 * {@link org.threadline.linkage.model.BlockingTransform}); the comparison, blocking and scoring code elsewhere in the
 * module implements that vocabulary. Entry points:
 * <ul>
 *   <li>{@link org.threadline.linkage.model.ModelJson} reads (and validates) and writes documents, byte-stable;</li>
 *   <li>{@link org.threadline.linkage.model.LinkageModel#builder()} and
 *       {@link org.threadline.linkage.model.Comparison#builder(String)} build the same documents in Java;</li>
 *   <li>{@link org.threadline.linkage.model.ModelValidator} reports every broken rule with its path;</li>
 *   <li>{@link org.threadline.linkage.model.LinkageModel#withParameters} makes the trained copy, and
 *       {@link org.threadline.linkage.model.LinkageModel#contentHash()} identifies exactly which model decided.</li>
 * </ul>
 *
 * <p>Null: record components documented as optional (description, source column, prior, m/u, training) are null when
 * absent; lookups return {@code Optional}. The records accept anything so that a reader can collect every problem;
 * models obtained from the reader, the builders or {@code withParameters} are valid. The user guide to the format is
 * {@code docs/linkage-model.md}.
 */
package org.threadline.linkage.model;
