package org.threadline.synth.population;

import java.util.ArrayList;
import java.util.List;
import org.threadline.synth.names.Heritage;
import org.threadline.synth.names.PersonName;
import org.threadline.synth.names.Sex;

/**
 * One simulated person: who they truly are, and the spells of adversity they live through. Mutable only while
 * their lineage is being simulated.
 */
public final class Person {
    private final int index;
    private final Sex sex;
    private final Heritage heritage;
    private final int born;
    private final int mother;
    private final int father;
    private final int generation;
    private final PersonName birthName;
    private final List<NameChange> nameChanges = new ArrayList<>();
    private final List<Spell> spells = new ArrayList<>();
    private int died = Day.NONE;
    private int leftStory = Day.NONE;
    /** How strongly this person tends to offend, fixed at birth from their childhood circumstances. */
    double offendingPropensity;
    /** Whether this person joined the lineage as a partner (rather than being born into it or founding it). */
    boolean joined;
    /** The adversity categories lived through as a child (bit set, see {@code Childhoods}). */
    int aceMask;
    /** Whether this person is a twin (shares mother and birthday with a sibling). */
    boolean twin;

    Person(int index, Sex sex, Heritage heritage, int born, int mother, int father, int generation,
           PersonName birthName) {
        this.index = index;
        this.sex = sex;
        this.heritage = heritage;
        this.born = born;
        this.mother = mother;
        this.father = father;
        this.generation = generation;
        this.birthName = birthName;
    }

    /** A change of surname, e.g. on marriage. */
    public record NameChange(int day, String surname) {
    }

    public int index() {
        return index;
    }

    public Sex sex() {
        return sex;
    }

    public Heritage heritage() {
        return heritage;
    }

    public int born() {
        return born;
    }

    /** Index of the mother within the lineage, or -1 when she is not part of it. */
    public int mother() {
        return mother;
    }

    /** Index of the father within the lineage, or -1 when unknown or not part of it. */
    public int father() {
        return father;
    }

    /** 0 for founders and the partners who join them, 1 for their children, and so on. */
    public int generation() {
        return generation;
    }

    public PersonName birthName() {
        return birthName;
    }

    /** The surname in use on a day (after any changes up to that day). */
    public String surnameOn(int day) {
        String surname = birthName.surname();
        for (NameChange change : nameChanges) {
            if (change.day() <= day) {
                surname = change.surname();
            }
        }
        return surname;
    }

    public List<NameChange> nameChanges() {
        return List.copyOf(nameChanges);
    }

    void changeSurname(int day, String surname) {
        nameChanges.add(new NameChange(day, surname));
    }

    public int died() {
        return died;
    }

    void die(int day) {
        died = day;
        closeSpells(day);
    }

    /** The day the simulation stopped following this person (a partner who left), or {@link Day#NONE}. */
    public int leftStory() {
        return leftStory;
    }

    void leaveStory(int day) {
        leftStory = day;
    }

    public boolean aliveOn(int day) {
        return day >= born && day < died;
    }

    /** Alive and still followed by the simulation on {@code day}. */
    boolean followedOn(int day) {
        return aliveOn(day) && day < leftStory;
    }

    public int ageOn(int day) {
        return Day.age(born, day);
    }

    public List<Spell> spells() {
        return List.copyOf(spells);
    }

    void startSpell(Adversity kind, int from, int to) {
        spells.add(new Spell(kind, from, to));
    }

    public boolean inSpell(Adversity kind, int day) {
        for (Spell s : spells) {
            if (s.kind() == kind && s.covers(day)) {
                return true;
            }
        }
        return false;
    }

    public boolean hadSpell(Adversity kind, int from, int to) {
        for (Spell s : spells) {
            if (s.kind() == kind && s.overlaps(from, to)) {
                return true;
            }
        }
        return false;
    }

    /** Ends the open spells of the given kinds on {@code day}. */
    void endOpenSpells(int day, Adversity... kinds) {
        for (int i = 0; i < spells.size(); i++) {
            Spell s = spells.get(i);
            for (Adversity kind : kinds) {
                if (s.kind() == kind && s.to() > day && s.from() <= day) {
                    spells.set(i, new Spell(kind, s.from(), day));
                }
            }
        }
    }

    public boolean joined() {
        return joined;
    }

    /** The names of the adversity categories this person lived through as a child. */
    public java.util.List<String> childhoodAdversities() {
        return Childhoods.categoryNames(aceMask);
    }

    public boolean twin() {
        return twin;
    }

    private void closeSpells(int day) {
        for (int i = 0; i < spells.size(); i++) {
            Spell s = spells.get(i);
            if (s.to() > day && s.from() <= day) {
                spells.set(i, new Spell(s.kind(), s.from(), day));
            }
        }
    }
}
