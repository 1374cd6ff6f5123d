package org.threadline.synth.population;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What the simulation needs to know about the world outside one lineage.
 *
 * @param asOf        the extract date (epoch day): nothing happens on or after it
 * @param recordsFrom the earliest day any agency's extract reaches back to; routine contacts (illness visits, school
 *                    years, health visits) are only simulated from then on, because nothing would show them
 * @param names       names and heritage
 */
public record SimulationSettings(int asOf, int recordsFrom, NameSource names) {

    /** The seven metropolitan boroughs of the fictional area, with rough population weights. */
    public static final List<String> AUTHORITIES = List.of(
            "Birmingham", "Coventry", "Dudley", "Sandwell", "Solihull", "Walsall", "Wolverhampton");
    private static final double[] WEIGHTS = {1.14, 0.35, 0.32, 0.34, 0.22, 0.28, 0.26};

    String randomAuthority(RandomGenerator random) {
        double total = 0;
        for (double w : WEIGHTS) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < WEIGHTS.length; i++) {
            x -= WEIGHTS[i];
            if (x < 0) {
                return AUTHORITIES.get(i);
            }
        }
        return AUTHORITIES.get(0);
    }
}
