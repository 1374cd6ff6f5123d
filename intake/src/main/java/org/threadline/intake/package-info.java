/**
 * Partner files in: source definitions as data, readers, standardisers and data-quality scorecards. Framework-free.
 */
package org.threadline.intake;
