package org.threadline.synth.population;

/**
 * Two people living as a couple from {@code from} until {@code to}; {@code abuser} is the index of the person who
 * is abusive in it, or -1.
 */
public record Partnership(int first, int second, int from, int to, boolean married, int abuser) {
    public boolean abusive() {
        return abuser >= 0;
    }

    public int other(int person) {
        return person == first ? second : first;
    }

    Partnership endedOn(int day) {
        return new Partnership(first, second, from, day, married, abuser);
    }
}
