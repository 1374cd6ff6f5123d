/**
 * PostgreSQL persistence: Flyway migrations, repositories and the embedded PostgreSQL bootstrap. Arrives with the intake issue.
 */
package org.threadline.store;
