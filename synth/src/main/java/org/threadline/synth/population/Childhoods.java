package org.threadline.synth.population;

import java.util.ArrayList;
import java.util.List;

/**
 * Children's lives: the adversities of their household (counted as ACE-like categories), neglect, social care
 * referrals and care, school years with their absence, exclusions, missing episodes and exploitation. The more
 * categories a child has lived through, the likelier each downstream signal.
 */
final class Childhoods {
    static final int DOMESTIC_ABUSE = 0;
    static final int SUBSTANCE_MISUSE = 1;
    static final int MENTAL_ILL_HEALTH = 2;
    static final int IMPRISONMENT = 3;
    static final int SEPARATION = 4;
    static final int NEGLECT = 5;
    static final int ABUSE = 6;
    static final int HOMELESSNESS = 7;
    static final int CATEGORIES = 8;

    /** Health visitor contacts: days from birth (negative: antenatal). */
    private static final int[] VISITS = {-90, 12, 45, 365, 820};

    private final World w;
    private final AdultLives adults;

    Childhoods(World world, AdultLives adults) {
        this.w = world;
        this.adults = adults;
    }

    void born(int child, int mother, int day) {
        for (int k = 0; k < VISITS.length; k++) {
            int visit = day + VISITS[k] + w.random.nextInt(10);
            if (visit >= w.settings.recordsFrom() && visit < w.settings.asOf()) {
                Person m = w.person(mother);
                int concerns = (m.inSpell(Adversity.MENTAL_ILL_HEALTH, visit) ? 1 : 0)
                        | (m.inSpell(Adversity.DOMESTIC_ABUSE_VICTIM, visit) ? 2 : 0)
                        | (m.inSpell(Adversity.DRUG_MISUSE, visit) || m.inSpell(Adversity.ALCOHOL_MISUSE, visit) ? 4 : 0);
                w.event(EventKind.HEALTH_VISITOR_CONTACT, visit, visit, w.home(mother).address,
                        List.of(new Involvement(child, Role.SUBJECT), new Involvement(mother, Role.MOTHER)), k,
                        concerns);
            }
        }
    }

    void parentsSeparated(Partnership p, int day) {
        for (Person c : w.lineage.people) {
            boolean theirs = c.mother() == p.first() || c.mother() == p.second();
            if (theirs && c.aliveOn(day) && c.ageOn(day) < 18) {
                mark(c.index(), SEPARATION);
            }
        }
    }

    void year(int i, int yearStart) {
        Person child = w.person(i);
        int day = w.dayIn(yearStart);
        int age = child.ageOn(day);
        if (age >= 18) {
            if (child.inSpell(Adversity.LOOKED_AFTER, day)) {
                leaveCare(i, child.born() + 365 * 18 + 5);
            }
            return;
        }
        int active = householdAdversities(i, day);
        boolean lookedAfter = child.inSpell(Adversity.LOOKED_AFTER, day);
        if (!lookedAfter && age < 16 && !child.inSpell(Adversity.NEGLECTED, day)
                && w.chance(Risk.neglectOnset(active, w.lineage.deprivation()))) {
            child.startSpell(Adversity.NEGLECTED, day, day + 365 + w.random.nextInt(900));
            mark(i, NEGLECT);
        }
        boolean neglected = child.inSpell(Adversity.NEGLECTED, day);
        if (!lookedAfter && w.chance(Risk.referral(active + policeNotifications(i, yearStart), neglected))) {
            referral(i, w.dayIn(yearStart), active, neglected);
        }
        if (lookedAfter) {
            inCare(i, yearStart);
        }
        school(i, yearStart);
        risks(i, yearStart, age, lookedAfter);
    }

    private void mark(int child, int category) {
        w.aces.merge(child, 1 << category, (a, b) -> a | b);
    }

    /** Adversities live in the child's household today; each is also remembered as an ACE category. */
    private int householdAdversities(int child, int day) {
        int active = 0;
        for (int adult : w.adultsAtHome(child, day)) {
            Person a = w.person(adult);
            if (a.inSpell(Adversity.DOMESTIC_ABUSE_VICTIM, day) || a.inSpell(Adversity.DOMESTIC_ABUSE_PERPETRATOR, day)) {
                mark(child, DOMESTIC_ABUSE);
                active++;
            }
            if (a.inSpell(Adversity.DRUG_MISUSE, day) || a.inSpell(Adversity.ALCOHOL_MISUSE, day)) {
                mark(child, SUBSTANCE_MISUSE);
                active++;
            }
            if (a.inSpell(Adversity.MENTAL_ILL_HEALTH, day)) {
                mark(child, MENTAL_ILL_HEALTH);
                active++;
            }
            if (a.inSpell(Adversity.HOMELESSNESS, day)) {
                mark(child, HOMELESSNESS);
            }
        }
        Person c = w.person(child);
        for (int parent : new int[] {c.mother(), c.father()}) {
            if (parent >= 0 && w.person(parent).inSpell(Adversity.IMPRISONMENT, day)) {
                mark(child, IMPRISONMENT);
                active++;
            }
        }
        return active;
    }

    /** Domestic abuse incidents this year at which the child was present: police notify social care. */
    private int policeNotifications(int child, int yearStart) {
        int n = 0;
        for (int k = w.lineage.events.size() - 1; k >= 0; k--) {
            LifeEvent e = w.lineage.events.get(k);
            if (e.day() < yearStart) {
                break;
            }
            if (e.kind() == EventKind.DOMESTIC_ABUSE_INCIDENT && involves(e, child)
                    && w.chance(Risk.POLICE_REFER_DA_CHILD)) {
                n++;
            }
        }
        return n;
    }

    private static boolean involves(LifeEvent e, int person) {
        for (Involvement v : e.people()) {
            if (v.person() == person) {
                return true;
            }
        }
        return false;
    }

    private void referral(int child, int day, int active, boolean neglected) {
        double severity = active + (neglected ? 2 : 0) + w.random.nextDouble() * 2
                + (w.lineage.archetype() == Archetype.CRAIG ? 1.5 : 0);
        int level = severity < 1.5 ? 0 : severity < 3 ? 1 : severity < 5 ? 2 : 3;
        if (level >= 2 && w.chance(0.3)) {
            mark(child, ABUSE);
        }
        long address = w.home(child) == null ? -1 : w.home(child).address;
        w.event(EventKind.SOCIAL_CARE_REFERRAL, day, Math.min(day + 60 + w.random.nextInt(500), w.settings.asOf()),
                address, List.of(new Involvement(child, Role.SUBJECT)), level, active + (neglected ? 10 : 0));
        if (level == 3) {
            w.person(child).startSpell(Adversity.LOOKED_AFTER, day, Day.NONE);
            place(child, day, 0);
        }
    }

    private void place(int child, int day, int number) {
        Home placement = w.newHome(day, w.chance(0.7) ? w.lineage.localAuthority() : null);
        w.moveInto(child, placement, day);
        w.event(EventKind.CARE_PLACEMENT, day, Day.NONE, placement.address,
                List.of(new Involvement(child, Role.SUBJECT)), number, 0);
    }

    private void inCare(int child, int yearStart) {
        int changes = w.poisson(w.lineage.archetype() == Archetype.CRAIG ? 2.0 : 0.6);
        int placements = 0;
        for (LifeEvent e : w.lineage.events) {
            if (e.kind() == EventKind.CARE_PLACEMENT && e.subject() == child) {
                placements++;
            }
        }
        for (int k = 0; k < changes; k++) {
            place(child, w.dayIn(yearStart), placements++);
        }
        if (w.chance(0.15)) {
            Person c = w.person(child);
            int day = w.dayIn(yearStart);
            if (c.mother() >= 0 && w.home(c.mother()) != null && day > lastPlacementDay(child)) {
                c.endOpenSpells(day, Adversity.LOOKED_AFTER);
                w.moveInto(child, w.home(c.mother()), day);
            }
        }
    }

    private int lastPlacementDay(int child) {
        int last = 0;
        for (LifeEvent e : w.lineage.events) {
            if (e.kind() == EventKind.CARE_PLACEMENT && e.subject() == child) {
                last = Math.max(last, e.day());
            }
        }
        return last;
    }

    private void leaveCare(int child, int day) {
        if (day >= w.settings.asOf()) {
            return;
        }
        Person c = w.person(child);
        c.endOpenSpells(day, Adversity.LOOKED_AFTER);
        w.moveInto(child, w.newHome(day, w.lineage.localAuthority()), day);
        if (w.chance(0.4)) {
            adults.housing(child, day, HomelessReason.LEFT_CARE);
        }
    }

    private void school(int child, int yearStart) {
        Person c = w.person(child);
        int september = Day.of(Day.year(yearStart), 9, 1);
        int age = c.ageOn(september);
        if (age < 4 || age > 15 || september < w.settings.recordsFrom() || september >= w.settings.asOf()
                || !c.aliveOn(september)) {
            return;
        }
        boolean lookedAfter = c.inSpell(Adversity.LOOKED_AFTER, september);
        boolean exploited = c.inSpell(Adversity.EXPLOITED, september);
        double rate = Risk.absenceRate(w.acesOf(child), lookedAfter, exploited, w.random.nextDouble());
        long address = w.home(child) == null ? -1 : w.home(child).address;
        w.event(EventKind.SCHOOL_YEAR, september, september + 320, address,
                List.of(new Involvement(child, Role.SUBJECT)), age < 11 ? 0 : 1, rate);
        if (w.chance(Risk.suspension(w.acesOf(child), age))) {
            int day = september + 20 + w.random.nextInt(280);
            int permanent = w.chance(Risk.PERMANENT_GIVEN_SUSPENSION) ? 1 : 0;
            w.event(EventKind.EXCLUSION, day, day + 1 + w.random.nextInt(5), address,
                    List.of(new Involvement(child, Role.SUBJECT)), permanent, 0);
        }
    }

    private void risks(int child, int yearStart, int age, boolean lookedAfter) {
        int aces = w.acesOf(child);
        long address = w.home(child) == null ? -1 : w.home(child).address;
        boolean wentMissing = false;
        if (w.chance(Risk.missing(aces, lookedAfter, age))) {
            int episodes = 1 + w.poisson(lookedAfter ? 2.0 : 0.5);
            for (int k = 0; k < episodes; k++) {
                int day = w.dayIn(yearStart);
                int back = Math.min(day + w.random.nextInt(4), w.settings.asOf() - 1);
                w.event(EventKind.MISSING_EPISODE, day, back, address,
                        List.of(new Involvement(child, Role.MISSING_PERSON)), lookedAfter ? 1 : 0, 0);
            }
            wentMissing = true;
        }
        Person c = w.person(child);
        int day = w.dayIn(yearStart);
        if (!c.inSpell(Adversity.EXPLOITED, day) && w.chance(Risk.exploitation(aces, wentMissing, age))) {
            c.startSpell(Adversity.EXPLOITED, day, day + 200 + w.random.nextInt(700));
            w.event(EventKind.EXPLOITATION_CONCERN, day, day, address, List.of(new Involvement(child, Role.SUBJECT)),
                    w.chance(c.sex() == org.threadline.synth.names.Sex.FEMALE ? 0.5 : 0.1) ? 1 : 0, 0);
        }
    }

    /** The children's ACE categories, for the truth files. */
    static List<String> categoryNames(int mask) {
        String[] names = {"DOMESTIC_ABUSE", "PARENTAL_SUBSTANCE_MISUSE", "PARENTAL_MENTAL_ILL_HEALTH",
            "PARENTAL_IMPRISONMENT", "PARENTAL_SEPARATION", "NEGLECT", "ABUSE", "HOMELESSNESS"};
        List<String> out = new ArrayList<>();
        for (int k = 0; k < CATEGORIES; k++) {
            if ((mask & (1 << k)) != 0) {
                out.add(names[k]);
            }
        }
        return out;
    }
}
