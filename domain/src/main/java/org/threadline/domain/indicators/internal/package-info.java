/**
 * How the indicators feature works inside: YAML parsing and validation, the compiled form of a rulebook, the
 * per-evaluation indexes of a family's events and relationships, and clause evaluation. Not an API.
 */
package org.threadline.domain.indicators.internal;
