package org.threadline.synth.population;

/**
 * The story a lineage is drawn from. Most are ordinary; a few carry the seed story's pattern ("Craig": a boy moved
 * many times, known to police, schools and social care from a young age, involved in serious violence at 15) so
 * that the whole chain is present in every population of a few thousand people or more.
 */
public enum Archetype {
    ORDINARY, CRAIG
}
