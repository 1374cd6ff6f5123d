/**
 * PostgreSQL persistence of indicator results (latest per subject, rulebook and indicator, with evidence as JSON)
 * and alerts with their append-only lifecycle steps (migration V4).
 */
package org.threadline.store.indicators;
