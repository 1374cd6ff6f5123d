package org.threadline.synth.names;

import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The surname rules that differ between traditions: gendered Polish forms, Sikh Singh/Kaur, Begum and Bibi, double
 * barrels, what a child is given and what changes on marriage or civil partnership. All probabilities come from
 * {@link NamingRates}.
 */
final class SurnameConventions {

    static final String SINGH = "Singh";
    static final String KAUR = "Kaur";
    static final String BEGUM = "Begum";
    static final String BIBI = "Bibi";

    private final NamingRates rates;

    SurnameConventions(NamingRates rates) {
        this.rates = rates;
    }

    /** Singh for men, Kaur for women. */
    static String sikhReligiousName(Sex sex) {
        return sex == Sex.MALE ? SINGH : KAUR;
    }

    static boolean isSikhReligiousName(String surname) {
        return SINGH.equals(surname) || KAUR.equals(surname);
    }

    /** The form of a Polish surname for this sex: Kowalski for a man, Kowalska for a woman; other names unchanged. */
    static String genderedForm(String surname, Sex sex) {
        if (sex == Sex.FEMALE && (surname.endsWith("ski") || surname.endsWith("cki") || surname.endsWith("dzki"))) {
            return surname.substring(0, surname.length() - 1) + "a";
        }
        if (sex == Sex.MALE && (surname.endsWith("ska") || surname.endsWith("cka") || surname.endsWith("dzka"))) {
            return surname.substring(0, surname.length() - 1) + "i";
        }
        return surname;
    }

    /** True for "Smith-Jones" and "Smith Jones": a surname that should not be barrelled again. */
    static boolean isCompound(String surname) {
        return surname.indexOf('-') > 0 || surname.indexOf(' ') > 0;
    }

    /** Makes a new family surname double-barrelled at the documented rates, for traditions where that happens. */
    String maybeDoubleBarrel(Heritage h, String first, String second, RandomGenerator r) {
        if (!h.britishSurnameConventions() || first.equals(second) || isCompound(first) || isCompound(second)) {
            return first;
        }
        double u = r.nextDouble();
        if (u < rates.hyphenatedSurname()) {
            return first + "-" + second;
        }
        if (u < rates.hyphenatedSurname() + rates.doubleBarrelledSurname()) {
            return first + " " + second;
        }
        return first;
    }

    /** Begum or Bibi as a woman's surname, where the tradition and her birth year make that likely. */
    Optional<String> titleSurname(Heritage h, Sex sex, int birthYear, RandomGenerator r) {
        if (sex != Sex.FEMALE) {
            return Optional.empty();
        }
        boolean older = birthYear < 1990;
        if (h == Heritage.BANGLADESHI) {
            double p = older ? rates.begumSurnameBornBefore1990() : rates.begumSurnameBornFrom1990();
            return r.nextDouble() < p ? Optional.of(BEGUM) : Optional.empty();
        }
        if (h == Heritage.PAKISTANI || h == Heritage.INDIAN_MUSLIM) {
            double p = older ? rates.bibiSurnameBornBefore1990() : rates.bibiSurnameBornFrom1990();
            return r.nextDouble() < p ? Optional.of(BIBI) : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The family surname a new child is given. With one parent known the child takes that surname; traditions without
     * British surname conventions follow the father; otherwise the rates for married and unmarried parents apply.
     * The result is the family form: {@link NameBook#name} then applies the child's own sex (Kowalska, Kaur).
     */
    String childSurname(Heritage h, String mother, String father, boolean married, RandomGenerator r) {
        if (father == null) {
            return mother;
        }
        String fathers = genderedForm(father, Sex.MALE);
        if (!h.britishSurnameConventions()) {
            return fathers;
        }
        double takesMother = married ? rates.childOfMarriedTakesMother() : rates.childOfUnmarriedTakesMother();
        double hyphenated = married ? rates.childOfMarriedHyphenated() : rates.childOfUnmarriedHyphenated();
        double u = r.nextDouble();
        if (u < takesMother) {
            return mother;
        }
        if (u < takesMother + hyphenated && !isCompound(mother) && !isCompound(fathers) && !mother.equals(fathers)) {
            // Either order is seen; mother-first is slightly more usual for unmarried parents.
            return r.nextDouble() < 0.55 ? mother + "-" + fathers : fathers + "-" + mother;
        }
        return fathers;
    }

    /** The surname someone uses after marriage or civil partnership. */
    String onPartnership(Heritage h, Sex sex, Sex partnerSex, String own, String partners, RandomGenerator r) {
        double takes;
        double hyphenates;
        if (sex == partnerSex) {
            takes = rates.sameSexTakesPartners();
            hyphenates = rates.sameSexHyphenates();
        } else if (sex == Sex.MALE) {
            takes = rates.manTakesWifes();
            hyphenates = rates.manHyphenates();
        } else if (h.britishSurnameConventions()) {
            takes = rates.womanTakesHusbands();
            hyphenates = rates.womanHyphenates();
        } else if (h == Heritage.ARAB || h == Heritage.SOMALI) {
            takes = rates.womanTakesHusbandsArabSomali();
            hyphenates = 0;
        } else {
            takes = rates.womanTakesHusbandsOther();
            hyphenates = 0;
        }
        double u = r.nextDouble();
        if (u < takes) {
            return adopted(partners, sex);
        }
        if (u < takes + hyphenates && !isCompound(own) && !isCompound(partners) && !own.equals(partners)) {
            return own + "-" + partners;
        }
        return own;
    }

    /** A partner's surname as this person would carry it: Kowalski becomes Kowalska, Singh becomes Kaur. */
    private static String adopted(String partners, Sex sex) {
        if (isSikhReligiousName(partners)) {
            return sikhReligiousName(sex);
        }
        return genderedForm(partners, sex);
    }
}
