/**
 * The simulated truth: families over time. One {@link org.threadline.synth.population.Lineage} is a founding couple
 * and their descendants with the partners who join them, simulated year by year from the founders' adulthood to the
 * extract date: partnerships forming and ending, births (including to teenage mothers), moves, deaths, and the
 * adversities (domestic abuse, substance misuse, mental ill health, imprisonment, neglect, poverty) whose presence in
 * a child's household raises the chance of the downstream signals agencies see (absence, exclusion, missing
 * episodes, early offending, exploitation, assault injuries, care).
 *
 * <p>A lineage is a pure function of (seed, lineage index, size cap): that is what lets the generator run lineages
 * on every core and still write byte-identical output. Nothing here knows how an agency records anything; the
 * {@code extracts} package renders what each agency would hold.
 */
package org.threadline.synth.population;
