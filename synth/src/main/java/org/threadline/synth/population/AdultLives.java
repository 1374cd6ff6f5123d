package org.threadline.synth.population;

import java.util.ArrayList;
import java.util.List;

/**
 * Adult adversities and the services they meet: misuse and mental ill health spells, offending and its justice
 * outcomes, domestic abuse incidents, treatment, emergency department visits and homelessness.
 */
final class AdultLives {
    private final World w;

    AdultLives(World world) {
        this.w = world;
    }

    void year(int i, int yearStart) {
        Person p = w.person(i);
        int day = w.dayIn(yearStart);
        int age = p.ageOn(day);
        int aces = w.acesOf(i);
        double deprivation = w.lineage.deprivation();
        spell(p, Adversity.DRUG_MISUSE, Risk.drugMisuseOnset(age, aces, deprivation), day);
        spell(p, Adversity.ALCOHOL_MISUSE, Risk.alcoholMisuseOnset(age, aces, deprivation), w.dayIn(yearStart));
        spell(p, Adversity.MENTAL_ILL_HEALTH, Risk.mentalIllHealthOnset(age, aces, deprivation), w.dayIn(yearStart));
        released(i, yearStart);
        if (!p.inSpell(Adversity.IMPRISONMENT, day)) {
            offending(i, w.dayIn(yearStart));
            abuse(i, yearStart);
            treatment(i, w.dayIn(yearStart));
            health(i, yearStart);
            homelessness(i, w.dayIn(yearStart));
        }
    }

    /** How many adversities are active for a person: drives moves, neglect and referrals. */
    int activeAdversities(int i, int day) {
        Person p = w.person(i);
        int n = 0;
        for (Adversity a : new Adversity[] {Adversity.DRUG_MISUSE, Adversity.ALCOHOL_MISUSE,
            Adversity.MENTAL_ILL_HEALTH, Adversity.DOMESTIC_ABUSE_VICTIM, Adversity.DOMESTIC_ABUSE_PERPETRATOR}) {
            if (p.inSpell(a, day)) {
                n++;
            }
        }
        return n;
    }

    private void spell(Person p, Adversity kind, double onset, int day) {
        if (p.inSpell(kind, day)) {
            if (w.chance(Risk.SPELL_ENDS)) {
                p.endOpenSpells(day, kind);
            }
        } else if (w.chance(onset)) {
            p.startSpell(kind, day, Day.NONE);
        }
    }

    private void offending(int i, int day) {
        Person p = w.person(i);
        int age = p.ageOn(day);
        // Propensity grows with the adversities lived through as a child, and doubles while exploited.
        double propensity = Math.max(p.offendingPropensity,
                Risk.propensity(w.acesOf(i), w.lineage.deprivation(), w.lineage.archetype()))
                * (p.inSpell(Adversity.EXPLOITED, day) ? 2 : 1);
        if (!w.chance(Risk.offending(propensity, age, p.inSpell(Adversity.DRUG_MISUSE, day)))) {
            return;
        }
        Offence offence = pickOffence(p, age, day);
        long address = w.home(i) == null ? -1 : w.home(i).address;
        w.event(EventKind.CRIME, day, day, address, List.of(new Involvement(i, Role.SUSPECT)), offence.ordinal(), 0);
        if (!w.chance(Risk.ARREST)) {
            return;
        }
        int outcome = w.chance(Risk.CHARGED) ? 0 : w.random.nextInt(1, 4);
        int arrest = Math.min(day + w.random.nextInt(30), w.settings.asOf() - 1);
        w.event(EventKind.ARREST, arrest, arrest, address, List.of(new Involvement(i, Role.OFFENDER)),
                outcome * 100 + offence.ordinal(), 0);
        if (outcome == 0) {
            sentence(i, arrest + 30 + w.random.nextInt(150), offence, age);
        }
    }

    private Offence pickOffence(Person p, int age, int day) {
        if (w.lineage.archetype() == Archetype.CRAIG && age >= 14 && age <= 17 && w.chance(0.35)) {
            return w.chance(0.5) ? Offence.BLADE_POSSESSION : Offence.SERIOUS_WOUNDING;
        }
        if (p.inSpell(Adversity.DRUG_MISUSE, day) && w.chance(0.5)) {
            return w.chance(0.7) ? Offence.DRUG_POSSESSION : Offence.DRUG_TRAFFICKING;
        }
        Offence[] common = {Offence.SHOPLIFTING, Offence.CRIMINAL_DAMAGE, Offence.ASSAULT_WITHOUT_INJURY,
            Offence.ASSAULT_WITH_INJURY, Offence.RESIDENTIAL_BURGLARY, Offence.ROBBERY, Offence.BLADE_POSSESSION};
        return common[w.random.nextInt(common.length)];
    }

    private void sentence(int i, int day, Offence offence, int age) {
        if (day >= w.settings.asOf()) {
            return;
        }
        Person p = w.person(i);
        boolean youth = age < 18;
        double custody = Risk.CUSTODY * (offence == Offence.SERIOUS_WOUNDING || offence == Offence.ROBBERY ? 2.5 : 1);
        int code = youth ? (w.chance(0.6) ? 3 : 4) : w.chance(custody) ? 0 : w.chance(0.6) ? 1 : 2;
        int end = code == 0 ? day + 120 + w.random.nextInt(900) : day + 180 + w.random.nextInt(540);
        long address = w.home(i) == null ? -1 : w.home(i).address;
        w.event(EventKind.SENTENCE, day, end, address, List.of(new Involvement(i, Role.OFFENDER)),
                code * 100 + offence.ordinal(), 0);
        if (code == 0) {
            p.startSpell(Adversity.IMPRISONMENT, day, end);
            w.leaveHome(i, day);
        }
    }

    /** On release a prisoner returns to a partner's home, or needs a new one (sometimes through the council). */
    private void released(int i, int yearStart) {
        Person p = w.person(i);
        if (w.home(i) != null) {
            return;
        }
        for (Spell s : p.spells()) {
            if (s.kind() == Adversity.IMPRISONMENT && s.to() >= yearStart && s.to() < yearStart + 365
                    && s.to() < w.settings.asOf()) {
                int partner = w.partnerOf(i);
                Home home = partner >= 0 ? w.home(partner) : null;
                if (home == null) {
                    home = w.newHome(s.to(), w.lineage.localAuthority());
                    if (w.chance(0.3)) {
                        housing(i, s.to(), HomelessReason.LEFT_PRISON);
                    }
                }
                w.moveInto(i, home, s.to());
                return;
            }
        }
    }

    /** An abuser in a live partnership generates police-reported incidents with the children who saw them. */
    private void abuse(int i, int yearStart) {
        Partnership p = w.partnership(i);
        if (p == null || p.abuser() != i) {
            return;
        }
        int victim = p.other(i);
        int incidents = w.poisson(0.9 + (w.lineage.archetype() == Archetype.CRAIG ? 1.0 : 0));
        for (int k = 0; k < incidents; k++) {
            int day = w.dayIn(yearStart);
            List<Involvement> people = new ArrayList<>();
            people.add(new Involvement(victim, Role.VICTIM));
            people.add(new Involvement(i, Role.SUSPECT));
            for (int child : w.childrenAtHome(victim, day)) {
                people.add(new Involvement(child, Role.CHILD_IN_HOUSEHOLD));
            }
            double dash = Math.min(24, Math.max(0, 6 + w.random.nextGaussian() * 4 + 2 * k));
            int offence = pickWeighted(Offence.DOMESTIC_WEIGHTS);
            long address = w.home(victim) == null ? -1 : w.home(victim).address;
            w.event(EventKind.DOMESTIC_ABUSE_INCIDENT, day, day, address, people, Offence.DOMESTIC[offence].ordinal(),
                    Math.round(dash));
            if (w.chance(0.22)) {
                w.event(EventKind.ED_ATTENDANCE, day, day, address, List.of(new Involvement(victim, Role.PATIENT)),
                        EdReason.DOMESTIC_ASSAULT.ordinal(), 0);
            }
        }
    }

    /** Called when a partnership ends in separation. A victim of abuse may flee to council housing. */
    void separated(Partnership p, int day) {
        if (p.abusive() && w.chance(Risk.FLEES_ABUSE_TO_HOUSING)) {
            int victim = p.other(p.abuser());
            if (w.home(victim) != null) {
                housing(victim, day, HomelessReason.DOMESTIC_ABUSE);
                w.moveHousehold(w.home(victim), day);
            }
        }
    }

    private void homelessness(int i, int day) {
        Home home = w.home(i);
        if (home == null || home.members.get(0) != i || w.person(i).ageOn(day) < 18
                || !w.chance(Risk.homelessness(w.lineage.deprivation()))) {
            return;
        }
        HomelessReason[] reasons = {HomelessReason.END_OF_TENANCY, HomelessReason.RENT_ARREARS,
            HomelessReason.FAMILY_NO_LONGER_WILLING, HomelessReason.RELATIONSHIP_BREAKDOWN};
        housing(i, day, reasons[w.random.nextInt(reasons.length)]);
        w.moveHousehold(home, Math.min(day + 30 + w.random.nextInt(120), w.settings.asOf() - 1));
    }

    void housing(int applicant, int day, HomelessReason reason) {
        List<Involvement> people = new ArrayList<>();
        people.add(new Involvement(applicant, Role.APPLICANT));
        Home home = w.home(applicant);
        if (home != null) {
            for (int m : home.members) {
                if (m != applicant && (reason != HomelessReason.DOMESTIC_ABUSE || m != w.partnerOf(applicant))) {
                    people.add(new Involvement(m, Role.HOUSEHOLD_MEMBER));
                }
            }
        }
        w.person(applicant).startSpell(Adversity.HOMELESSNESS, day, day + 30 + w.random.nextInt(300));
        w.event(EventKind.HOMELESSNESS_APPLICATION, day, day, home == null ? -1 : home.address, people,
                reason.ordinal(), 0);
    }

    private void treatment(int i, int day) {
        Person p = w.person(i);
        boolean drugs = p.inSpell(Adversity.DRUG_MISUSE, day);
        boolean alcohol = p.inSpell(Adversity.ALCOHOL_MISUSE, day);
        if ((drugs || alcohol) && p.ageOn(day) >= 16 && w.chance(Risk.TREATMENT)) {
            int end = day + 60 + w.random.nextInt(450);
            w.event(EventKind.SUBSTANCE_TREATMENT, day, end, w.home(i) == null ? -1 : w.home(i).address,
                    List.of(new Involvement(i, Role.SUBJECT)), drugs ? 0 : 1,
                    w.childrenAtHome(i, day).size());
        }
    }

    private void health(int i, int yearStart) {
        Person p = w.person(i);
        int day = w.dayIn(yearStart);
        int age = p.ageOn(day);
        long address = w.home(i) == null ? -1 : w.home(i).address;
        List<Involvement> patient = List.of(new Involvement(i, Role.PATIENT));
        if (yearStart + 365 > w.settings.recordsFrom() && w.chance(Risk.edVisit(age))) {
            w.event(EventKind.ED_ATTENDANCE, day, day, address, patient,
                    (w.chance(0.6) ? EdReason.ILLNESS : EdReason.ACCIDENTAL_INJURY).ordinal(), 0);
        }
        if (w.chance(Risk.selfHarm(w.acesOf(i), age, p.inSpell(Adversity.MENTAL_ILL_HEALTH, day)))) {
            attend(EdReason.SELF_HARM, w.dayIn(yearStart), address, patient);
        }
        if (p.inSpell(Adversity.ALCOHOL_MISUSE, day) && w.chance(0.3)) {
            attend(EdReason.ALCOHOL, w.dayIn(yearStart), address, patient);
        }
        if (p.inSpell(Adversity.DRUG_MISUSE, day) && w.chance(0.2)) {
            attend(EdReason.DRUGS, w.dayIn(yearStart), address, patient);
        }
        if (w.chance(Risk.assaulted(w.acesOf(i), age))) {
            int when = w.dayIn(yearStart);
            w.event(EventKind.ASSAULTED, when, when, address, List.of(new Involvement(i, Role.VICTIM)), 0, 0);
            w.event(EventKind.ED_ATTENDANCE, when, when, address, patient, EdReason.ASSAULT.ordinal(), 0);
        }
    }

    private void attend(EdReason reason, int day, long address, List<Involvement> patient) {
        w.event(EventKind.ED_ATTENDANCE, day, day, address, patient, reason.ordinal(), 0);
    }

    private int pickWeighted(double[] weights) {
        double x = w.random.nextDouble();
        for (int k = 0; k < weights.length; k++) {
            x -= weights[k];
            if (x < 0) {
                return k;
            }
        }
        return weights.length - 1;
    }
}
