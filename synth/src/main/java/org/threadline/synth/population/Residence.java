package org.threadline.synth.population;

/**
 * A person living in a household at an address from {@code from} until {@code to} (exclusive; {@link Day#NONE}
 * while they still live there).
 */
public record Residence(int person, int household, long address, int from, int to) {
    public boolean covers(int day) {
        return day >= from && day < to;
    }
}
