/**
 * Loading a partner file: read it, standardise every row per its source definition, and hand the raw rows, their
 * standardised forms and the quarantined rows to a {@link org.threadline.intake.load.LoadTarget} in one unit of work.
 * The target (the store module implements it over JDBC) makes that unit atomic and refuses content it already holds,
 * so loads are all-or-nothing and idempotent. This package knows nothing of databases or frameworks.
 */
package org.threadline.intake.load;
