package org.threadline.linkage.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class IdentifiersTest {

    /** The NHS number check: ten digits, mod-11 check digit (the domain module owns the real one). */
    private static final Predicate<String> NHS_NUMBER = IdentifiersTest::validNhsNumber;

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @CsvFileSource(resources = "identifiers_cases.csv", numLinesToSkip = 1)
    void named_cases_give_the_tabled_agreement(String a, String b, IdentifierAgreement expected) {
        assertThat(Identifiers.agreement(a, b, NHS_NUMBER)).isEqualTo(expected);
    }

    @Test
    void agreement_is_symmetric_over_random_nhs_numbers() {
        SplittableRandom random = new SplittableRandom(31L);
        int[] seen = new int[IdentifierAgreement.values().length];
        for (int i = 0; i < 20_000; i++) {
            String a = nhsNumber(random);
            String b = random.nextInt(3) == 0 ? a : nhsNumber(random);
            IdentifierAgreement ab = Identifiers.agreement(a, b, NHS_NUMBER);
            assertThat(ab).as("%s vs %s", a, b).isEqualTo(Identifiers.agreement(b, a, NHS_NUMBER));
            seen[ab.ordinal()]++;
        }
        assertThat(seen).as("every level reached").doesNotContain(0);
    }

    @Test
    void empty_is_null_before_validity_is_asked() {
        assertThat(Identifiers.agreement("", "X", v -> { throw new AssertionError("validated"); }))
                .isEqualTo(IdentifierAgreement.NULL);
    }

    /** Mostly valid numbers, some with a broken check digit, a few missing. */
    private static String nhsNumber(SplittableRandom random) {
        if (random.nextInt(20) == 0) {
            return random.nextBoolean() ? null : "";
        }
        while (true) {
            StringBuilder digits = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                int d = random.nextInt(3);
                digits.append(d);
                sum += d * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                int written = random.nextInt(5) == 0 ? (check + 1) % 10 : check;
                return digits.append(written).toString();
            }
        }
    }

    private static boolean validNhsNumber(String s) {
        if (s.length() != 10 || !s.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (s.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == s.charAt(9) - '0';
    }
}
