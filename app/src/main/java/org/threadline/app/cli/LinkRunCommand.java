package org.threadline.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import org.threadline.linkage.clustering.ClusterState;
import org.threadline.linkage.clustering.Clustering;
import org.threadline.linkage.data.RecordTable;
import org.threadline.linkage.engine.LinkResult;
import org.threadline.linkage.engine.Linker;
import org.threadline.linkage.engine.TrainingSettings;
import org.threadline.linkage.evaluation.ClusterMetrics;
import org.threadline.linkage.evaluation.PairwiseMetrics;
import org.threadline.linkage.model.InvalidModelException;
import org.threadline.linkage.model.LinkType;
import org.threadline.linkage.model.LinkageModel;
import org.threadline.linkage.model.ModelJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./threadline link run}: block, (train), score and cluster CSV records; write pairs, clusters, the model. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Deduplicate one CSV file or link two with a model whose column names match their headers.",
            "Writes pairs.csv, clusters.csv, review.csv, model.json, warnings.txt and, with --truth, metrics.json."})
final class LinkRunCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "The model document (JSON).")
    Path model;

    @Option(names = "--input", required = true, description = "A CSV file (one to deduplicate, two to link).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--out", required = true, description = "Folder for the results.")
    Path out;

    @Option(names = "--train", description = "Train the model on these records first (unsupervised).")
    boolean train;

    @Option(names = "--truth", description = "A column holding the true entity id, to measure quality (never used "
            + "for training).")
    String truth;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for training's random sampling.")
    long seed;

    @Option(names = "--u-pairs", defaultValue = "1000000", description = "Random pairs sampled for u.")
    int uPairs;

    @Option(names = "--max-pairs", defaultValue = "200000000", description = "Refuse more candidate pairs than this.")
    long maxPairs;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        LinkageModel m;
        try {
            m = ModelJson.read(model);
        } catch (InvalidModelException e) {
            throw new UsageException(model + " is not a valid model:\n" + e.getMessage());
        }
        int expected = m.linkType() == LinkType.LINK ? 2 : 1;
        if (inputs.size() != expected) {
            throw new UsageException("a " + m.linkType().name().toLowerCase(Locale.ROOT) + " model takes " + expected
                    + " --input file(s), got " + inputs.size());
        }
        long start = System.nanoTime();
        LinkInputs.Loaded loaded = LinkInputs.read(m, inputs, truth);
        long readMillis = (System.nanoTime() - start) / 1_000_000;
        RecordTable records = loaded.records();
        ForkJoinPool pool = new ForkJoinPool(threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        TrainingSettings settings = train ? new TrainingSettings(seed, uPairs, 0.6,
                Instant.now(Clock.systemUTC()).truncatedTo(ChronoUnit.SECONDS).toString()) : null;
        LinkResult result;
        try {
            console.printf(Locale.UK, "link: read %,d records in %,d ms%n", records.size(), readMillis);
            result = new Linker(pool, maxPairs).run(m, records, LinkageLookups.standard(), settings,
                    phase -> {
                        console.println("link: " + phase);
                        console.flush();
                    });
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageException(e.getMessage());
        } finally {
            pool.shutdown();
        }
        long totalMillis = (System.nanoTime() - start) / 1_000_000;
        Files.createDirectories(out);
        ModelJson.write(result.model(), out.resolve("model.json"));
        writePairs(out.resolve("pairs.csv"), records, result);
        writeClusters(out.resolve("clusters.csv"), records, result.clustering());
        writeReview(out.resolve("review.csv"), records, result.clustering());
        Files.write(out.resolve("warnings.txt"), result.warnings(), StandardCharsets.UTF_8);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("records", records.size());
        metrics.put("candidate_pairs", result.pairs().size());
        Map<String, Long> phases = new LinkedHashMap<>();
        phases.put("reading", readMillis);
        phases.putAll(result.millis());
        phases.put("total_excluding_writing", totalMillis);
        metrics.put("milliseconds", phases);
        metrics.put("warnings", result.warnings());
        if (loaded.truth() != null) {
            addQuality(metrics, result, records, loaded.truth());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(out.resolve("metrics.json").toFile(), metrics);
        }
        report(console, records, result, metrics, totalMillis);
        return 0;
    }

    private static void addQuality(Map<String, Object> metrics, LinkResult result, RecordTable records, int[] truth) {
        int[] sources = new int[records.size()];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = records.source(i);
        }
        boolean link = result.model().linkType() == LinkType.LINK;
        metrics.put("pairwise_at_join_threshold", PairwiseMetrics.at(result.model().thresholds().join(),
                result.pairs().left(), result.pairs().right(), result.weights(), truth, sources, link));
        metrics.put("pairwise_best", PairwiseMetrics.best(result.pairs().left(), result.pairs().right(),
                result.weights(), truth, sources, link));
        metrics.put("clusters", ClusterMetrics.of(result.clustering().clusterIds(), truth));
        metrics.put("clusters_needing_attention", result.clustering().needingAttention().size());
    }

    private static void writePairs(Path file, RecordTable records, LinkResult result) throws IOException {
        double floor = result.model().thresholds().reviewLow();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("left_id,right_id,match_weight,match_probability\n");
            for (int p = 0; p < result.pairs().size(); p++) {
                double weight = result.weights()[p];
                if (weight >= floor) {
                    w.write(csv(records.id(result.pairs().left(p))) + "," + csv(records.id(result.pairs().right(p)))
                            + "," + String.format(Locale.ROOT, "%.4f,%.6f", weight,
                            org.threadline.linkage.scoring.MatchWeights.probability(weight)) + "\n");
                }
            }
        }
    }

    private static void writeClusters(Path file, RecordTable records, Clustering clustering) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("record_id,source,cluster_id,cluster_state\n");
            for (int r = 0; r < records.size(); r++) {
                int cluster = clustering.clusterOf(r);
                ClusterState state = clustering.state(cluster);
                w.write(csv(records.id(r)) + "," + records.source(r) + "," + csv(records.id(cluster)) + ","
                        + state + "\n");
            }
        }
    }

    private static void writeReview(Path file, RecordTable records, Clustering clustering) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("left_id,right_id,match_weight\n");
            for (var pair : clustering.reviewPairs()) {
                w.write(csv(records.id(pair.left())) + "," + csv(records.id(pair.right()))
                        + String.format(Locale.ROOT, ",%.4f%n", pair.weight()));
            }
        }
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    private void report(PrintWriter console, RecordTable records, LinkResult result, Map<String, Object> metrics,
                        long totalMillis) {
        console.printf(Locale.UK, "Linked %,d records: %,d candidate pairs scored in %.1fs (%s).%n", records.size(),
                result.pairs().size(), totalMillis / 1000.0, metrics.get("milliseconds"));
        console.printf(Locale.UK, "Clusters needing attention: %d; pairs for human review: %,d.%n",
                result.clustering().needingAttention().size(), result.clustering().reviewPairs().size());
        if (metrics.containsKey("pairwise_at_join_threshold")) {
            PairwiseMetrics p = (PairwiseMetrics) metrics.get("pairwise_at_join_threshold");
            PairwiseMetrics best = (PairwiseMetrics) metrics.get("pairwise_best");
            ClusterMetrics c = (ClusterMetrics) metrics.get("clusters");
            console.printf(Locale.UK, "At the join threshold %.2f: precision %.4f, recall %.4f, F1 %.4f "
                            + "(best F1 %.4f at %.2f).%n", p.threshold(), p.precision(), p.recall(), p.f1(), best.f1(),
                    best.threshold());
            console.printf(Locale.UK, "Clusters: B-cubed precision %.4f, recall %.4f; over-merged clusters: %d.%n",
                    c.bCubedPrecision(), c.bCubedRecall(), c.overMerged());
        }
        if (!result.warnings().isEmpty()) {
            console.printf(Locale.UK, "%d training notes (e.g. a level never seen in a pass) are in warnings.txt.%n",
                    result.warnings().size());
        }
        console.println("Results in " + out.toAbsolutePath());
    }
}
