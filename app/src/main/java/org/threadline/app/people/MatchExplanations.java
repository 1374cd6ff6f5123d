package org.threadline.app.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threadline.app.cli.LinkageLookups;
import org.threadline.linkage.data.RecordTable;
import org.threadline.linkage.engine.Linker;
import org.threadline.linkage.engine.TermFrequencies;
import org.threadline.linkage.model.LinkageModel;
import org.threadline.linkage.model.ModelJson;
import org.threadline.linkage.scoring.ComparisonContribution;
import org.threadline.linkage.scoring.Explanation;
import org.threadline.store.people.Build;
import org.threadline.store.people.PeopleStore;

/**
 * Why two records were joined: the waterfall of evidence, recomputed from the trained model stored with the latest
 * build, the term frequencies the build counted, and the two records' stored identity fields. One limit, said
 * wherever it is shown: the agency's own person key is not stored with a record, so that comparison is always "no
 * data". (A build from before the frequencies were kept is explained with those of the two records alone.)
 */
public final class MatchExplanations {
    private final Optional<LinkageModel> trained;
    private final Optional<TermFrequencies> frequencies;

    public MatchExplanations(PeopleStore store) {
        this(store.latestTrainedModel().map(ModelJson::read),
                store.latestTermFrequencies().map(PeopleBuilder::readFrequencies));
    }

    private MatchExplanations(Optional<LinkageModel> trained, Optional<TermFrequencies> frequencies) {
        this.trained = trained;
        this.frequencies = frequencies;
    }

    /**
     * The explanations of the latest build, kept until a newer build lands: reading and parsing the trained model
     * on every person page cost as much as the rest of the page.
     */
    public static final class Latest {
        private final PeopleStore store;
        private final java.util.concurrent.atomic.AtomicReference<Held> held =
                new java.util.concurrent.atomic.AtomicReference<>(new Held(-1, new MatchExplanations(Optional.empty(), Optional.empty())));

        private record Held(long run, MatchExplanations explanations) {
        }

        public Latest(PeopleStore store) {
            this.store = store;
        }

        public MatchExplanations get() {
            long run = store.latestRunId().orElse(0L);
            Held h = held.get();
            if (h.run() != run) {
                h = new Held(run, new MatchExplanations(store));
                held.set(h);
            }
            return h.explanations();
        }
    }

    /** One comparison's bar: its name, the level the two records reached, and its weight (log2 Bayes factor). */
    public record Bar(String comparison, String level, double weight) {
    }

    /** The whole waterfall: prior, bars, total weight and the probability it stands for. */
    public record Waterfall(String recordA, String recordB, double prior, List<Bar> bars, double total,
                            double probability) {
    }

    public boolean available() {
        return trained.isPresent();
    }

    /** The waterfall for two records; empty before the first build. */
    public Optional<Waterfall> explain(Build.RecordRow a, Build.RecordRow b) {
        if (trained.isEmpty()) {
            return Optional.empty();
        }
        LinkageModel model = trained.get();
        RecordTable table = RecordTable.builder(model.columns())
                .add(a.recordKey(), 0, cells(model, a.identity()))
                .add(b.recordKey(), 0, cells(model, b.identity()))
                .build();
        Explanation e = frequencies.isPresent()
                ? Linker.explain(model, table, LinkageLookups.standard(), 0, 1, frequencies.get())
                : Linker.explain(model, table, LinkageLookups.standard(), 0, 1);
        List<Bar> bars = new ArrayList<>();
        for (ComparisonContribution c : e.contributions()) {
            bars.add(new Bar(c.comparisonName(), c.levelLabel(), c.log2Contribution()));
        }
        return Optional.of(new Waterfall(a.recordKey(), b.recordKey(), e.priorWeight(), bars, e.totalWeight(),
                e.probability()));
    }

    /**
     * For each record of a person, the strongest evidence joining it to another record of the same person (at most
     * {@code limit} records are compared, pairwise).
     */
    public Map<String, Waterfall> strongestJoins(List<Build.RecordRow> records, int limit) {
        Map<String, Waterfall> out = new java.util.LinkedHashMap<>();
        List<Build.RecordRow> rs = records.size() > limit ? records.subList(0, limit) : records;
        if (rs.size() < 2 || trained.isEmpty()) {
            return out;
        }
        Waterfall[][] w = new Waterfall[rs.size()][rs.size()];
        for (int i = 0; i < rs.size(); i++) {
            for (int j = i + 1; j < rs.size(); j++) {
                w[i][j] = explain(rs.get(i), rs.get(j)).orElseThrow();
                w[j][i] = w[i][j];
            }
        }
        for (int i = 0; i < rs.size(); i++) {
            Waterfall best = null;
            for (int j = 0; j < rs.size(); j++) {
                if (j != i && (best == null || w[i][j].total() > best.total())) {
                    best = w[i][j];
                }
            }
            out.put(rs.get(i).recordKey(), best);
        }
        return out;
    }

    private static String[] cells(LinkageModel model, Map<String, String> identity) {
        return model.columns().stream().map(c -> identity.getOrDefault(c, "")).toArray(String[]::new);
    }
}
