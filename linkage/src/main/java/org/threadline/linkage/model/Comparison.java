package org.threadline.linkage.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One piece of evidence about a pair: an ordered ladder of levels over one or two columns.
 *
 * @param name                     unique within the model; names the comparison in explanations
 * @param columns                  the compared columns (one, or two for a comparison with a {@link LevelKind#NAME_SWAP}
 *                                 level, e.g. forename and surname)
 * @param termFrequencyAdjustments whether the weight of an exact agreement depends on how common the value is (a
 *                                 shared rare surname counts for more than a shared common one)
 * @param levels                   the ladder: {@link LevelKind#NULL} first (if present), {@link LevelKind#ELSE} last
 */
public record Comparison(String name, List<String> columns, boolean termFrequencyAdjustments,
                         List<ComparisonLevel> levels) {

    public Comparison {
        columns = columns == null ? List.of() : List.copyOf(columns);
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    /** Starts a comparison; its columns default to the one column called {@code name}. */
    public static ComparisonBuilder builder(String name) {
        return new ComparisonBuilder(name);
    }

    /** The level with this label. */
    public Optional<ComparisonLevel> level(String label) {
        return levels.stream().filter(l -> label.equals(l.label())).findFirst();
    }

    /** Whether every level that takes parameters (all but {@link LevelKind#NULL}) has m and u. */
    public boolean isTrained() {
        return levels.stream().allMatch(l -> l.kind() == LevelKind.NULL || l.isTrained());
    }

    /**
     * This comparison with m and u set from {@code byLabel}. Levels absent from the map keep what they had.
     *
     * @throws IllegalArgumentException when a label is not a level of this comparison, or names the null level
     */
    public Comparison withProbabilities(Map<String, LevelProbabilities> byLabel) {
        Set<String> unused = new HashSet<>(byLabel.keySet());
        List<ComparisonLevel> trained = new ArrayList<>(levels.size());
        for (ComparisonLevel level : levels) {
            LevelProbabilities p = byLabel.get(level.label());
            unused.remove(level.label());
            if (p != null && level.kind() == LevelKind.NULL) {
                throw new IllegalArgumentException(
                        "comparison '" + name + "': the null level '" + level.label() + "' takes no m/u");
            }
            trained.add(p == null ? level : level.withProbabilities(p.m(), p.u()));
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("comparison '" + name + "' has no levels " + unused);
        }
        return new Comparison(name, columns, termFrequencyAdjustments, trained);
    }

    /** This comparison with every level's m and u removed. */
    public Comparison withoutProbabilities() {
        return new Comparison(name, columns, termFrequencyAdjustments,
                levels.stream().map(ComparisonLevel::withoutProbabilities).toList());
    }
}
