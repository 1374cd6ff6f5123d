/**
 * PostgreSQL persistence: the {@link org.threadline.store.Database} (a configured server, or embedded PostgreSQL whose
 * data survives restarts), the Flyway migrations under {@code db/migration}, and the JDBC writers behind the
 * interfaces other modules define (intake's {@code LoadTarget}). PostgreSQL is the one database: the SQL here is
 * PostgreSQL's and nothing else's.
 */
package org.threadline.store;
