/**
 * Readers: partner files in, as rows of text cells with their provenance (file, sheet, row), whatever the encoding
 * or delimiter a partner's system produced. A reader never drops a row: a row it cannot make sense of is returned
 * with the problem named, for the load to quarantine.
 */
package org.threadline.intake.read;
