/**
 * People as the linkage engine resolved them, and the ties between them: residences over time, households, and
 * typed relationships, each with its provenance and marked asserted (a source said so) or inferred (a named rule
 * concluded it). A family is the connected group of related people around a child.
 */
package org.threadline.domain.people;
