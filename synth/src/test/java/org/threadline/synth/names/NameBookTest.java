package org.threadline.synth.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class NameBookTest {

    private static final NameBook BOOK = NameBook.standard();

    @Test
    void the_same_seed_gives_the_same_names() {
        assertThat(sample(42)).isEqualTo(sample(42));
        assertThat(sample(42)).isNotEqualTo(sample(43));
    }

    private static List<String> sample(long seed) {
        RandomGenerator r = new SplittableRandom(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Heritage h = BOOK.heritage("Birmingham", r);
            Sex sex = r.nextBoolean() ? Sex.FEMALE : Sex.MALE;
            out.add(h + " " + BOOK.name(h, sex, 1940 + r.nextInt(80), null, r).fullName());
        }
        return out;
    }

    @Test
    void heritage_mix_over_100k_draws_matches_the_configured_shares() {
        for (String area : List.of("Birmingham", "Dudley", "West Midlands")) {
            RandomGenerator r = new SplittableRandom(7);
            Map<Heritage, Integer> counts = new EnumMap<>(Heritage.class);
            int n = 100_000;
            for (int i = 0; i < n; i++) {
                counts.merge(BOOK.heritage(area, r), 1, Integer::sum);
            }
            BOOK.heritageShares(area).forEach((h, share) ->
                    assertThat(counts.getOrDefault(h, 0) / (double) n).as(area + " " + h).isCloseTo(share, within(0.006)));
        }
    }

    @Test
    void birmingham_is_far_more_diverse_than_dudley() {
        assertThat(BOOK.heritageShares("Birmingham").get(Heritage.WHITE_BRITISH)).isLessThan(0.5);
        assertThat(BOOK.heritageShares("Dudley").get(Heritage.WHITE_BRITISH)).isGreaterThan(0.8);
        assertThat(BOOK.heritageShares("Wolverhampton").get(Heritage.INDIAN_SIKH))
                .isGreaterThan(BOOK.heritageShares("Birmingham").get(Heritage.INDIAN_SIKH));
    }

    @Test
    void an_unknown_local_authority_is_refused_with_the_known_ones() {
        assertThatThrownBy(() -> BOOK.heritage("Narnia", new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Walsall");
    }

    @Test
    void forename_frequencies_have_a_long_tail() {
        RandomGenerator r = new SplittableRandom(11);
        Map<String, Integer> counts = new HashMap<>();
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            counts.merge(BOOK.forename(Heritage.WHITE_BRITISH, Sex.FEMALE, 1940 + r.nextInt(80), r), 1, Integer::sum);
        }
        List<Integer> sorted = counts.values().stream().sorted().toList();
        int top = sorted.get(sorted.size() - 1);
        int median = sorted.get(sorted.size() / 2);
        assertThat(counts).hasSizeGreaterThan(150);
        assertThat(top / (double) n).isLessThan(0.06);
        assertThat(top).isGreaterThan(10 * median);
    }

    @Test
    void surname_frequencies_have_a_long_tail() {
        RandomGenerator r = new SplittableRandom(12);
        Map<String, Integer> counts = new HashMap<>();
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            counts.merge(BOOK.surname(Heritage.WHITE_BRITISH, r), 1, Integer::sum);
        }
        List<Integer> sorted = counts.values().stream().sorted().toList();
        int top = sorted.get(sorted.size() - 1);
        assertThat(top / (double) n).isBetween(0.01, 0.10);
        assertThat(top).isGreaterThan(20 * sorted.get(sorted.size() / 2));
    }

    @Test
    void a_1960s_girl_is_more_likely_a_susan_and_a_2010s_girl_an_amelia() {
        RandomGenerator r = new SplittableRandom(13);
        int susans1965 = 0;
        int susans2015 = 0;
        int amelias1965 = 0;
        int amelias2015 = 0;
        for (int i = 0; i < 50_000; i++) {
            String old = BOOK.forename(Heritage.WHITE_BRITISH, Sex.FEMALE, 1965, r);
            String young = BOOK.forename(Heritage.WHITE_BRITISH, Sex.FEMALE, 2015, r);
            susans1965 += old.equals("Susan") ? 1 : 0;
            amelias1965 += old.equals("Amelia") ? 1 : 0;
            susans2015 += young.equals("Susan") ? 1 : 0;
            amelias2015 += young.equals("Amelia") ? 1 : 0;
        }
        assertThat(susans1965).isGreaterThan(20 * Math.max(1, susans2015));
        assertThat(amelias2015).isGreaterThan(20 * Math.max(1, amelias1965));
    }

    @Test
    void sikh_men_carry_singh_and_sikh_women_kaur_but_never_the_other() {
        RandomGenerator r = new SplittableRandom(14);
        int n = 20_000;
        int menWithSingh = 0;
        int womenWithKaur = 0;
        int singhAsSurname = 0;
        for (int i = 0; i < n; i++) {
            PersonName man = BOOK.name(Heritage.INDIAN_SIKH, Sex.MALE, 1980, null, r);
            PersonName woman = BOOK.name(Heritage.INDIAN_SIKH, Sex.FEMALE, 1980, null, r);
            assertThat(man.fullName()).doesNotContain("Kaur");
            assertThat(woman.fullName()).doesNotContain("Singh");
            menWithSingh += man.fullName().contains(" Singh") ? 1 : 0;
            womenWithKaur += woman.fullName().contains(" Kaur") ? 1 : 0;
            singhAsSurname += man.surname().equals("Singh") ? 1 : 0;
        }
        NamingRates rates = BOOK.rates();
        double expected = rates.sikhReligiousNameAsSurname()
                + (1 - rates.sikhReligiousNameAsSurname()) * rates.sikhReligiousNameAsMiddleName();
        assertThat(menWithSingh / (double) n).isCloseTo(expected, within(0.02));
        assertThat(womenWithKaur / (double) n).isCloseTo(expected, within(0.02));
        assertThat(singhAsSurname / (double) n).isCloseTo(rates.sikhReligiousNameAsSurname(), within(0.02));
    }

    @Test
    void a_daughter_of_a_family_surnamed_singh_is_surnamed_kaur() {
        PersonName daughter = BOOK.name(Heritage.INDIAN_SIKH, Sex.FEMALE, 2010, "Singh", new SplittableRandom(3));
        assertThat(daughter.surname()).isEqualTo("Kaur");
    }

    @Test
    void some_muslim_boys_are_recorded_with_a_muhammad_prefix_in_local_spellings() {
        RandomGenerator r = new SplittableRandom(15);
        int n = 20_000;
        Map<String, Integer> spellings = new HashMap<>();
        int prefixed = 0;
        for (int i = 0; i < n; i++) {
            PersonName boy = BOOK.name(Heritage.PAKISTANI, Sex.MALE, 2005, "Khan", r);
            boolean muhammad = boy.forename().matches("M[uo]hamm[ae]d") && !boy.middleNames().isEmpty();
            if (muhammad) {
                prefixed++;
                spellings.merge(boy.forename(), 1, Integer::sum);
            }
        }
        assertThat(prefixed / (double) n).isBetween(BOOK.rates().muhammadPrefix() * 0.9, BOOK.rates().muhammadPrefix() + 0.08);
        assertThat(spellings.keySet()).contains("Mohammed", "Muhammad", "Mohammad");
    }

    @Test
    void older_bangladeshi_women_are_often_surnamed_begum() {
        RandomGenerator r = new SplittableRandom(16);
        int begums = 0;
        for (int i = 0; i < 10_000; i++) {
            begums += BOOK.name(Heritage.BANGLADESHI, Sex.FEMALE, 1965, "Miah", r).surname().equals("Begum") ? 1 : 0;
        }
        assertThat(begums / 10_000.0).isCloseTo(BOOK.rates().begumSurnameBornBefore1990(), within(0.02));
    }

    @Test
    void polish_surnames_take_the_feminine_form_for_women_and_back_for_men() {
        RandomGenerator r = new SplittableRandom(17);
        assertThat(BOOK.name(Heritage.EASTERN_EUROPEAN, Sex.FEMALE, 1990, "Kowalski", r).surname()).isEqualTo("Kowalska");
        assertThat(BOOK.name(Heritage.EASTERN_EUROPEAN, Sex.MALE, 2015, "Kowalska", r).surname()).isEqualTo("Kowalski");
        assertThat(BOOK.name(Heritage.EASTERN_EUROPEAN, Sex.FEMALE, 1990, "Popescu", r).surname()).isEqualTo("Popescu");
        assertThat(BOOK.surnameOnPartnership(Heritage.EASTERN_EUROPEAN, Sex.FEMALE, Sex.MALE, "Popescu", "Nowicki",
                new SplittableRandom(1))).isIn("Nowicka", "Popescu");
    }

    @Test
    void somali_and_tamil_surnames_are_given_names() {
        RandomGenerator r = new SplittableRandom(18);
        for (int i = 0; i < 200; i++) {
            assertThat(BOOK.surname(Heritage.SOMALI, r)).isNotBlank();
            assertThat(BOOK.surname(Heritage.TAMIL, r)).isNotBlank();
        }
        assertThat(Heritage.CHINESE.familyNameFirst()).isTrue();
    }

    @Test
    void new_british_surnames_are_hyphenated_or_double_barrelled_at_the_documented_rates() {
        RandomGenerator r = new SplittableRandom(19);
        int n = 200_000;
        int hyphenated = 0;
        int spaced = 0;
        for (int i = 0; i < n; i++) {
            String s = BOOK.surname(Heritage.WHITE_BRITISH, r);
            hyphenated += s.contains("-") ? 1 : 0;
            spaced += s.contains(" ") ? 1 : 0;
        }
        assertThat(hyphenated / (double) n).isCloseTo(BOOK.rates().hyphenatedSurname(), within(0.002));
        assertThat(spaced / (double) n).isCloseTo(BOOK.rates().doubleBarrelledSurname(), within(0.0015));
    }

    @Test
    void children_of_unmarried_parents_take_either_or_both_surnames_at_the_documented_rates() {
        RandomGenerator r = new SplittableRandom(20);
        int n = 50_000;
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            counts.merge(BOOK.childSurname(Heritage.WHITE_BRITISH, "Smith", "Jones", false, r), 1, Integer::sum);
        }
        NamingRates rates = BOOK.rates();
        assertThat(counts.get("Smith") / (double) n).isCloseTo(rates.childOfUnmarriedTakesMother(), within(0.01));
        int both = counts.getOrDefault("Smith-Jones", 0) + counts.getOrDefault("Jones-Smith", 0);
        assertThat(both / (double) n).isCloseTo(rates.childOfUnmarriedHyphenated(), within(0.01));
        assertThat(BOOK.childSurname(Heritage.WHITE_BRITISH, "Smith", null, false, r)).isEqualTo("Smith");
    }

    @Test
    void most_women_marrying_men_take_his_surname_and_few_men_take_hers() {
        RandomGenerator r = new SplittableRandom(21);
        int n = 50_000;
        int women = 0;
        int men = 0;
        for (int i = 0; i < n; i++) {
            women += BOOK.surnameOnPartnership(Heritage.WHITE_BRITISH, Sex.FEMALE, Sex.MALE, "Smith", "Jones", r)
                    .equals("Jones") ? 1 : 0;
            men += BOOK.surnameOnPartnership(Heritage.WHITE_BRITISH, Sex.MALE, Sex.FEMALE, "Jones", "Smith", r)
                    .equals("Smith") ? 1 : 0;
        }
        assertThat(women / (double) n).isCloseTo(BOOK.rates().womanTakesHusbands(), within(0.01));
        assertThat(men / (double) n).isCloseTo(BOOK.rates().manTakesWifes(), within(0.005));
    }

    @Test
    void names_have_at_most_two_middle_names_and_no_blank_parts() {
        RandomGenerator r = new SplittableRandom(22);
        for (int i = 0; i < 50_000; i++) {
            Heritage h = BOOK.heritage("West Midlands", r);
            PersonName name = BOOK.name(h, r.nextBoolean() ? Sex.FEMALE : Sex.MALE, 1930 + r.nextInt(95), null, r);
            assertThat(name.middleNames()).hasSizeLessThanOrEqualTo(2).allSatisfy(m -> assertThat(m).isNotBlank());
            assertThat(name.forename()).isNotBlank();
            assertThat(name.surname()).isNotBlank();
        }
    }

    @Test
    void rates_outside_zero_to_one_are_refused() {
        NamingRates d = NamingRates.DEFAULT;
        assertThatThrownBy(() -> new NamingRates(1.2, d.britishTwoMiddleNames(), d.otherOneMiddleName(),
                d.otherTwoMiddleNames(), d.sikhReligiousNameAsSurname(), d.sikhReligiousNameAsMiddleName(),
                d.muhammadPrefix(), d.begumSurnameBornBefore1990(), d.begumSurnameBornFrom1990(),
                d.bibiSurnameBornBefore1990(), d.bibiSurnameBornFrom1990(), d.somaliFathersNameAsMiddleName(),
                d.hyphenatedSurname(), d.doubleBarrelledSurname(), d.childOfUnmarriedTakesMother(),
                d.childOfUnmarriedHyphenated(), d.childOfMarriedTakesMother(), d.childOfMarriedHyphenated(),
                d.womanTakesHusbands(), d.womanHyphenates(), d.womanTakesHusbandsOther(),
                d.womanTakesHusbandsArabSomali(), d.manTakesWifes(), d.manHyphenates(), d.sameSexTakesPartners(),
                d.sameSexHyphenates())).isInstanceOf(IllegalArgumentException.class);
    }
}
