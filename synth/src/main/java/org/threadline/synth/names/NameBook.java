package org.threadline.synth.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Invented but realistic names for the synthetic West Midlands population. Loads its tables once; afterwards it is
 * immutable and safe to share between generator threads. Every draw takes its randomness from the caller's
 * {@link RandomGenerator}, so the same seed always gives the same names, and every draw is O(1) (alias tables).
 *
 * <p>Typical use: pick a {@link #heritage(String, RandomGenerator) heritage} for a family from its local authority, a
 * family {@link #surname(Heritage, RandomGenerator) surname}, then {@link #name name} each member with that surname.
 */
public final class NameBook {

    private static final int MAX_MIDDLE_NAMES = 2;
    private static final int FORENAME_RETRIES = 4;

    private final NameTables tables;
    private final HeritageMix mix;
    private final NamingRates rates;
    private final SurnameConventions surnames;

    private NameBook(NameTables tables, HeritageMix mix, NamingRates rates) {
        this.tables = tables;
        this.mix = mix;
        this.rates = rates;
        this.surnames = new SurnameConventions(rates);
    }

    /** The shared name book with the default rates, loaded on first use. */
    public static NameBook standard() {
        return Standard.INSTANCE;
    }

    /** A name book with other rates, for tests and what-if populations. Loads the tables again. */
    public static NameBook withRates(NamingRates rates) {
        return new NameBook(NameTables.load(), HeritageMix.load(), Objects.requireNonNull(rates, "rates"));
    }

    public NamingRates rates() {
        return rates;
    }

    /** The local authorities the heritage mix knows, plus "West Midlands" for the whole metropolitan county. */
    public Set<String> localAuthorities() {
        return mix.areas();
    }

    /**
     * Draws a family's heritage in proportion to the configured mix for the local authority.
     *
     * @throws IllegalArgumentException for an authority not in {@link #localAuthorities()}
     */
    public Heritage heritage(String localAuthority, RandomGenerator r) {
        return mix.draw(localAuthority, r);
    }

    /** The configured share of each heritage in a local authority, summing to 1. */
    public Map<Heritage, Double> heritageShares(String localAuthority) {
        return mix.shares(localAuthority);
    }

    /**
     * A new family surname for the tradition: from its surname list (mixed heritages blend two lists), occasionally
     * double-barrelled where British conventions apply, or for patronymic traditions a man's given name. Gendered
     * surnames come back in the masculine form; {@link #name} adapts them to each person.
     */
    public String surname(Heritage h, RandomGenerator r) {
        String first = singleSurname(h, r);
        if (!h.britishSurnameConventions()) {
            return first;
        }
        return surnames.maybeDoubleBarrel(h, first, singleSurname(h, r), r);
    }

    /** A forename in full from the heritage's list, weighted for the birth year's era. */
    public String forename(Heritage h, Sex sex, int birthYear, RandomGenerator r) {
        return tables.forename(h.forenameSource().pick(r), sex, birthYear, r);
    }

    /**
     * A full legal name for one person.
     *
     * @param familySurname the surname the family passes on (from {@link #surname} or {@link #childSurname}), or null to
     *                      draw a new one; it is adapted to the person (Kowalski → Kowalska, Singh → Kaur)
     */
    public PersonName name(Heritage h, Sex sex, int birthYear, String familySurname, RandomGenerator r) {
        Heritage listOwner = h.forenameSource().pick(r);
        String forename = tables.forename(listOwner, sex, birthYear, r);
        List<String> middles = new ArrayList<>(MAX_MIDDLE_NAMES + 1);
        int middleCount = middleNameCount(h, r);
        for (int i = 0; i < middleCount; i++) {
            middles.add(distinctForename(listOwner, sex, birthYear, forename, middles, r));
        }
        if (h.muslimNaming() && sex == Sex.MALE && !isMuhammad(forename) && r.nextDouble() < rates.muhammadPrefix()) {
            // Muhammad is an honorific: recorded first, while the name the boy is called by moves to the middle.
            middles.add(0, forename);
            forename = tables.muhammad(h, r);
        }
        String family = familySurname != null ? familySurname : surname(h, r);
        String surname = personalSurname(h, sex, birthYear, family, middles, r);
        while (middles.size() > MAX_MIDDLE_NAMES) {
            middles.remove(middles.size() - 1);
        }
        return new PersonName(forename, middles, surname);
    }

    /**
     * The family surname a new child is given.
     *
     * @param fatherSurname null when the father is unknown or not registered, in which case the child takes the mother's
     */
    public String childSurname(Heritage h, String motherSurname, String fatherSurname, boolean parentsMarried,
                               RandomGenerator r) {
        return surnames.childSurname(h, motherSurname, fatherSurname, parentsMarried, r);
    }

    /**
     * The surname someone uses after marriage or civil partnership: often the partner's (adapted to their sex), sometimes
     * their own, sometimes both hyphenated, at the rates in {@link NamingRates}.
     */
    public String surnameOnPartnership(Heritage h, Sex sex, Sex partnerSex, String ownSurname, String partnerSurname,
                                       RandomGenerator r) {
        return surnames.onPartnership(h, sex, partnerSex, ownSurname, partnerSurname, r);
    }

    private String personalSurname(Heritage h, Sex sex, int birthYear, String family, List<String> middles,
                                   RandomGenerator r) {
        if (h.sikhNaming()) {
            String religious = SurnameConventions.sikhReligiousName(sex);
            if (SurnameConventions.isSikhReligiousName(family) || r.nextDouble() < rates.sikhReligiousNameAsSurname()) {
                return religious;
            }
            if (r.nextDouble() < rates.sikhReligiousNameAsMiddleName()) {
                // Singh/Kaur is placed directly before the family name, so it displaces a second middle name.
                if (middles.size() >= MAX_MIDDLE_NAMES) {
                    middles.remove(middles.size() - 1);
                }
                middles.add(religious);
            }
            return family;
        }
        if (h == Heritage.SOMALI && r.nextDouble() < rates.somaliFathersNameAsMiddleName()) {
            // Somali names run own, father's, grandfather's: the father's name sits between given name and surname.
            middles.add(tables.forename(Heritage.SOMALI, Sex.MALE, birthYear - 30, r));
        }
        if (h.genderedSurnames()) {
            return SurnameConventions.genderedForm(family, sex);
        }
        return surnames.titleSurname(h, sex, birthYear, r).orElse(family);
    }

    private String singleSurname(Heritage h, RandomGenerator r) {
        Heritage listOwner = h.surnameSource().pick(r);
        // Patronymic traditions have no surname list: the surname is a man's given name (a father's, born a generation ago).
        return tables.surname(listOwner, r).orElseGet(() -> tables.forename(listOwner, Sex.MALE, 1965, r));
    }

    private int middleNameCount(Heritage h, RandomGenerator r) {
        if (h == Heritage.SOMALI) {
            return 0; // the only middle name is the father's, added with the surname
        }
        double one = h.britishSurnameConventions() ? rates.britishOneMiddleName() : rates.otherOneMiddleName();
        double two = h.britishSurnameConventions() ? rates.britishTwoMiddleNames() : rates.otherTwoMiddleNames();
        double u = r.nextDouble();
        return u < two ? 2 : u < two + one ? 1 : 0;
    }

    private String distinctForename(Heritage listOwner, Sex sex, int birthYear, String forename, List<String> taken,
                                    RandomGenerator r) {
        String candidate = tables.forename(listOwner, sex, birthYear, r);
        for (int i = 0; i < FORENAME_RETRIES && (candidate.equals(forename) || taken.contains(candidate)); i++) {
            candidate = tables.forename(listOwner, sex, birthYear, r);
        }
        return candidate;
    }

    private static boolean isMuhammad(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("moham") || n.startsWith("muham") || n.startsWith("mohamud") || n.equals("md");
    }

    /** Holder idiom: the standard book is loaded once, on first use, by the JVM's class-initialisation lock. */
    private static final class Standard {
        static final NameBook INSTANCE = new NameBook(NameTables.load(), HeritageMix.load(), NamingRates.DEFAULT);
    }
}
