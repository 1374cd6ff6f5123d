/**
 * The domain model: people, households, chronology, indicators and governance. Framework-free; time and randomness are injected.
 */
package org.threadline.domain;
