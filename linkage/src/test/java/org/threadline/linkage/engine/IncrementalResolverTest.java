package org.threadline.linkage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threadline.linkage.data.RecordTable;
import org.threadline.linkage.model.Thresholds;

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

    @Test
    void a_record_has_the_blocking_keys_batch_blocking_gives_it() {
        List<List<org.threadline.linkage.blocking.KeyPart>> rules = BlockingCompiler.compile(
                batch.model().blockingRules());
        for (int r = 0; r < rules.size(); r++) {
            int[] batchKeys = org.threadline.linkage.blocking.Blocker.keys(data.records(), rules.get(r));
            for (int record = 0; record < 200; record++) {
                assertThat(IncrementalResolver.blockingKeys(batch.model(), values(record))[r])
                        .as("rule %d, record %d", r, record).isEqualTo(batchKeys[record]);
            }
        }
    }

    @Test
    void only_the_candidates_sharing_a_key_with_the_kept_frequencies_decide_as_the_whole_population_does() {
        TermFrequencies kept = TermFrequencies.of(batch.model(), data.records(), 2);
        int[][] keysOf = new int[data.records().size()][];
        for (int record = 0; record < keysOf.length; record++) {
            keysOf[record] = IncrementalResolver.blockingKeys(batch.model(), values(record));
        }
        for (int probe = 0; probe < 60; probe++) {
            int[] probeKeys = keysOf[probe];
            RecordTable.Builder fetched = RecordTable.builder(batch.model().columns());
            List<Integer> clusterOfFetched = new java.util.ArrayList<>();
            for (int record = 0; record < keysOf.length; record++) {
                if (shareAKey(probeKeys, keysOf[record])) {
                    fetched.add(data.records().id(record), 0, values(record));
                    clusterOfFetched.add(batch.clustering().clusterOf(record));
                }
            }
            IncrementalResolver small = new IncrementalResolver(batch.model(), fetched.build(),
                    clusterOfFetched.stream().mapToInt(Integer::intValue).toArray(), Lookups.none(), kept);

            Resolution whole = resolver.resolve("again-" + probe, values(probe));
            Resolution part = small.resolve("again-" + probe, values(probe));

            assertThat(part.decision()).as("probe %d", probe).isEqualTo(whole.decision());
            assertThat(part.cluster()).as("probe %d", probe).isEqualTo(whole.cluster());
            assertThat(part.weight()).as("probe %d", probe).isCloseTo(whole.weight(), within(1e-9));
        }
    }

    @Test
    void a_value_left_out_of_the_kept_frequencies_counts_as_held_by_one_record() {
        TermFrequencies kept = TermFrequencies.of(batch.model(), data.records(), 2);
        String column = kept.present().keySet().iterator().next();
        int present = kept.present().get(column);

        assertThat(kept.counts().get(column).values()).allMatch(n -> n >= 2);
        assertThat(kept.frequency(column, "A VALUE NOBODY HOLDS TWICE")).isEqualTo(1.0 / present);
        assertThat(kept.frequency("no such column", "X")).isNaN();
    }

    @Test
    void a_pair_read_back_alone_is_explained_with_the_kept_frequencies_exactly_as_batch_explains_it() {
        TermFrequencies kept = TermFrequencies.of(batch.model(), data.records(), 2);
        int differsWithoutThem = 0;
        for (int p = 0; p < 200; p++) {
            int a = batch.pairs().left(p);
            int b = batch.pairs().right(p);
            RecordTable two = RecordTable.builder(batch.model().columns()).add("a", 0, values(a))
                    .add("b", 0, values(b)).build();
            double inBatch = Linker.explain(batch.model(), data.records(), Lookups.none(), a, b).totalWeight();

            assertThat(Linker.explain(batch.model(), two, Lookups.none(), 0, 1, kept).totalWeight())
                    .as("pair %d", p).isCloseTo(inBatch, within(1e-9));
            differsWithoutThem += Math.abs(Linker.explain(batch.model(), two, Lookups.none(), 0, 1).totalWeight()
                    - inBatch) > 1e-6 ? 1 : 0;
        }
        assertThat(differsWithoutThem).as("pairs a table of two would weigh differently").isPositive();
    }

    @Test
    void a_new_record_is_not_joined_to_a_cluster_batch_would_keep_apart_from_it_and_goes_to_review() {
        Thresholds th = new Thresholds(3.0, 0.0, -6.0);
        Resolution.Candidate strong = new Resolution.Candidate(1, 10, 12.0);
        Resolution.Candidate strangerInSameCluster = new Resolution.Candidate(2, 10, -9.0); // below fracture

        Resolution refused = IncrementalResolver.decide(List.of(strong, strangerInSameCluster), th);
        assertThat(refused.decision()).isEqualTo(Resolution.Decision.REVIEW);
        assertThat(refused.cluster()).isEqualTo(10);

        // the next cluster at or above join that is not kept apart is the one batch would join
        Resolution next = IncrementalResolver.decide(List.of(strong, new Resolution.Candidate(3, 20, 5.0),
                strangerInSameCluster), th);
        assertThat(next.decision()).isEqualTo(Resolution.Decision.MATCH);
        assertThat(next.cluster()).isEqualTo(20);
    }

    @Test
    void a_cluster_whose_candidates_on_average_say_another_person_is_not_joined_either() {
        Thresholds th = new Thresholds(3.0, 0.0, -6.0);
        List<Resolution.Candidate> mostlyAgainst = List.of(new Resolution.Candidate(1, 10, 4.0),
                new Resolution.Candidate(2, 10, -5.0), new Resolution.Candidate(3, 10, -5.0));
        List<Resolution.Candidate> onBalanceFor = List.of(new Resolution.Candidate(1, 10, 12.0),
                new Resolution.Candidate(2, 10, -5.0), new Resolution.Candidate(3, 10, -5.0));

        assertThat(IncrementalResolver.decide(mostlyAgainst, th).decision()).isEqualTo(Resolution.Decision.REVIEW);
        assertThat(IncrementalResolver.decide(onBalanceFor, th).decision()).isEqualTo(Resolution.Decision.MATCH);
        assertThat(IncrementalResolver.decide(List.of(new Resolution.Candidate(1, 10, -1.0)), th).decision())
                .isEqualTo(Resolution.Decision.NEW);
    }

    private static boolean shareAKey(int[] a, int[] b) {
        for (int r = 0; r < a.length; r++) {
            if (a[r] != org.threadline.linkage.blocking.Blocker.NO_KEY && a[r] == b[r]) {
                return true;
            }
        }
        return false;
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
