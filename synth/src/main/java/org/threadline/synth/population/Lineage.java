package org.threadline.synth.population;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A founding couple, their descendants and the partners who joined them, with every residence, partnership and
 * event of their lives up to the extract date. Built by {@link LineageSimulator}; read-only once returned.
 */
public final class Lineage {
    private final int index;
    private final String localAuthority;
    private final double deprivation;
    private final Archetype archetype;
    final List<Person> people = new ArrayList<>();
    final List<Residence> residences = new ArrayList<>();
    final List<Partnership> partnerships = new ArrayList<>();
    final List<LifeEvent> events = new ArrayList<>();
    final java.util.Map<Long, String> addressAuthority = new java.util.HashMap<>();

    Lineage(int index, String localAuthority, double deprivation, Archetype archetype) {
        this.index = index;
        this.localAuthority = localAuthority;
        this.deprivation = deprivation;
        this.archetype = archetype;
    }

    public int index() {
        return index;
    }

    /** The local authority the founders lived in. */
    public String localAuthority() {
        return localAuthority;
    }

    /** 0 (affluent) to 1 (most deprived): raises the chance of every adversity. */
    public double deprivation() {
        return deprivation;
    }

    public Archetype archetype() {
        return archetype;
    }

    public List<Person> people() {
        return Collections.unmodifiableList(people);
    }

    public Person person(int i) {
        return people.get(i);
    }

    public List<Residence> residences() {
        return Collections.unmodifiableList(residences);
    }

    public List<Partnership> partnerships() {
        return Collections.unmodifiableList(partnerships);
    }

    public List<LifeEvent> events() {
        return Collections.unmodifiableList(events);
    }

    /** The local authority an address of this lineage lies in. */
    public String authorityOf(long address) {
        return addressAuthority.get(address);
    }

    /** Where a person lived on a day: the address number, or -1 if the lineage has no residence for them then. */
    public long addressOn(int person, int day) {
        Residence r = residenceOn(person, day);
        return r == null ? -1 : r.address();
    }

    /** The residence covering a day, or null. */
    public Residence residenceOn(int person, int day) {
        for (Residence r : residences) {
            if (r.person() == person && r.covers(day)) {
                return r;
            }
        }
        return null;
    }

    /** The address a person lived at before the one they lived at on {@code day}: what a stale record holds. */
    public long previousAddress(int person, int day) {
        long previous = -1;
        for (Residence r : residences) {
            if (r.person() == person && r.from() <= day) {
                if (r.covers(day)) {
                    return previous;
                }
                previous = r.address();
            }
        }
        return previous;
    }
}
