package org.threadline.synth.names;

/**
 * Every probability the name generator uses, in one place so it can be documented, reviewed and overridden in tests.
 * The values in {@link #DEFAULT} are judgements informed by the naming guides cited in DOMAIN.md §2.2, not measured rates.
 *
 * @param britishOneMiddleName           British conventions: chance of exactly one middle name
 * @param britishTwoMiddleNames          British conventions: chance of two middle names
 * @param otherOneMiddleName             other traditions: chance of exactly one middle name
 * @param otherTwoMiddleNames            other traditions: chance of two middle names
 * @param sikhReligiousNameAsSurname     Sikh: chance Singh/Kaur is used as the surname and the family name is dropped
 * @param sikhReligiousNameAsMiddleName  Sikh, otherwise: chance Singh/Kaur is kept as a middle name before the family name
 * @param muhammadPrefix                 Muslim boys: chance of the honorific Muhammad (in a local spelling) before the name used
 * @param begumSurnameBornBefore1990     Bangladeshi women born before 1990: chance of Begum as the surname
 * @param begumSurnameBornFrom1990       Bangladeshi women born 1990 on: chance of Begum as the surname
 * @param bibiSurnameBornBefore1990      Pakistani women born before 1990: chance of Bibi as the surname
 * @param bibiSurnameBornFrom1990        Pakistani women born 1990 on: chance of Bibi as the surname
 * @param somaliFathersNameAsMiddleName  Somali: chance the father's given name is recorded as a middle name
 * @param hyphenatedSurname              British conventions: chance a new family surname is hyphenated ("Smith-Jones")
 * @param doubleBarrelledSurname         British conventions: chance it is two words without a hyphen ("Smith Jones")
 * @param childOfUnmarriedTakesMother    unmarried parents: chance the child takes the mother's surname
 * @param childOfUnmarriedHyphenated     unmarried parents: chance the child takes both, hyphenated
 * @param childOfMarriedTakesMother      married parents: chance the child takes the mother's surname
 * @param childOfMarriedHyphenated       married parents: chance the child takes both, hyphenated
 * @param womanTakesHusbands             British conventions, a woman marrying a man: chance she takes his surname
 * @param womanHyphenates                British conventions, a woman marrying a man: chance she hyphenates both
 * @param womanTakesHusbandsOther        other traditions (not Arab or Somali): chance she takes his surname
 * @param womanTakesHusbandsArabSomali   Arab and Somali women, who traditionally keep their own name
 * @param manTakesWifes                  a man marrying a woman: chance he takes her surname
 * @param manHyphenates                  a man marrying a woman: chance he hyphenates both
 * @param sameSexTakesPartners           same-sex marriage or civil partnership: chance of taking the partner's surname
 * @param sameSexHyphenates              same-sex marriage or civil partnership: chance of hyphenating both
 */
public record NamingRates(
        double britishOneMiddleName,
        double britishTwoMiddleNames,
        double otherOneMiddleName,
        double otherTwoMiddleNames,
        double sikhReligiousNameAsSurname,
        double sikhReligiousNameAsMiddleName,
        double muhammadPrefix,
        double begumSurnameBornBefore1990,
        double begumSurnameBornFrom1990,
        double bibiSurnameBornBefore1990,
        double bibiSurnameBornFrom1990,
        double somaliFathersNameAsMiddleName,
        double hyphenatedSurname,
        double doubleBarrelledSurname,
        double childOfUnmarriedTakesMother,
        double childOfUnmarriedHyphenated,
        double childOfMarriedTakesMother,
        double childOfMarriedHyphenated,
        double womanTakesHusbands,
        double womanHyphenates,
        double womanTakesHusbandsOther,
        double womanTakesHusbandsArabSomali,
        double manTakesWifes,
        double manHyphenates,
        double sameSexTakesPartners,
        double sameSexHyphenates) {

    /** The rates the generator uses unless a test overrides them. */
    public static final NamingRates DEFAULT = new NamingRates(
            0.60, 0.13,
            0.35, 0.05,
            0.30, 0.85,
            0.20,
            0.45, 0.10,
            0.12, 0.02,
            0.60,
            0.008, 0.004,
            0.35, 0.10,
            0.02, 0.04,
            0.75, 0.06,
            0.55, 0.10,
            0.03, 0.02,
            0.30, 0.12);

    public NamingRates {
        double[] all = {britishOneMiddleName, britishTwoMiddleNames, otherOneMiddleName, otherTwoMiddleNames,
            sikhReligiousNameAsSurname, sikhReligiousNameAsMiddleName, muhammadPrefix, begumSurnameBornBefore1990,
            begumSurnameBornFrom1990, bibiSurnameBornBefore1990, bibiSurnameBornFrom1990, somaliFathersNameAsMiddleName,
            hyphenatedSurname, doubleBarrelledSurname, childOfUnmarriedTakesMother, childOfUnmarriedHyphenated,
            childOfMarriedTakesMother, childOfMarriedHyphenated, womanTakesHusbands, womanHyphenates,
            womanTakesHusbandsOther, womanTakesHusbandsArabSomali, manTakesWifes, manHyphenates, sameSexTakesPartners,
            sameSexHyphenates};
        for (double p : all) {
            if (!(p >= 0.0 && p <= 1.0)) {
                throw new IllegalArgumentException("every rate must be a probability in [0, 1]: " + p);
            }
        }
        requireAtMostOne(britishOneMiddleName + britishTwoMiddleNames, "British middle-name rates");
        requireAtMostOne(otherOneMiddleName + otherTwoMiddleNames, "other middle-name rates");
        requireAtMostOne(hyphenatedSurname + doubleBarrelledSurname, "double-barrelled rates");
        requireAtMostOne(childOfUnmarriedTakesMother + childOfUnmarriedHyphenated, "unmarried child rates");
        requireAtMostOne(childOfMarriedTakesMother + childOfMarriedHyphenated, "married child rates");
        requireAtMostOne(womanTakesHusbands + womanHyphenates, "woman partnership rates");
        requireAtMostOne(manTakesWifes + manHyphenates, "man partnership rates");
        requireAtMostOne(sameSexTakesPartners + sameSexHyphenates, "same-sex partnership rates");
    }

    private static void requireAtMostOne(double sum, String what) {
        if (sum > 1.0 + 1e-9) {
            throw new IllegalArgumentException(what + " add up to more than 1: " + sum);
        }
    }
}
