package org.threadline.intake.standardise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NameTextTest {
    private static final String ALPHABET = "abcXYZ  -'éŁß\t.1";

    @Test
    void the_quick_path_for_plain_names_folds_exactly_as_every_rule_would() {
        long seed = 20261126L;
        SplittableRandom random = new SplittableRandom(seed);
        int plain = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(12);
            for (int j = 0; j < n; j++) {
                // mostly letters and spaces, so that plain names are common
                b.append(random.nextInt(4) > 0 ? "aBzQ ".charAt(random.nextInt(5))
                        : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String raw = b.toString();
            plain += NameText.plain(raw.strip()) ? 1 : 0;
            assertThat(NameText.fold(raw)).as("seed %d, case %d: '%s'", seed, i, raw)
                    .isEqualTo(NameText.slowFold(raw.strip()));
        }
        assertThat(plain).as("the quick path was taken").isGreaterThan(10_000);
    }
}
