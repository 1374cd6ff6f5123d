/**
 * Records held for linkage as columns: each column dictionary-encoded (every distinct value once, rows as int codes),
 * so that equality is an int comparison, term frequencies are counts, and a million records fit in little memory.
 * Filled by the caller (the CLI reads CSV; the people module reads the store): this module reads no files.
 */
package org.threadline.linkage.data;
