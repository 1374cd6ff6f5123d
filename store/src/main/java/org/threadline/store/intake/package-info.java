/**
 * Intake's tables over JDBC: {@link org.threadline.store.intake.IntakeStore} is the {@code LoadTarget} the intake
 * loader writes to, one transaction per file, with the landed file's SHA-256 unique so the same content lands once.
 */
package org.threadline.store.intake;
