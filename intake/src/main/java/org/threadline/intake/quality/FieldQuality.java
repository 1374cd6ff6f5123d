package org.threadline.intake.quality;

import java.util.Map;

/**
 * One field's quality in one load.
 *
 * @param field        the canonical field ({@code date_of_birth}, {@code mother.surname}, {@code attribute.X})
 * @param rows         rows that carry the field
 * @param ok           rows standardised without remark
 * @param flagged      rows standardised with a remark (an ambiguous date, a pseudo-postcode)
 * @param missing      rows where it is blank or a placeholder
 * @param invalid      rows where it is present but impossible or failing its check
 * @param completeness share of rows where it is not missing
 * @param validity     share of present values that are OK or flagged
 * @param reasons      the commonest reasons it was not OK, with counts (at most five)
 */
public record FieldQuality(String field, long rows, long ok, long flagged, long missing, long invalid,
                           double completeness, double validity, Map<String, Long> reasons) {
}
