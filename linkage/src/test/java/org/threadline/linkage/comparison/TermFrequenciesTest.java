package org.threadline.linkage.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class TermFrequenciesTest {

    /** Eight non-null values; nulls and empties are not counted. */
    private static final TermFrequencies SURNAMES = TermFrequencies.of(Arrays.asList(
            "SMITH", "JONES", null, "SMITH", "PATEL", "", "ZBIGNIEW", "SMITH", "JONES", "KHAN"));

    @ParameterizedTest(name = "{0}: {2}")
    @CsvFileSource(resources = "term_frequencies_cases.csv", numLinesToSkip = 1)
    void each_value_has_its_share_of_non_null_records(String value, int count, double frequency) {
        assertThat(SURNAMES.count(value)).isEqualTo(count);
        assertThat(SURNAMES.frequency(value)).isCloseTo(frequency, within(1e-15));
    }

    @Test
    void totals_ignore_null_and_empty_values() {
        assertThat(SURNAMES.total()).isEqualTo(8);
        assertThat(SURNAMES.distinct()).isEqualTo(5);
        assertThat(SURNAMES.frequency(null)).isZero();
        assertThat(TermFrequencies.of(List.of()).frequency("SMITH")).isZero();
    }

    @Test
    void frequencies_of_a_large_random_column_match_a_plain_count_and_sum_to_one() {
        SplittableRandom random = new SplittableRandom(53L);
        List<String> column = new ArrayList<>();
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            // A skewed distribution: low numbers are common, as SMITH is.
            String value = "N" + (int) Math.floor(Math.pow(random.nextDouble(), 3) * 5_000);
            column.add(value);
            expected.merge(value, 1, Integer::sum);
        }
        TermFrequencies tf = TermFrequencies.of(column);
        double sum = 0;
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            assertThat(tf.count(e.getKey())).isEqualTo(e.getValue());
            sum += tf.frequency(e.getKey());
        }
        assertThat(sum).isCloseTo(1.0, within(1e-9));
        assertThat(tf.distinct()).isEqualTo(expected.size());
    }

    @Test
    void many_threads_read_the_same_table() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Double>> reads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                reads.add(pool.submit(() -> {
                    double sum = 0;
                    for (int i = 0; i < 10_000; i++) {
                        sum += SURNAMES.frequency("SMITH");
                    }
                    return sum;
                }));
            }
            for (Future<Double> read : reads) {
                assertThat(read.get()).isCloseTo(3_750.0, within(1e-6));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
