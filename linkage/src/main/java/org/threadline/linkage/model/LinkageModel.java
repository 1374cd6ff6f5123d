package org.threadline.linkage.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A Fellegi-Sunter linkage model: what to compare, which pairs to score, and (once trained) how much each outcome
 * weighs. A trained model is the same document with m/u, prior and training metadata filled in. The JSON form is
 * described in {@code docs/linkage-model.md}; {@link ModelJson} reads and writes it.
 *
 * <p>The record holds whatever it is given, so that a reader can gather every problem of a broken document. Models
 * from {@link ModelJson#read}, {@link #builder()} and {@link #withParameters} have passed {@link ModelValidator}.
 *
 * @param id             stable identifier, e.g. {@code person-dedupe}
 * @param version        version of this model id, from 1; raise it on every change
 * @param description    free text for people; may be null
 * @param linkType       {@link LinkType#DEDUPE} or {@link LinkType#LINK}
 * @param uniqueIdColumn column holding each record's id (unique within its source)
 * @param sourceColumn   column holding the record's data set; required for {@link LinkType#LINK}, else null
 * @param columns        every column the comparisons and blocking rules use
 * @param blockingRules  candidate pair rules, unioned
 * @param comparisons    the evidence, in display order
 * @param prior          probability that two random records match; null until trained
 * @param thresholds     decision thresholds in match weight
 * @param training       how it was trained; null until trained
 */
public record LinkageModel(String id, int version, String description, LinkType linkType, String uniqueIdColumn,
                           String sourceColumn, List<String> columns, List<BlockingRule> blockingRules,
                           List<Comparison> comparisons, Double prior, Thresholds thresholds,
                           TrainingMetadata training) {

    public LinkageModel {
        columns = columns == null ? List.of() : List.copyOf(columns);
        blockingRules = blockingRules == null ? List.of() : List.copyOf(blockingRules);
        comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
    }

    public static LinkageModelBuilder builder() {
        return new LinkageModelBuilder();
    }

    /** The comparison with this name. */
    public Optional<Comparison> comparison(String name) {
        return comparisons.stream().filter(c -> name.equals(c.name())).findFirst();
    }

    /** Whether the prior and every comparison's m/u are present. */
    public boolean isTrained() {
        return prior != null && !comparisons.isEmpty() && comparisons.stream().allMatch(Comparison::isTrained);
    }

    /** log2 of the prior odds, prior / (1 - prior): the match weight of a pair before any evidence. */
    public OptionalDouble priorMatchWeight() {
        return prior == null ? OptionalDouble.empty() : OptionalDouble.of(Math.log(prior / (1 - prior)) / Math.log(2));
    }

    /**
     * A trained copy: the prior, m/u per level (by comparison name, then level label) and training metadata replaced.
     * Levels not in {@code probabilities} keep what they had.
     *
     * @throws IllegalArgumentException when a comparison or level name is unknown
     * @throws InvalidModelException    when the result is not a valid model (e.g. some levels left untrained)
     */
    /** The same model with other thresholds (validated). */
    public LinkageModel withThresholds(Thresholds changed) {
        return ModelValidator.requireValid(new LinkageModel(id, version, description, linkType, uniqueIdColumn,
                sourceColumn, columns, blockingRules, comparisons, prior, changed, training));
    }

    public LinkageModel withParameters(double prior, Map<String, Map<String, LevelProbabilities>> probabilities,
                                       TrainingMetadata training) {
        for (String name : probabilities.keySet()) {
            if (comparison(name).isEmpty()) {
                throw new IllegalArgumentException("model '" + id + "' has no comparison '" + name + "'");
            }
        }
        List<Comparison> trained = comparisons.stream()
                .map(c -> c.withProbabilities(probabilities.getOrDefault(c.name(), Map.of())))
                .toList();
        return ModelValidator.requireValid(new LinkageModel(id, version, description, linkType, uniqueIdColumn,
                sourceColumn, columns, blockingRules, trained, prior, thresholds, training));
    }

    /** An untrained copy: no m/u, prior or training metadata. */
    public LinkageModel withoutParameters() {
        return new LinkageModel(id, version, description, linkType, uniqueIdColumn, sourceColumn, columns,
                blockingRules, comparisons.stream().map(Comparison::withoutProbabilities).toList(), null,
                thresholds, null);
    }

    /** This model under another version number (the content hash changes with it). */
    public LinkageModel withVersion(int newVersion) {
        return new LinkageModel(id, newVersion, description, linkType, uniqueIdColumn, sourceColumn, columns,
                blockingRules, comparisons, prior, thresholds, training);
    }

    /**
     * SHA-256 of the canonical JSON ({@link ModelJson#write}), as 64 lower-case hex digits. Equal models have equal
     * hashes; any change of content, trained parameters included, changes it. Record it with every decision made
     * under the model.
     */
    public String contentHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(ModelJson.write(this).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
