/**
 * Blocking: which record pairs are worth comparing. Each rule groups records by a key (some columns, each maybe
 * transformed: first letters, year of birth, postcode district …); pairs within a group are candidates. Rules are
 * unioned and no pair is produced twice: a pair found by rule k is skipped when an earlier rule already found it,
 * which is decided from the keys alone, without a set of seen pairs.
 */
package org.threadline.linkage.blocking;
