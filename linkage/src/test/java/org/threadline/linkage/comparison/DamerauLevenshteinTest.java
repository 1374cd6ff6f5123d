package org.threadline.linkage.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class DamerauLevenshteinTest {

    @ParameterizedTest(name = "{0} -> {1} = {2}")
    @CsvFileSource(resources = "damerau_levenshtein_cases.csv", numLinesToSkip = 1, emptyValue = "")
    void named_cases_give_the_tabled_distance(String a, String b, int expected) {
        assertThat(DamerauLevenshtein.distance(a, b)).isEqualTo(expected);
        assertThat(DamerauLevenshtein.within(a, b, expected)).isTrue();
        assertThat(DamerauLevenshtein.within(a, b, expected - 1)).isFalse();
    }

    @Test
    void distance_agrees_with_the_textbook_recurrence_on_random_strings() {
        SplittableRandom random = new SplittableRandom(42L);
        for (int i = 0; i < 50_000; i++) {
            String a = RandomNames.over(random, "ABC", 0, 10);
            String b = random.nextInt(3) == 0 ? RandomNames.typo(random, a) : RandomNames.over(random, "ABC", 0, 10);
            assertThat(DamerauLevenshtein.distance(a, b)).as("%s -> %s", a, b).isEqualTo(reference(a, b));
        }
    }

    @Test
    void distance_agrees_with_the_textbook_recurrence_on_names_and_their_typos() {
        SplittableRandom random = new SplittableRandom(43L);
        for (int i = 0; i < 20_000; i++) {
            String a = RandomNames.name(random);
            String b = random.nextBoolean() ? RandomNames.typo(random, a) : RandomNames.name(random);
            assertThat(DamerauLevenshtein.distance(a, b)).as("%s -> %s", a, b).isEqualTo(reference(a, b));
        }
    }

    @Test
    void distance_agrees_with_the_textbook_recurrence_beyond_64_characters() {
        SplittableRandom random = new SplittableRandom(44L);
        for (int i = 0; i < 500; i++) {
            String a = RandomNames.over(random, "ABCD", 55, 130);
            String b = random.nextBoolean() ? RandomNames.typo(random, a) : RandomNames.over(random, "ABCD", 55, 130);
            assertThat(DamerauLevenshtein.distance(a, b)).as("%s -> %s", a, b).isEqualTo(reference(a, b));
        }
    }

    @Test
    void within_agrees_with_distance_at_every_threshold() {
        SplittableRandom random = new SplittableRandom(45L);
        for (int i = 0; i < 30_000; i++) {
            String a = RandomNames.over(random, "ABC", 0, 12);
            String b = random.nextInt(3) == 0 ? RandomNames.typo(random, a) : RandomNames.over(random, "ABC", 0, 12);
            int d = reference(a, b);
            for (int max = -1; max <= 13; max++) {
                assertThat(DamerauLevenshtein.within(a, b, max)).as("%s -> %s within %d", a, b, max).isEqualTo(d <= max);
            }
        }
    }

    @Test
    void within_agrees_with_distance_on_long_strings_after_short_ones_on_the_same_thread() {
        SplittableRandom random = new SplittableRandom(46L);
        for (int i = 0; i < 300; i++) {
            String a = RandomNames.over(random, "AB", 0, 150);
            String b = RandomNames.typo(random, a);
            int d = reference(a, b);
            for (int max = 0; max <= 4; max++) {
                assertThat(DamerauLevenshtein.within(a, b, max)).as("%s -> %s within %d", a, b, max).isEqualTo(d <= max);
            }
        }
    }

    @Test
    void is_symmetric_zero_on_equal_strings_and_bounded_by_the_lengths() {
        SplittableRandom random = new SplittableRandom(47L);
        for (int i = 0; i < 50_000; i++) {
            String a = RandomNames.over(random, "ABCD", 0, 12);
            String b = random.nextBoolean() ? RandomNames.typo(random, a) : RandomNames.over(random, "ABCD", 0, 12);
            int d = DamerauLevenshtein.distance(a, b);
            assertThat(d).as("%s -> %s", a, b)
                    .isEqualTo(DamerauLevenshtein.distance(b, a))
                    .isBetween(Math.abs(a.length() - b.length()), Math.max(a.length(), b.length()));
            assertThat(DamerauLevenshtein.distance(a, a)).isZero();
            assertThat(d == 0).isEqualTo(a.equals(b));
        }
    }

    @Test
    void is_within_twice_the_triangle_bound_because_a_transposition_is_two_levenshtein_edits() {
        SplittableRandom random = new SplittableRandom(48L);
        for (int i = 0; i < 30_000; i++) {
            String a = RandomNames.over(random, "ABC", 0, 8);
            String b = RandomNames.typo(random, a);
            String c = RandomNames.typo(random, b);
            int ab = DamerauLevenshtein.distance(a, b);
            int bc = DamerauLevenshtein.distance(b, c);
            assertThat(DamerauLevenshtein.distance(a, c)).as("%s, %s, %s", a, b, c).isLessThanOrEqualTo(2 * (ab + bc));
            // Up to three edits, but OSA may not edit a substring twice, so overlapping edits can cost more.
            assertThat(ab).isLessThanOrEqualTo(2 * 3);
        }
    }

    @Test
    void one_adjacent_swap_costs_one() {
        SplittableRandom random = new SplittableRandom(49L);
        for (int i = 0; i < 5_000; i++) {
            String a = RandomNames.name(random);
            int k = random.nextInt(a.length() - 1);
            char[] chars = a.toCharArray();
            char t = chars[k];
            chars[k] = chars[k + 1];
            chars[k + 1] = t;
            String b = new String(chars);
            assertThat(DamerauLevenshtein.distance(a, b)).isEqualTo(a.equals(b) ? 0 : 1);
        }
    }

    /** Full-matrix OSA recurrence, written for clarity. */
    private static int reference(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
