package org.threadline.synth.population;

/**
 * The probabilities of the simulation, in one place so that docs/synthetic-data.md can state them. Annual hazards
 * unless said otherwise. They are plausible orders of magnitude chosen so that the downstream signals depend on
 * household adversity, not calibrated estimates of real prevalence.
 */
final class Risk {
    private Risk() {
    }

    /** Chance a lineage follows the seed story's "Craig" pattern. */
    static final double CRAIG_ARCHETYPE = 0.004;

    static double death(int age, boolean substanceMisuse) {
        double p = 0.00002 * Math.exp(0.1 * age);
        return Math.min(0.5, substanceMisuse ? p * 3 + 0.004 : p);
    }

    static double partnershipForms(int age) {
        if (age < 17 || age > 60) {
            return 0;
        }
        return age < 20 ? 0.05 : age < 35 ? 0.18 : 0.06;
    }

    /** A partnership with an abuser; {@code aces} is the would-be abuser's childhood adversity count. */
    static double abusive(int aces, double deprivation, boolean substanceMisuse) {
        return Math.min(0.6, 0.05 * (1 + 0.5 * aces + deprivation) * (substanceMisuse ? 2 : 1));
    }

    static double separation(boolean abusive, boolean married) {
        return (abusive ? 0.18 : 0.04) * (married ? 0.6 : 1.0);
    }

    static double birth(int motherAge, boolean partnered, int children, double deprivation, int motherAces) {
        if (motherAge < 15 || motherAge > 45 || children >= 6) {
            return 0;
        }
        if (motherAge < 20) {
            return (partnered ? 0.06 : 0.006) * (1 + deprivation + 0.3 * motherAces);
        }
        double base = motherAge < 36 ? (partnered ? 0.13 : 0.015) : (partnered ? 0.03 : 0.003);
        return base * (children >= 3 ? 0.5 : 1);
    }

    static final double TWINS = 0.015;

    static double leaveHome(int age) {
        return age < 17 ? 0 : age < 19 ? 0.12 : age < 26 ? 0.25 : 0.4;
    }

    static double move(double deprivation, int adversities, Archetype archetype) {
        double p = 0.06 * (1 + 2 * deprivation + adversities);
        return Math.min(0.9, archetype == Archetype.CRAIG ? p * 4 : p);
    }

    static final double MOVE_WITHIN_AUTHORITY = 0.85;

    static double drugMisuseOnset(int age, int aces, double deprivation) {
        return age < 15 || age > 45 ? 0 : 0.003 * (1 + 0.7 * aces + 2 * deprivation);
    }

    static double alcoholMisuseOnset(int age, int aces, double deprivation) {
        return age < 18 || age > 65 ? 0 : 0.003 * (1 + 0.4 * aces + deprivation);
    }

    static double mentalIllHealthOnset(int age, int aces, double deprivation) {
        return age < 14 || age > 75 ? 0 : 0.008 * (1 + 0.4 * aces + deprivation);
    }

    /** Chance a spell of misuse or ill health ends in a year: mean lengths about 5-7 years. */
    static final double SPELL_ENDS = 0.17;

    static double offending(double propensity, int age, boolean drugMisuse) {
        if (age < 10) {
            return 0;
        }
        double ageCurve = age < 18 ? 1.5 : age < 30 ? 1.0 : age < 50 ? 0.4 : 0.1;
        return Math.min(0.8, propensity * ageCurve * (drugMisuse ? 3 : 1));
    }

    static double propensity(int aces, double deprivation, Archetype archetype) {
        double p = 0.004 * (1 + 1.2 * aces + 2 * deprivation);
        return archetype == Archetype.CRAIG ? p * 3 : p;
    }

    static final double ARREST = 0.6;
    static final double CHARGED = 0.55;
    static final double CUSTODY = 0.25;

    static double neglectOnset(int parentalAdversities, double deprivation) {
        return parentalAdversities == 0 ? 0.0005 : 0.05 * parentalAdversities * (1 + deprivation);
    }

    static double referral(int activeAdversities, boolean neglected) {
        return Math.min(0.9, (neglected ? 0.45 : 0) + 0.06 * activeAdversities);
    }

    static double missing(int aces, boolean lookedAfter, int age) {
        if (age < 10 || age > 17) {
            return 0;
        }
        return Math.min(0.9, 0.004 + 0.02 * aces + (lookedAfter ? 0.35 : 0));
    }

    static double exploitation(int aces, boolean missing, int age) {
        return age < 12 || age > 17 ? 0 : Math.min(0.5, (0.0008 + 0.005 * aces) * (missing ? 4 : 1));
    }

    static double assaulted(int aces, int age) {
        return age < 12 || age > 30 ? 0.004 : 0.008 + 0.01 * aces;
    }

    static double selfHarm(int aces, int age, boolean mentalIllHealth) {
        if (age < 11) {
            return 0;
        }
        return (age < 26 ? 0.003 + 0.005 * aces : 0.002) + (mentalIllHealth ? 0.12 : 0);
    }

    static double edVisit(int age) {
        return age < 5 ? 0.3 : age < 16 ? 0.15 : age < 70 ? 0.12 : 0.35;
    }

    static double absenceRate(int aces, boolean lookedAfter, boolean exploited, double noise) {
        double rate = 0.035 + 0.025 * aces + (exploited ? 0.25 : 0) - (lookedAfter ? 0.01 : 0);
        return Math.max(0, Math.min(0.95, rate * (0.4 + noise * 1.2)));
    }

    static double suspension(int aces, int age) {
        return age < 7 || age > 16 ? 0 : (age < 11 ? 0.005 : 0.02) * (1 + 1.5 * aces);
    }

    static final double PERMANENT_GIVEN_SUSPENSION = 0.05;

    static double homelessness(double deprivation) {
        return 0.004 * (1 + 3 * deprivation);
    }

    static final double FLEES_ABUSE_TO_HOUSING = 0.35;
    static final double TREATMENT = 0.35;
    static final double POLICE_REFER_DA_CHILD = 0.6;
}
