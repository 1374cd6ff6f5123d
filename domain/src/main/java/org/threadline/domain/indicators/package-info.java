/**
 * Transparent vulnerability indicators (issue #6). A rulebook is versioned YAML under {@code config/rules/}: named
 * signals (which events, of whom, with which facts, in which window, how many) and indicators built from them, each
 * with its framework, source, subject and review date. {@link org.threadline.domain.indicators.RuleEngine} compiles a
 * rulebook once and evaluates it for a person and their family: every indicator comes back MET, NOT_MET or
 * INSUFFICIENT_DATA, and a MET one always carries its evidence (the events, so the source rows, agencies and dates,
 * and the clause each satisfied). There is no weighting and no score: a flag is a published rule that held.
 */
package org.threadline.domain.indicators;
