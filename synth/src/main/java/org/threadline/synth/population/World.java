package org.threadline.synth.population;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The mutable state of one lineage's simulation, shared by {@link LineageSimulator}, {@link AdultLives} and
 * {@link Childhoods}: who lives where, who is partnered with whom, and the random source.
 */
final class World {
    /** Address numbers reserved per lineage; a lineage that moves more often than this reuses old addresses. */
    static final int ADDRESSES_PER_LINEAGE = 128;

    final Lineage lineage;
    final RandomGenerator random;
    final SimulationSettings settings;
    final int cap;
    final List<Home> homes = new ArrayList<>();
    final Map<Integer, Home> homeOf = new HashMap<>();
    final Map<Integer, Integer> openResidence = new HashMap<>();
    final Map<Integer, Integer> partnershipOf = new HashMap<>();
    /** Bit set of the adversity categories each person experienced as a child (see {@link Childhoods}). */
    final Map<Integer, Integer> aces = new HashMap<>();
    private int addressesUsed;

    World(Lineage lineage, RandomGenerator random, SimulationSettings settings, int cap) {
        this.lineage = lineage;
        this.random = random;
        this.settings = settings;
        this.cap = cap;
    }

    boolean full() {
        return lineage.people.size() >= cap;
    }

    boolean chance(double p) {
        return p > 0 && random.nextDouble() < p;
    }

    /** A day within the year starting {@code yearStart}, before the extract date. */
    /** A Poisson-distributed count (Knuth's method: means here are small). */
    int poisson(double mean) {
        double limit = Math.exp(-mean);
        int k = 0;
        double p = random.nextDouble();
        while (p > limit) {
            k++;
            p *= random.nextDouble();
        }
        return k;
    }

    int dayIn(int yearStart) {
        int end = Math.min(yearStart + 365, settings.asOf());
        return yearStart + random.nextInt(Math.max(1, end - yearStart));
    }

    int acesOf(int person) {
        return Integer.bitCount(aces.getOrDefault(person, 0));
    }

    Person person(int i) {
        return lineage.people.get(i);
    }

    Home home(int person) {
        return homeOf.get(person);
    }

    Partnership partnership(int person) {
        Integer i = partnershipOf.get(person);
        return i == null ? null : lineage.partnerships.get(i);
    }

    int partnerOf(int person) {
        Partnership p = partnership(person);
        return p == null ? -1 : p.other(person);
    }

    /** A new address in the same authority as {@code near} most of the time, else anywhere in the area. */
    Home newHome(int day, String near) {
        String authority = near == null || !chance(Risk.MOVE_WITHIN_AUTHORITY)
                ? settings.randomAuthority(random) : near;
        long address = (long) lineage.index() * ADDRESSES_PER_LINEAGE + addressesUsed++ % ADDRESSES_PER_LINEAGE;
        lineage.addressAuthority.put(address, authority);
        Home home = new Home(homes.size(), address, authority);
        homes.add(home);
        return home;
    }

    void moveInto(int person, Home home, int day) {
        int at = notBeforeLastMove(person, day);
        leaveHome(person, at);
        home.members.add(person);
        homeOf.put(person, home);
        openResidence.put(person, lineage.residences.size());
        lineage.residences.add(new Residence(person, home.id, home.address, at, Day.NONE));
    }

    void leaveHome(int person, int day) {
        Home old = homeOf.remove(person);
        if (old != null) {
            old.members.remove(Integer.valueOf(person));
            int r = openResidence.remove(person);
            Residence open = lineage.residences.get(r);
            int at = Math.max(day, open.from());
            lineage.residences.set(r, new Residence(person, open.household(), open.address(), open.from(), at));
        }
    }

    /**
     * Within a simulated year, things happen on random days and are processed person by person, so a move can be
     * drawn for a day before one already made; residences must still follow each other, so it happens then instead.
     */
    private int notBeforeLastMove(int person, int day) {
        Integer r = openResidence.get(person);
        return r == null ? day : Math.max(day, lineage.residences.get(r).from());
    }

    /** Everyone in a home moves together to a new address. */
    Home moveHousehold(Home from, int day) {
        Home to = newHome(day, from.authority);
        for (int member : List.copyOf(from.members)) {
            moveInto(member, to, day);
        }
        return to;
    }

    void event(EventKind kind, int day, int endDay, long address, List<Involvement> people, int code, double value) {
        lineage.events.add(new LifeEvent(kind, day, endDay, address, people, code, value));
    }

    /** Children under 18 living in the same home as {@code adult} on the day. */
    List<Integer> childrenAtHome(int adult, int day) {
        List<Integer> children = new ArrayList<>();
        Home home = home(adult);
        if (home != null) {
            for (int m : home.members) {
                if (m != adult && person(m).ageOn(day) < 18) {
                    children.add(m);
                }
            }
        }
        return children;
    }

    /** Adults (18+) living with a child: the people whose adversities are the child's household adversities. */
    List<Integer> adultsAtHome(int child, int day) {
        List<Integer> adults = new ArrayList<>();
        Home home = home(child);
        if (home != null) {
            for (int m : home.members) {
                if (m != child && person(m).ageOn(day) >= 18) {
                    adults.add(m);
                }
            }
        }
        return adults;
    }
}
