package org.threadline.linkage.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link LinkageModel}; {@link #build()} validates it. The built model writes the same document as the
 * equivalent hand-written JSON.
 * <pre>{@code
 * LinkageModel.builder().id("person").version(1).dedupe().uniqueIdColumn("record_id")
 *     .columns("forename", "surname", "dob")
 *     .blockingRule("surname_dob", BlockingKey.of("surname"), BlockingKey.of("dob"))
 *     .comparison(Comparison.builder("forename").nullLevel().exact().jaroWinkler(0.92).elseLevel())
 *     .thresholds(10, 4, 0)
 *     .build();
 * }</pre>
 */
public final class LinkageModelBuilder {
    private String id;
    private int version;
    private String description;
    private LinkType linkType;
    private String uniqueIdColumn;
    private String sourceColumn;
    private final List<String> columns = new ArrayList<>();
    private final List<BlockingRule> blockingRules = new ArrayList<>();
    private final List<Comparison> comparisons = new ArrayList<>();
    private Double prior;
    private Thresholds thresholds;
    private TrainingMetadata training;

    LinkageModelBuilder() {}

    public LinkageModelBuilder id(String id) {
        this.id = id;
        return this;
    }

    public LinkageModelBuilder version(int version) {
        this.version = version;
        return this;
    }

    public LinkageModelBuilder description(String description) {
        this.description = description;
        return this;
    }

    /** Records of one data set are linked with each other. */
    public LinkageModelBuilder dedupe() {
        this.linkType = LinkType.DEDUPE;
        this.sourceColumn = null;
        return this;
    }

    /** Records are linked across data sets, told apart by {@code sourceColumn}. */
    public LinkageModelBuilder link(String sourceColumn) {
        this.linkType = LinkType.LINK;
        this.sourceColumn = sourceColumn;
        return this;
    }

    public LinkageModelBuilder uniqueIdColumn(String column) {
        this.uniqueIdColumn = column;
        return this;
    }

    /** Adds columns, in the order the document lists them. */
    public LinkageModelBuilder columns(String... names) {
        columns.addAll(List.of(names));
        return this;
    }

    public LinkageModelBuilder blockingRule(String name, BlockingKey... keys) {
        blockingRules.add(BlockingRule.of(name, keys));
        return this;
    }

    public LinkageModelBuilder comparison(Comparison comparison) {
        comparisons.add(comparison);
        return this;
    }

    public LinkageModelBuilder comparison(ComparisonBuilder comparison) {
        return comparison(comparison.build());
    }

    public LinkageModelBuilder prior(double prior) {
        this.prior = prior;
        return this;
    }

    /** Thresholds in match weight; {@code fracture <= reviewLow <= join}. */
    public LinkageModelBuilder thresholds(Thresholds thresholds) {
        this.thresholds = thresholds;
        return this;
    }

    public LinkageModelBuilder thresholds(double join, double reviewLow, double fracture) {
        this.thresholds = new Thresholds(join, reviewLow, fracture);
        return this;
    }

    public LinkageModelBuilder training(TrainingMetadata training) {
        this.training = training;
        return this;
    }

    /**
     * The model.
     *
     * @throws InvalidModelException listing every problem
     */
    public LinkageModel build() {
        return ModelValidator.requireValid(new LinkageModel(id, version, description, linkType, uniqueIdColumn,
                sourceColumn, columns, blockingRules, comparisons, prior, thresholds, training));
    }
}
