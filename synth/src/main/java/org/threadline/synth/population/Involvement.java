package org.threadline.synth.population;

/** One person's part in an event: their index within the lineage and their role. */
public record Involvement(int person, Role role) {
}
