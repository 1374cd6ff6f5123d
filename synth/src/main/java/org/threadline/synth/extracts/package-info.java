/**
 * Renders what each agency would hold about a lineage, in that agency's own conventions: its columns, its name
 * order and case, its date formats, its identifiers and code lists, its own record keys, and only what it would
 * know. Errors are injected through {@link org.threadline.synth.errors.Noise} and logged; the person each row is
 * about is kept beside the row for the truth, never in it.
 */
package org.threadline.synth.extracts;
