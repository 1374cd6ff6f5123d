package org.threadline.linkage.model;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules a model must keep. {@link #validate} returns every broken rule with its path instead of stopping at the
 * first, so that an author fixes a document in one round. The rules are listed in {@code docs/linkage-model.md}.
 */
public final class ModelValidator {
    /** How far the m (or u) probabilities of a trained comparison may sum from 1. */
    static final double SUM_TOLERANCE = 1e-6;

    private final List<ModelError> errors = new ArrayList<>();

    private ModelValidator() {}

    /** Every rule the model breaks; empty when it is valid. */
    public static List<ModelError> validate(LinkageModel model) {
        ModelValidator v = new ModelValidator();
        v.model(model);
        return List.copyOf(v.errors);
    }

    /**
     * The model itself when valid.
     *
     * @throws InvalidModelException listing every broken rule
     */
    public static LinkageModel requireValid(LinkageModel model) {
        List<ModelError> errors = validate(model);
        if (!errors.isEmpty()) {
            throw new InvalidModelException("'" + model.id() + "'", errors);
        }
        return model;
    }

    private void error(String path, String message) {
        errors.add(new ModelError(path, message));
    }

    private void model(LinkageModel m) {
        if (blank(m.id())) {
            error("id", "is missing");
        }
        if (m.version() < 1) {
            error("version", "must be 1 or more, got " + m.version());
        }
        if (m.linkType() == null) {
            error("link_type", "is missing");
        } else if (m.linkType() == LinkType.LINK && blank(m.sourceColumn())) {
            error("source_column", "is required when link_type is link");
        } else if (m.linkType() == LinkType.DEDUPE && m.sourceColumn() != null) {
            error("source_column", "is only used when link_type is link");
        }
        if (blank(m.uniqueIdColumn())) {
            error("unique_id_column", "is missing");
        }
        Set<String> columns = columns(m.columns());
        blockingRules(m.blockingRules(), columns);
        boolean anyTrained = comparisons(m.comparisons(), columns);
        prior(m.prior(), anyTrained);
        thresholds(m.thresholds());
        if (m.training() != null) {
            training(m.training(), anyTrained);
        }
    }

    private Set<String> columns(List<String> columns) {
        Set<String> seen = new HashSet<>();
        if (columns.isEmpty()) {
            error("columns", "must list at least one column");
        }
        for (int i = 0; i < columns.size(); i++) {
            if (blank(columns.get(i))) {
                error("columns[" + i + "]", "is blank");
            } else if (!seen.add(columns.get(i))) {
                error("columns[" + i + "]", "repeats column '" + columns.get(i) + "'");
            }
        }
        return seen;
    }

    private void blockingRules(List<BlockingRule> rules, Set<String> columns) {
        if (rules.isEmpty()) {
            error("blocking_rules", "must list at least one rule");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            String path = "blocking_rules[" + i + "]";
            BlockingRule rule = rules.get(i);
            if (blank(rule.name())) {
                error(path + ".name", "is missing");
            } else if (!names.add(rule.name())) {
                error(path + ".name", "repeats rule name '" + rule.name() + "'");
            }
            if (rule.keys().isEmpty()) {
                error(path + ".keys", "must list at least one key (a rule without keys would pair every record)");
            }
            for (int k = 0; k < rule.keys().size(); k++) {
                BlockingKey key = rule.keys().get(k);
                column(path + ".keys[" + k + "].column", key.column(), columns);
                if (key.transform() == null) {
                    error(path + ".keys[" + k + "].transform", "is missing");
                }
            }
        }
    }

    /** Returns whether any level carries m or u. */
    private boolean comparisons(List<Comparison> comparisons, Set<String> columns) {
        if (comparisons.isEmpty()) {
            error("comparisons", "must list at least one comparison");
        }
        Set<String> names = new HashSet<>();
        boolean anyTrained = false;
        for (int i = 0; i < comparisons.size(); i++) {
            String path = "comparisons[" + i + "]";
            Comparison c = comparisons.get(i);
            if (blank(c.name())) {
                error(path + ".name", "is missing");
            } else if (!names.add(c.name())) {
                error(path + ".name", "repeats comparison name '" + c.name() + "'");
            }
            if (c.columns().isEmpty() || c.columns().size() > 2) {
                error(path + ".columns", "must list one or two columns, got " + c.columns().size());
            }
            for (int k = 0; k < c.columns().size(); k++) {
                column(path + ".columns[" + k + "]", c.columns().get(k), columns);
            }
            for (int l = 0; l < c.levels().size(); l++) {
                ComparisonLevel level = c.levels().get(l);
                if (level.kind() == LevelKind.IN_OTHER_COLUMN
                        && level.parameters().get(ComparisonLevel.COLUMN) instanceof String other && !blank(other)) {
                    column(path + ".levels[" + l + "].parameters." + ComparisonLevel.COLUMN, other, columns);
                }
            }
            anyTrained |= new LadderRules(path, c, this::error).check();
        }
        return anyTrained;
    }

    private void column(String path, String column, Set<String> columns) {
        if (blank(column)) {
            error(path, "is missing");
        } else if (!columns.contains(column)) {
            error(path, "names column '" + column + "', which is not in columns");
        }
    }

    private void prior(Double prior, boolean anyTrained) {
        if (prior == null) {
            if (anyTrained) {
                error("prior", "is required once levels carry m/u");
            }
        } else if (!(prior > 0 && prior < 1)) {
            error("prior", "must be above 0 and below 1, got " + prior);
        }
    }

    private void thresholds(Thresholds t) {
        if (t == null) {
            error("thresholds", "is missing");
            return;
        }
        boolean finite = finite("thresholds.join", t.join()) & finite("thresholds.review_low", t.reviewLow())
                & finite("thresholds.fracture", t.fracture());
        if (finite && !(t.fracture() <= t.reviewLow() && t.reviewLow() <= t.join())) {
            error("thresholds", "must satisfy fracture <= review_low <= join, got fracture " + t.fracture()
                    + ", review_low " + t.reviewLow() + ", join " + t.join());
        }
    }

    /** Reports a non-finite value; non-short-circuit {@code &} above so that each one is reported. */
    private boolean finite(String path, double value) {
        if (!Double.isFinite(value)) {
            error(path, "must be a finite number");
            return false;
        }
        return true;
    }

    private void training(TrainingMetadata t, boolean anyTrained) {
        if (!anyTrained) {
            error("training", "is only allowed on a trained model");
        }
        if (blank(t.trainedAt())) {
            error("training.trained_at", "is missing");
        } else {
            try {
                OffsetDateTime.parse(t.trainedAt());
            } catch (DateTimeParseException e) {
                error("training.trained_at", "must be an ISO-8601 date-time with offset, e.g. 2026-03-01T09:30:00Z,"
                        + " got '" + t.trainedAt() + "'");
            }
        }
        if (t.records() < 0) {
            error("training.records", "must not be negative");
        }
        if (t.pairs() < 0) {
            error("training.pairs", "must not be negative");
        }
        for (int i = 0; i < t.passes().size(); i++) {
            TrainingPass pass = t.passes().get(i);
            if (blank(pass.name())) {
                error("training.passes[" + i + "].name", "is missing");
            }
            if (pass.iterations() < 0) {
                error("training.passes[" + i + "].iterations", "must not be negative");
            }
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
