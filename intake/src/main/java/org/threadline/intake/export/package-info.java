/**
 * Writing partner data back out (quarantined rows for the partner to correct, and later any export): every cell
 * that a spreadsheet would run as a formula is neutralised on the way out, while the store keeps it as received.
 */
package org.threadline.intake.export;
