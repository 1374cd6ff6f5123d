package org.threadline.intake.standardise;

/**
 * A postcode as standardised, with the coarser geographies linkage and analysis compare on.
 *
 * @param raw      the value as received
 * @param postcode normalised ("B23 6TH"), or the input upper-cased when invalid
 * @param sector   "B23 6", or empty
 * @param district "B23", or empty
 * @param area     "B", or empty
 * @param outcome  OK; FLAGGED for an NHS pseudo-postcode (its meaning in {@code reason}); MISSING; INVALID
 * @param reason   why it is not OK, or empty
 */
public record StandardisedPostcode(String raw, String postcode, String sector, String district, String area,
                                   Outcome outcome, String reason) {
}
