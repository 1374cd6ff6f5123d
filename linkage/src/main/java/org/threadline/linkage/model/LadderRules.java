package org.threadline.linkage.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/** The rules of one comparison's ladder of levels; part of {@link ModelValidator}. */
final class LadderRules {
    private final String path;
    private final Comparison comparison;
    private final BiConsumer<String, String> error;

    LadderRules(String path, Comparison comparison, BiConsumer<String, String> error) {
        this.path = path;
        this.comparison = comparison;
        this.error = error;
    }

    /** Reports every broken rule; returns whether any level carries m or u. */
    boolean check() {
        List<ComparisonLevel> levels = comparison.levels();
        if (levels.isEmpty()) {
            error.accept(path + ".levels", "must list levels, ending with else");
            return false;
        }
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < levels.size(); i++) {
            level(i, levels.get(i), labels);
        }
        order(levels);
        return probabilities(levels);
    }

    private void level(int i, ComparisonLevel level, Set<String> labels) {
        String at = levelPath(i);
        if (ModelValidator.blank(level.label())) {
            error.accept(at + ".label", "is missing");
        } else if (!labels.add(level.label())) {
            error.accept(at + ".label", "repeats level label '" + level.label() + "' in this comparison");
        }
        LevelKind kind = level.kind();
        if (kind == null) {
            error.accept(at + ".kind", "is missing");
            return;
        }
        for (ParameterSpec spec : kind.parameters()) {
            Object value = level.parameters().get(spec.name());
            if (value == null) {
                error.accept(at + ".parameters." + spec.name(), "is required by " + kind.jsonName());
            } else {
                spec.problemWith(value).ifPresent(p -> error.accept(at + ".parameters." + spec.name(), p));
            }
        }
        for (String name : level.parameters().keySet()) {
            if (kind.parameters().stream().noneMatch(s -> s.name().equals(name))) {
                error.accept(at + ".parameters." + name, "is not a parameter of " + kind.jsonName() + expected(kind));
            }
        }
        if (kind == LevelKind.IN_OTHER_COLUMN && comparison.columns().size() != 1) {
            error.accept(at + ".kind", "in_other_column needs a comparison of one column, this one has "
                    + comparison.columns().size());
        }
        if (kind == LevelKind.IN_OTHER_COLUMN && comparison.columns().contains(level.parameters()
                .get(ComparisonLevel.COLUMN))) {
            error.accept(at + ".parameters." + ComparisonLevel.COLUMN, "names the comparison's own column; "
                    + "in_other_column looks in a different one");
        }
        if (kind == LevelKind.NAME_SWAP && comparison.columns().size() != 2) {
            error.accept(at + ".kind", "name_swap needs a comparison of exactly 2 columns, this one has "
                    + comparison.columns().size());
        }
    }

    private static String expected(LevelKind kind) {
        return kind.parameters().isEmpty() ? " (it takes none)"
                : " (it takes " + String.join(", ", kind.parameters().stream().map(ParameterSpec::name).toList()) + ")";
    }

    private void order(List<ComparisonLevel> levels) {
        int last = levels.size() - 1;
        for (int i = 0; i < levels.size(); i++) {
            LevelKind kind = levels.get(i).kind();
            if (kind == LevelKind.NULL && i != 0) {
                error.accept(levelPath(i) + ".kind", "null must be the first level");
            }
            if (kind == LevelKind.ELSE && i != last) {
                error.accept(levelPath(i) + ".kind", "else must be the last level");
            }
        }
        if (levels.get(last).kind() != LevelKind.ELSE && levels.get(last).kind() != null) {
            error.accept(path + ".levels", "must end with an else level");
        }
        long deciding = levels.stream()
                .filter(l -> l.kind() != null && l.kind() != LevelKind.NULL && l.kind() != LevelKind.ELSE).count();
        if (deciding == 0) {
            error.accept(path + ".levels", "needs at least one level between null and else");
        }
        if (comparison.termFrequencyAdjustments()
                && levels.stream().noneMatch(l -> l.kind() == LevelKind.EXACT || l.kind() == LevelKind.DATE_EXACT
                        || l.kind() == LevelKind.POSTCODE_FULL)) {
            error.accept(path + ".term_frequency_adjustments",
                    "needs an exact, date_exact or postcode_full level to adjust");
        }
    }

    private boolean probabilities(List<ComparisonLevel> levels) {
        int trained = 0;
        int scoring = 0;
        double mSum = 0;
        double uSum = 0;
        boolean any = false;
        for (int i = 0; i < levels.size(); i++) {
            ComparisonLevel level = levels.get(i);
            String at = levelPath(i);
            boolean hasM = level.mProbability() != null;
            boolean hasU = level.uProbability() != null;
            any |= hasM || hasU;
            if (level.kind() == LevelKind.NULL) {
                if (hasM || hasU) {
                    error.accept(at, "the null level carries no m/u: a missing value is no evidence either way");
                }
                continue;
            }
            scoring++;
            probability(at + ".m_probability", level.mProbability());
            probability(at + ".u_probability", level.uProbability());
            if (hasM != hasU) {
                error.accept(at + (hasM ? ".u_probability" : ".m_probability"), "is missing while "
                        + (hasM ? "m_probability" : "u_probability") + " is present");
            }
            if (hasM && hasU) {
                trained++;
                mSum += level.mProbability();
                uSum += level.uProbability();
            }
        }
        if (trained > 0 && trained < scoring) {
            error.accept(path + ".levels", "only " + trained + " of " + scoring
                    + " levels carry m/u: train all of them or none");
        } else if (trained > 0) {
            sum("m_probability", mSum);
            sum("u_probability", uSum);
        }
        return any;
    }

    private void probability(String at, Double p) {
        if (p != null && !(p > 0 && p <= 1)) {
            error.accept(at, "must be above 0 and at most 1, got " + p);
        }
    }

    private void sum(String field, double sum) {
        if (Math.abs(sum - 1) > ModelValidator.SUM_TOLERANCE) {
            error.accept(path + ".levels", "the " + field + " values of the levels must sum to 1, got " + sum);
        }
    }

    private String levelPath(int i) {
        return path + ".levels[" + i + "]";
    }
}
