package org.threadline.linkage.model;

import java.util.List;

/**
 * The vocabulary of comparison levels: what a level tests, and the parameters it needs. This package owns the
 * vocabulary; the comparison engine implements each kind. Every kind is described for model authors in
 * {@code docs/linkage-model.md}.
 *
 * <p>A level of a two-column comparison (other than {@link #NAME_SWAP}) holds when it holds on each column.
 */
public enum LevelKind {
    /** Either value is null or blank. Must be the first level; it carries no m/u and scores 0. */
    NULL,
    /** The values are equal. */
    EXACT,
    /** Jaro-Winkler similarity of the values is at least {@code threshold} (0..1). */
    JARO_WINKLER(ParameterSpec.decimal(ComparisonLevel.THRESHOLD, 0.0, 1.0)),
    /** Damerau-Levenshtein distance of the values is at most {@code max_distance} (≥ 1). */
    DAMERAU_LEVENSHTEIN(ParameterSpec.whole(ComparisonLevel.MAX_DISTANCE, 1)),
    /** The values share a Double Metaphone code (primary or alternate). */
    DOUBLE_METAPHONE,
    /** The names are the same person's name under the alias table {@code alias_table} (e.g. William and Bill). */
    FAMILIAR_NAME(ParameterSpec.text(ComparisonLevel.ALIAS_TABLE)),
    /**
     * The value was recorded in another column of the other record: this record's value is at least
     * {@code threshold} Jaro-Winkler-similar (1 = equal, ignoring case) to the other record's {@code column}, either
     * way round. A surname written as the forename, or forename and surname swapped, still counts as evidence on
     * each comparison that has this level. One column.
     */
    IN_OTHER_COLUMN(ParameterSpec.text(ComparisonLevel.COLUMN), ParameterSpec.decimal(ComparisonLevel.THRESHOLD, 0.0,
            1.0)),
    /** First and second column swapped: left first = right second and left second = right first. Two columns. */
    NAME_SWAP,
    /** The ISO dates are equal. */
    DATE_EXACT,
    /** The dates are equal once day and month of one of them are exchanged (07-03 against 03-07). */
    DATE_DAY_MONTH_TRANSPOSED,
    /** The dates are at most {@code days} days apart (≥ 1). */
    DATE_WITHIN_DAYS(ParameterSpec.whole(ComparisonLevel.DAYS, 1)),
    /** The dates fall in the same year. */
    DATE_SAME_YEAR,
    /** The postcodes are equal once spacing and case are normalised. */
    POSTCODE_FULL,
    /** The postcodes share outward code and first inward digit ({@code SW1A 1}). */
    POSTCODE_SECTOR,
    /** The postcodes share the outward code ({@code SW1A}). */
    POSTCODE_DISTRICT,
    /** The postcodes share the leading letters ({@code SW}). */
    POSTCODE_AREA,
    /** Both identifiers pass {@code validator} and are equal. */
    IDENTIFIER_BOTH_VALID_EQUAL(ParameterSpec.choice(ComparisonLevel.VALIDATOR, IdentifierValidator.class)),
    /** Both identifiers pass {@code validator} and differ: strong evidence of different people. */
    IDENTIFIER_BOTH_VALID_DIFFERENT(ParameterSpec.choice(ComparisonLevel.VALIDATOR, IdentifierValidator.class)),
    /** Multi-valued columns (values separated by {@code |}) share at least {@code min} values (≥ 1). */
    ARRAY_OVERLAP(ParameterSpec.whole(ComparisonLevel.MIN, 1)),
    /** Every pair no earlier level took. Must be the last level. */
    ELSE;

    private final List<ParameterSpec> parameters;

    LevelKind(ParameterSpec... parameters) {
        this.parameters = List.of(parameters);
    }

    /** The parameters this kind requires, all of them and no others. */
    public List<ParameterSpec> parameters() {
        return parameters;
    }

    /** The name used in the JSON document, e.g. {@code jaro_winkler}. */
    public String jsonName() {
        return JsonNames.of(this);
    }
}
