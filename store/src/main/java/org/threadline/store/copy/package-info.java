/**
 * Bulk writes with PostgreSQL's COPY: rows gathered in its CSV form ({@link org.threadline.store.copy.CopyBuffer})
 * and sent a batch at a time from a thread of their own ({@link org.threadline.store.copy.CopySender}). Used where
 * millions of rows go in at once: intake's landed rows and a people build's records and events.
 */
package org.threadline.store.copy;
