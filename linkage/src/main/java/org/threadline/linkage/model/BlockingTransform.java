package org.threadline.linkage.model;

/**
 * How a blocking key derives its value from a column before values are compared for equality. A record whose derived
 * value is null or blank is not a candidate under the rule. Each transform is described in {@code docs/linkage-model.md}.
 */
public enum BlockingTransform {
    /** The value itself. */
    NONE,
    /** The first character (values shorter than that are used whole). */
    FIRST_1,
    /** The first three characters. */
    FIRST_3,
    /** The first five characters. */
    FIRST_5,
    /** The year of an ISO date ({@code 1984-03-07} gives {@code 1984}). */
    YEAR,
    /** The year and month of an ISO date ({@code 1984-03}). */
    YEAR_MONTH,
    /** The month and day of an ISO date ({@code 03-07}): blocks together records whose year of birth is wrong. */
    MONTH_DAY,
    /** The outward code of a UK postcode ({@code SW1A 1AA} gives {@code SW1A}). */
    POSTCODE_DISTRICT,
    /** The outward code and the first digit of the inward code ({@code SW1A 1}). */
    POSTCODE_SECTOR,
    /** The primary Double Metaphone code: names that sound alike block together. */
    DOUBLE_METAPHONE,
    /** The digits of the value in ascending order: an identifier with two digits swapped blocks with the correct one. */
    SORTED_DIGITS;

    /** The name used in the JSON document, e.g. {@code postcode_district}. */
    public String jsonName() {
        return JsonNames.of(this);
    }
}
