/**
 * PostgreSQL persistence of people: the source rows linkage reads, the persons and records of each build, human
 * review decisions (append-only), and the chronology events, relationships and residences built on them.
 */
package org.threadline.store.people;
