/**
 * Readers: partner files in (CSV, XLSX, JSON lines, FHIR R4 Bundles), as a header and rows of text cells with their
 * provenance (file, sheet or resource, row), whatever the encoding or delimiter a partner's system produced. A reader
 * never drops a row: a row it cannot make sense of, or one past the {@link org.threadline.intake.read.RowLimits}, is
 * returned with the problem named, for the load to quarantine; a file that is hostile as a whole (a zip bomb, a row
 * that never ends) is refused with a message naming it.
 */
package org.threadline.intake.read;
