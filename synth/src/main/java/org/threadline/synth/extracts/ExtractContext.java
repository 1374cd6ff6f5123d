package org.threadline.synth.extracts;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.threadline.synth.errors.ErrorKind;
import org.threadline.synth.errors.Noise;
import org.threadline.synth.places.Address;
import org.threadline.synth.places.Gazetteer;
import org.threadline.synth.population.Day;
import org.threadline.synth.population.Lineage;
import org.threadline.synth.population.Person;

/**
 * What an agency renderer needs about one lineage: its people and events, their identifiers, the addresses, the
 * noise, and the extract date. Also remembers per-agency facts that must stay consistent across a lineage's rows
 * (a person's duplicate registration, the PNC ID year).
 */
public final class ExtractContext {
    private final Lineage lineage;
    private final long serialOffset;
    private final Keys keys;
    private final Noise noise;
    private final Gazetteer gazetteer;
    private final long seed;
    private final int asOf;
    private final Map<String, Boolean> duplicates = new HashMap<>();
    private final Map<Long, Address> addresses = new HashMap<>();
    private int[] firstArrests;
    /** Scatters a lineage's address numbers over its authority, so that a family's moves are not to next door. */
    private final Permutation spread;
    private final java.util.SplittableRandom random;

    public ExtractContext(Lineage lineage, long serialOffset, Keys keys, Noise noise, Gazetteer gazetteer, long seed,
                          int asOf) {
        this.lineage = lineage;
        this.serialOffset = serialOffset;
        this.keys = keys;
        this.noise = noise;
        this.gazetteer = gazetteer;
        this.seed = seed;
        this.asOf = asOf;
        this.spread = new Permutation(seed, "address-spread", 1L << 31);
        this.random = new java.util.SplittableRandom(Permutation.mix(seed ^ 0x5DEECE66DL) + lineage.index());
    }

    public Lineage lineage() {
        return lineage;
    }

    public Person person(int i) {
        return lineage.person(i);
    }

    public long serial(int person) {
        return serialOffset + person;
    }

    /**
     * The lineage's stream for incidental detail that is not an error (times of day, weapons, reasons), kept apart
     * from the noise so that changing an error rate does not reshuffle the rest.
     */
    public java.util.random.RandomGenerator random() {
        return random;
    }

    /** One of the options, at random. */
    public <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }

    /** The event's key for {@code purpose}, from its number within this lineage. */
    public long eventKey(String purpose, int event) {
        return keys.eventKey(purpose, lineage.index(), event);
    }

    public Keys keys() {
        return keys;
    }

    public Noise noise() {
        return noise;
    }

    public int asOf() {
        return asOf;
    }

    public LocalDate date(int day) {
        return Day.date(day);
    }

    /** The address behind an address number, or null for -1 (no known address). */
    public Address address(long number) {
        if (number < 0) {
            return null;
        }
        return addresses.computeIfAbsent(number,
                n -> gazetteer.addressIn(lineage.authorityOf(n), spread.apply(n), seed));
    }

    /**
     * The address an agency records for a person on a day: usually where they lived, sometimes (at the stale
     * address rate) where they lived before, logged as an error on the row.
     */
    public Address recordedAddress(Row row, int column, int person, int day) {
        long current = lineage.addressOn(person, day);
        if (current >= 0 && noise.happens(ErrorKind.STALE_ADDRESS)) {
            long previous = lineage.previousAddress(person, day);
            if (previous >= 0 && previous != current) {
                Address stale = address(previous);
                noise.logStaleAddress(row, column, address(current).singleLine(), stale.singleLine());
                return stale;
            }
        }
        return address(current);
    }

    /**
     * Whether a person is registered twice in this agency's system (decided once per person and agency). Rows
     * then use the second registration about half the time.
     */
    public boolean duplicated(String agency, int person) {
        return duplicates.computeIfAbsent(agency + ':' + person, k -> noise.happens(ErrorKind.DUPLICATE_RECORD));
    }

    /**
     * Picks which registration (0 or 1) a row uses and, for the second, writes the key into {@code column} and logs
     * the duplicate as an error; returns the key written.
     *
     * @param key the agency's key for a registration number (0 or 1)
     */
    public String registeredKey(Row row, int column, String agency, int person,
                                java.util.function.IntFunction<String> key) {
        boolean second = duplicated(agency, person) && noise.coin(0.5);
        String value = key.apply(second ? 1 : 0);
        if (second) {
            row.logError(new org.threadline.synth.errors.InjectedError(column, ErrorKind.DUPLICATE_RECORD,
                    key.apply(0), value));
        }
        row.set(column, value);
        return value;
    }

    /** The day of a person's first arrest, or {@link Day#NONE}: their PNC record is created then. */
    public int firstArrest(int person) {
        if (firstArrests == null) {
            firstArrests = new int[lineage.people().size()];
            java.util.Arrays.fill(firstArrests, Day.NONE);
            for (var e : lineage.events()) {
                if (e.kind() == org.threadline.synth.population.EventKind.ARREST) {
                    firstArrests[e.subject()] = Math.min(firstArrests[e.subject()], e.day());
                }
            }
        }
        return firstArrests[person];
    }
}
