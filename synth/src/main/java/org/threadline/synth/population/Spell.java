package org.threadline.synth.population;

/** A period of one adversity: {@code [from, to)} in epoch days, {@code to == Day.NONE} while it lasts. */
public record Spell(Adversity kind, int from, int to) {
    public boolean covers(int day) {
        return day >= from && day < to;
    }

    public boolean overlaps(int start, int end) {
        return from < end && start < to;
    }
}
