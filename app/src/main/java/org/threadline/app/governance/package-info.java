/**
 * Subject rights and retention: the subject access export with its disclosure rules, the retention job driven by
 * the agreements' data items, and erasure of one person, each audited in the transaction that does it.
 */
package org.threadline.app.governance;
