package org.threadline.linkage.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Comparison} level by level, with labels that say what each level does:
 * <pre>{@code
 * Comparison.builder("forename").nullLevel().exact().jaroWinkler(0.92).jaroWinkler(0.8).elseLevel().build();
 * }</pre>
 * Labels must be unique in a comparison; use {@link #level(String, LevelKind, Map)} to choose one yourself.
 * {@link #build()} does not validate: the model's validator reports every problem with its path.
 */
public final class ComparisonBuilder {
    private final String name;
    private final List<String> columns = new ArrayList<>();
    private boolean termFrequencyAdjustments;
    private final List<ComparisonLevel> levels = new ArrayList<>();

    ComparisonBuilder(String name) {
        this.name = name;
    }

    /** The compared columns (one, or two for a name-swap level); defaults to the comparison's name. */
    public ComparisonBuilder columns(String... names) {
        columns.clear();
        columns.addAll(List.of(names));
        return this;
    }

    /** Exact agreements are weighted by how rare the value is. */
    public ComparisonBuilder termFrequencyAdjustments() {
        this.termFrequencyAdjustments = true;
        return this;
    }

    public ComparisonBuilder nullLevel() {
        return level("null", LevelKind.NULL, Map.of());
    }

    public ComparisonBuilder exact() {
        return level("exact", LevelKind.EXACT, Map.of());
    }

    public ComparisonBuilder jaroWinkler(double threshold) {
        return level("jaro_winkler >= " + threshold, LevelKind.JARO_WINKLER,
                Map.of(ComparisonLevel.THRESHOLD, threshold));
    }

    public ComparisonBuilder damerauLevenshtein(int maxDistance) {
        return level("damerau_levenshtein <= " + maxDistance, LevelKind.DAMERAU_LEVENSHTEIN,
                Map.of(ComparisonLevel.MAX_DISTANCE, maxDistance));
    }

    public ComparisonBuilder doubleMetaphone() {
        return level("double_metaphone", LevelKind.DOUBLE_METAPHONE, Map.of());
    }

    /** A level for a value recorded in the other record's {@code column} (see {@link LevelKind#IN_OTHER_COLUMN}). */
    public ComparisonBuilder inOtherColumn(String column, double threshold) {
        return level("in " + column + (threshold < 1 ? " >= " + threshold : ""), LevelKind.IN_OTHER_COLUMN,
                Map.of(ComparisonLevel.COLUMN, column, ComparisonLevel.THRESHOLD, threshold));
    }

    public ComparisonBuilder familiarName(String aliasTable) {
        return level("familiar_name", LevelKind.FAMILIAR_NAME, Map.of(ComparisonLevel.ALIAS_TABLE, aliasTable));
    }

    public ComparisonBuilder nameSwap() {
        return level("name_swap", LevelKind.NAME_SWAP, Map.of());
    }

    public ComparisonBuilder dateExact() {
        return level("date_exact", LevelKind.DATE_EXACT, Map.of());
    }

    public ComparisonBuilder dateDayMonthTransposed() {
        return level("day_month_transposed", LevelKind.DATE_DAY_MONTH_TRANSPOSED, Map.of());
    }

    public ComparisonBuilder dateWithinDays(int days) {
        return level("within " + days + " days", LevelKind.DATE_WITHIN_DAYS, Map.of(ComparisonLevel.DAYS, days));
    }

    public ComparisonBuilder dateSameYear() {
        return level("same_year", LevelKind.DATE_SAME_YEAR, Map.of());
    }

    public ComparisonBuilder postcodeFull() {
        return level("postcode_full", LevelKind.POSTCODE_FULL, Map.of());
    }

    public ComparisonBuilder postcodeSector() {
        return level("postcode_sector", LevelKind.POSTCODE_SECTOR, Map.of());
    }

    public ComparisonBuilder postcodeDistrict() {
        return level("postcode_district", LevelKind.POSTCODE_DISTRICT, Map.of());
    }

    public ComparisonBuilder postcodeArea() {
        return level("postcode_area", LevelKind.POSTCODE_AREA, Map.of());
    }

    public ComparisonBuilder identifierBothValidEqual(IdentifierValidator validator) {
        return level("valid_equal", LevelKind.IDENTIFIER_BOTH_VALID_EQUAL,
                Map.of(ComparisonLevel.VALIDATOR, validator.jsonName()));
    }

    public ComparisonBuilder identifierBothValidDifferent(IdentifierValidator validator) {
        return level("valid_different", LevelKind.IDENTIFIER_BOTH_VALID_DIFFERENT,
                Map.of(ComparisonLevel.VALIDATOR, validator.jsonName()));
    }

    public ComparisonBuilder arrayOverlap(int min) {
        return level("overlap >= " + min, LevelKind.ARRAY_OVERLAP, Map.of(ComparisonLevel.MIN, min));
    }

    public ComparisonBuilder elseLevel() {
        return level("else", LevelKind.ELSE, Map.of());
    }

    /** Any level, labelled as you choose. */
    public ComparisonBuilder level(String label, LevelKind kind, Map<String, ?> parameters) {
        levels.add(ComparisonLevel.of(label, kind, parameters));
        return this;
    }

    /** Relabels the level added last. */
    public ComparisonBuilder labelled(String label) {
        ComparisonLevel last = levels.remove(levels.size() - 1);
        levels.add(new ComparisonLevel(label, last.kind(), last.parameters(), last.mProbability(),
                last.uProbability()));
        return this;
    }

    public Comparison build() {
        return new Comparison(name, columns.isEmpty() ? List.of(name) : columns, termFrequencyAdjustments, levels);
    }
}
