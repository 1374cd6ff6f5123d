/**
 * Where a person stands on the continuum of need (levels 1 to 4), which the agreements' narrowing rules read: a
 * versioned rule ({@code config/governance/level-of-need.yaml}) names the indicators of a rulebook that place a person
 * at each level, and {@link org.threadline.domain.governance.need.LevelOfNeedRule#assess} reads a stored evaluation
 * into a level with its reason and evidence, or into "unknown" (which narrows) whenever the evaluation cannot say.
 * See ADR 0036.
 */
package org.threadline.domain.governance.need;
