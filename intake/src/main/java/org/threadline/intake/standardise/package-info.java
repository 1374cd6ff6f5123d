/**
 * Standardisers: each turns one raw field value, as an agency recorded it, into our canonical form and says what it
 * found (missing, invalid, flagged, with the reason), never silently guessing and never throwing away the raw value.
 * Each is tested against a table of cases in {@code src/test/resources/org/threadline/intake/standardise/}.
 */
package org.threadline.intake.standardise;
