package org.threadline.linkage.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CanonicalNumberTest {

    @Test
    void numbers_are_written_as_the_shortest_plain_decimal() {
        assertThat(CanonicalJson.number(0.1)).isEqualTo("0.1");
        assertThat(CanonicalJson.number(10)).isEqualTo("10.0");
        assertThat(CanonicalJson.number(-1.5)).isEqualTo("-1.5");
        assertThat(CanonicalJson.number(0.0001)).isEqualTo("0.0001");
        assertThat(CanonicalJson.number(1e-7)).isEqualTo("0.0000001");
        assertThat(CanonicalJson.number(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(CanonicalJson.number(2e-3)).isEqualTo("0.002");
        assertThat(CanonicalJson.number(123456789012345.0)).isEqualTo("123456789012345.0");
        assertThat(CanonicalJson.number(0.0)).isEqualTo("0.0");
        assertThat(CanonicalJson.number(-0.0)).isEqualTo("-0.0");
    }

    @Test
    void very_small_and_very_large_numbers_use_an_exponent() {
        assertThat(CanonicalJson.number(1.5e-12)).isEqualTo("1.5e-12");
        assertThat(CanonicalJson.number(Double.MIN_VALUE)).isEqualTo("4.9e-324");
        assertThat(CanonicalJson.number(1e16)).isEqualTo("1.0e16");
    }

    @Test
    void every_written_number_reads_back_to_the_same_double() {
        SplittableRandom random = new SplittableRandom(20260301L);
        for (int i = 0; i < 200_000; i++) {
            double d = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong()) : random.nextDouble() * Math.pow(10,
                    random.nextInt(-12, 12));
            if (!Double.isFinite(d)) {
                continue;
            }
            String text = CanonicalJson.number(d);
            assertThat(Double.parseDouble(text)).as(text).isEqualTo(d);
            assertThat(CanonicalJson.number(Double.parseDouble(text))).isEqualTo(text);
        }
    }
}
