package org.threadline.linkage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threadline.linkage.data.RecordTable;

class IncrementalResolverTest {
    private static LinkerTest.Data data;
    private static LinkResult batch;
    private static IncrementalResolver resolver;

    @BeforeAll
    static void link() {
        data = LinkerTest.population(1500, 21);
        batch = new Linker(new ForkJoinPool(2), 5_000_000).run(LinkerTest.model(), data.records(), Lookups.none(),
                new TrainingSettings(3, 50_000, 0.6, "2026-11-26T00:00:00Z"));
        resolver = new IncrementalResolver(batch.model(), data.records(), batch.clustering().clusterIds(),
                Lookups.none());
    }

    @Test
    void a_new_record_is_scored_against_its_candidates_exactly_as_batch_scored_the_pair() {
        for (int p = 0; p < 40; p++) {
            int a = batch.pairs().left(p);
            int b = batch.pairs().right(p);
            Resolution r = resolver.resolve("new", values(b));
            Resolution.Candidate candidate = r.candidates().stream().filter(c -> c.record() == a).findFirst()
                    .orElseThrow();
            assertThat(candidate.weight()).isCloseTo(batch.weights()[p], within(1e-9));
        }
    }

    @Test
    void a_copy_of_a_known_record_joins_its_cluster() {
        for (int r = 0; r < 100; r++) {
            Resolution res = resolver.resolve("copy-" + r, values(r));
            assertThat(res.decision()).isEqualTo(Resolution.Decision.MATCH);
            assertThat(res.cluster()).isEqualTo(batch.clustering().clusterOf(r));
        }
    }

    @Test
    void a_stranger_is_new() {
        Resolution res = resolver.resolve("stranger", "ZEBEDEE", "QUIXOTE-FARNSWORTH", "1901-02-03", "ZZ1 1ZZ");

        assertThat(res.decision()).isEqualTo(Resolution.Decision.NEW);
        assertThat(res.cluster()).isEqualTo(-1);
    }

    private static String[] values(int record) {
        RecordTable t = data.records();
        List<String> columns = batch.model().columns();
        String[] out = new String[columns.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.column(columns.get(i)).value(record);
        }
        return out;
    }
}
