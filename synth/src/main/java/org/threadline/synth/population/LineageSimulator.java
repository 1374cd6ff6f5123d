package org.threadline.synth.population;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.threadline.synth.names.Heritage;
import org.threadline.synth.names.PersonName;
import org.threadline.synth.names.Sex;

/**
 * Simulates one lineage year by year: the family life (partnerships, births, leaving home, moves, deaths) here,
 * adult adversities in {@link AdultLives}, children's lives in {@link Childhoods}.
 *
 * <p>The result depends only on (seed, index, cap, settings): each lineage draws from its own random stream.
 */
public final class LineageSimulator {
    private final SimulationSettings settings;

    public LineageSimulator(SimulationSettings settings) {
        this.settings = settings;
    }

    /**
     * Simulates lineage {@code index}.
     *
     * @param seed  the population seed
     * @param index the lineage number
     * @param cap   the most people the lineage may hold (the generator's last lineage is cut to the exact total)
     */
    public Lineage simulate(long seed, int index, int cap) {
        SplittableRandom random = new SplittableRandom(mix(seed, index));
        double deprivation = Math.pow(random.nextDouble(), 1.6);
        Archetype archetype = random.nextDouble() < Risk.CRAIG_ARCHETYPE ? Archetype.CRAIG : Archetype.ORDINARY;
        if (archetype == Archetype.CRAIG) {
            deprivation = Math.max(deprivation, 0.75);
        }
        String authority = settings.randomAuthority(random);
        Lineage lineage = new Lineage(index, authority, deprivation, archetype);
        World world = new World(lineage, random, settings, Math.max(1, cap));
        new Run(world).go(authority);
        for (Person p : lineage.people) {
            p.aceMask = world.aces.getOrDefault(p.index(), 0);
        }
        return lineage;
    }

    /** SplitMix-style mixing so neighbouring lineage numbers get unrelated streams. */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** One simulation run over a {@link World}. */
    private static final class Run {
        private final World w;
        private final AdultLives adults;
        private final Childhoods children;

        Run(World world) {
            this.w = world;
            this.adults = new AdultLives(world);
            this.children = new Childhoods(world, adults);
        }

        void go(String authority) {
            Heritage heritage = w.settings.names().heritage(authority, w.random);
            int asOfYear = Day.year(w.settings.asOf());
            int founderYear = 1935 + w.random.nextInt(Math.max(1, asOfYear - 1935 - 40));
            int woman = newPerson(Sex.FEMALE, heritage, randomBirthday(founderYear), -1, -1, 0, null);
            int start = Day.of(founderYear + 18, 1, 1);
            Home first = w.newHome(start, authority);
            w.moveInto(woman, first, start + w.random.nextInt(365 * 4));
            for (int year = founderYear + 18; year <= asOfYear; year++) {
                int yearStart = Day.of(year, 1, 1);
                if (yearStart >= w.settings.asOf()) {
                    break;
                }
                step(yearStart);
            }
        }

        private void step(int yearStart) {
            int count = w.lineage.people.size();
            for (int i = 0; i < count; i++) {
                Person p = w.person(i);
                if (!p.followedOn(yearStart)) {
                    continue;
                }
                int day = w.dayIn(yearStart);
                int age = p.ageOn(day);
                if (w.chance(Risk.death(age, p.inSpell(Adversity.DRUG_MISUSE, day)))) {
                    die(i, day);
                    continue;
                }
                adults.year(i, yearStart);
                children.year(i, yearStart);
                partnering(i, w.dayIn(yearStart));
                if (p.sex() == Sex.FEMALE) {
                    births(i, w.dayIn(yearStart));
                }
                leavingHome(i, w.dayIn(yearStart));
            }
            for (Home home : List.copyOf(w.homes)) {
                if (!home.members.isEmpty()) {
                    moves(home, w.dayIn(yearStart));
                }
            }
        }

        private int newPerson(Sex sex, Heritage heritage, int born, int mother, int father, int generation,
                              String familySurname) {
            PersonName name = w.settings.names().name(heritage, sex, Day.year(born), familySurname, w.random);
            // Parents do not give two of their children the same forename: draw again (a few times) if they would.
            for (int attempt = 0; attempt < 5 && mother >= 0 && siblingHasForename(mother, name.forename()); attempt++) {
                name = w.settings.names().name(heritage, sex, Day.year(born), familySurname, w.random);
            }
            Person p = new Person(w.lineage.people.size(), sex, heritage, born, mother, father, generation, name);
            w.lineage.people.add(p);
            int parentAces = mother >= 0 ? w.acesOf(mother) : w.random.nextInt(3);
            w.aces.put(p.index(), mother >= 0 ? 0 : randomFounderAces());
            p.offendingPropensity = Risk.propensity(parentAces, w.lineage.deprivation(), w.lineage.archetype());
            return p.index();
        }

        private boolean siblingHasForename(int mother, String forename) {
            for (Person p : w.lineage.people) {
                if (p.mother() == mother && p.birthName().forename().equals(forename)) {
                    return true;
                }
            }
            return false;
        }

        /** People who join from outside bring a childhood the simulation did not see: drawn, not simulated. */
        private int randomFounderAces() {
            int aces = 0;
            int count = (int) Math.floor(Math.pow(w.random.nextDouble(), 2.5) * (2 + 6 * w.lineage.deprivation()));
            for (int i = 0; i < count; i++) {
                aces |= 1 << w.random.nextInt(Childhoods.CATEGORIES);
            }
            return aces;
        }

        private int randomBirthday(int year) {
            return Day.of(year, 1, 1) + w.random.nextInt(365);
        }

        private void die(int person, int day) {
            Person p = w.person(person);
            p.die(day);
            Partnership partnership = w.partnership(person);
            if (partnership != null) {
                endPartnership(person, day, false);
            }
            w.leaveHome(person, day);
        }

        private void partnering(int person, int day) {
            Person p = w.person(person);
            int age = p.ageOn(day);
            Partnership current = w.partnership(person);
            if (current != null) {
                boolean married = current.married();
                if (current.first() == person && w.chance(Risk.separation(current.abusive(), married))) {
                    endPartnership(person, day, true);
                } else if (current.first() == person && !married && w.chance(0.08)) {
                    marry(current, day);
                }
                return;
            }
            if (p.leftStory() != Day.NONE || w.full() || w.home(person) == null
                    || !w.chance(Risk.partnershipForms(age))) {
                return;
            }
            Sex sex = p.sex() == Sex.FEMALE ? Sex.MALE : Sex.FEMALE;
            Heritage heritage = w.random.nextDouble() < 0.85 ? p.heritage()
                    : w.settings.names().heritage(w.lineage.localAuthority(), w.random);
            int partnerBorn = p.born() + (sex == Sex.MALE ? 1 : -1) * w.random.nextInt(365 * 5)
                    + w.random.nextInt(365 * 3) - 365;
            int partner = newPerson(sex, heritage, Math.min(partnerBorn, day - 365 * 17), -1, -1,
                    p.generation(), null);
            w.person(partner).joined = true;
            int man = sex == Sex.MALE ? partner : person;
            int woman = man == partner ? person : partner;
            boolean misuse = w.person(man).inSpell(Adversity.DRUG_MISUSE, day);
            int abuser = w.chance(Risk.abusive(w.acesOf(man), w.lineage.deprivation(), misuse))
                    ? (w.chance(0.9) ? man : woman) : -1;
            int index = w.lineage.partnerships.size();
            w.lineage.partnerships.add(new Partnership(person, partner, day, Day.NONE, false, abuser));
            w.partnershipOf.put(person, index);
            w.partnershipOf.put(partner, index);
            if (abuser >= 0) {
                w.person(abuser).startSpell(Adversity.DOMESTIC_ABUSE_PERPETRATOR, day, Day.NONE);
                w.person(abuser == man ? woman : man).startSpell(Adversity.DOMESTIC_ABUSE_VICTIM, day, Day.NONE);
            }
            Home home = w.home(person);
            boolean hasChildren = !w.childrenAtHome(person, day).isEmpty();
            if (hasChildren || home.members.size() == 1) {
                w.moveInto(partner, home, day);
            } else {
                Home together = w.newHome(day, home.authority);
                w.moveInto(person, together, day);
                w.moveInto(partner, together, day);
            }
            if (w.chance(0.35)) {
                marry(w.lineage.partnerships.get(index), day);
            }
        }

        private void marry(Partnership partnership, int day) {
            int index = w.partnershipOf.get(partnership.first());
            w.lineage.partnerships.set(index, new Partnership(partnership.first(), partnership.second(),
                    partnership.from(), partnership.to(), true, partnership.abuser()));
            int wife = w.person(partnership.first()).sex() == Sex.FEMALE ? partnership.first() : partnership.second();
            int husband = partnership.other(wife);
            Person her = w.person(wife);
            String surname = w.settings.names().surnameOnMarriage(her.heritage(), her.surnameOn(day),
                    w.person(husband).surnameOn(day), w.random);
            if (!surname.equals(her.surnameOn(day))) {
                her.changeSurname(day, surname);
            }
        }

        /** Ends the partnership of {@code person}; on separation one partner moves out. */
        void endPartnership(int person, int day, boolean separation) {
            Partnership p = w.partnership(person);
            int index = w.partnershipOf.remove(person);
            int other = p.other(person);
            w.partnershipOf.remove(other);
            w.lineage.partnerships.set(index, p.endedOn(day));
            if (p.abusive()) {
                for (int member : new int[] {p.first(), p.second()}) {
                    w.person(member).endOpenSpells(day, Adversity.DOMESTIC_ABUSE_PERPETRATOR,
                            Adversity.DOMESTIC_ABUSE_VICTIM);
                }
            }
            if (!separation) {
                return;
            }
            children.parentsSeparated(p, day);
            // The man moves out; one who joined from outside leaves the story (nobody follows his later life).
            int man = w.person(p.first()).sex() == Sex.MALE ? p.first() : p.second();
            if (w.person(man).joined) {
                w.leaveHome(man, day);
                w.person(man).leaveStory(day);
            } else {
                Home home = w.home(man);
                w.moveInto(man, w.newHome(day, home == null ? w.lineage.localAuthority() : home.authority), day);
            }
            // Only then may a victim flee with the children: the abuser is no longer in the household that moves.
            adults.separated(p, day);
        }

        private void births(int mother, int day) {
            Person m = w.person(mother);
            if (w.full() || w.home(mother) == null) {
                return;
            }
            int age = m.ageOn(day);
            Partnership partnership = w.partnership(mother);
            long existing = w.lineage.people.stream().filter(c -> c.mother() == mother).count();
            if (!w.chance(Risk.birth(age, partnership != null, (int) existing, w.lineage.deprivation(),
                    w.acesOf(mother)))) {
                return;
            }
            int father = partnership == null ? -1 : partnership.other(mother);
            String surname = father >= 0 && (partnership.married() || w.chance(0.6))
                    ? w.person(father).surnameOn(day) : m.surnameOn(day);
            int twins = w.chance(Risk.TWINS) ? 2 : 1;
            for (int t = 0; t < twins && !w.full(); t++) {
                Sex sex = w.random.nextBoolean() ? Sex.FEMALE : Sex.MALE;
                int child = newPerson(sex, m.heritage(), day, mother, father, m.generation() + 1, surname);
                w.person(child).twin = twins == 2;
                w.moveInto(child, w.home(mother), day);
                children.born(child, mother, day);
            }
        }

        private void leavingHome(int person, int day) {
            Person p = w.person(person);
            Home home = w.home(person);
            if (home == null || p.mother() < 0 && p.generation() == 0 || w.partnership(person) != null) {
                return;
            }
            boolean withParent = home.members.contains(p.mother()) || home.members.contains(p.father());
            if (withParent && w.chance(Risk.leaveHome(p.ageOn(day)))) {
                w.moveInto(person, w.newHome(day, home.authority), day);
            }
        }

        private void moves(Home home, int day) {
            int adversities = 0;
            for (int m : home.members) {
                adversities += adults.activeAdversities(m, day);
            }
            if (w.chance(Risk.move(w.lineage.deprivation(), Math.min(3, adversities), w.lineage.archetype()))) {
                w.moveHousehold(home, day);
            }
        }
    }
}
