/**
 * Subject rights and retention in the store: reading everything held about one person with its sources (for a
 * subject access export), and removing source rows together with every copy derived from them (for retention and
 * erasure), audited in the same transaction.
 */
package org.threadline.store.governance;
