package org.threadline.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.threadline.linkage.data.RecordTable;
import org.threadline.linkage.engine.IncrementalResolver;
import org.threadline.linkage.engine.LinkResult;
import org.threadline.linkage.engine.Linker;
import org.threadline.linkage.engine.Lookups;
import org.threadline.linkage.engine.Resolution;
import org.threadline.linkage.model.LinkageModel;
import org.threadline.linkage.model.ModelJson;

/**
 * Latency of resolving one new record against an indexed, clustered population: holds out the first 10,000 rows of
 * the ED benchmark's input, indexes and clusters the rest with the trained model, then resolves each held-out record
 * and reports the percentiles. Run after {@link EdDedupeBenchmark}:
 *
 * <pre>
 * java -Xmx8g -cp "benchmarks/target/classes:app/target/lib/*:app/target/threadline.jar" \
 *     org.threadline.benchmarks.IncrementalBenchmark /tmp/ed-bench
 * </pre>
 */
public final class IncrementalBenchmark {
    private static final int HELD_OUT = 10_000;

    private IncrementalBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path work = Path.of(args.length > 0 ? args[0] : "/tmp/ed-bench");
        LinkageModel model = ModelJson.read(work.resolve("out/model.json"));
        List<String> columns = model.columns();
        RecordTable.Builder indexed = RecordTable.builder(columns);
        List<String[]> heldOut = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(work.resolve("ed.csv"), java.nio.charset.StandardCharsets.UTF_8,
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord r : p) {
                String[] values = new String[columns.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = r.get(columns.get(i));
                }
                if (heldOut.size() < HELD_OUT) {
                    heldOut.add(values);
                } else {
                    indexed.add(r.get(model.uniqueIdColumn()), 0, values);
                }
            }
        }
        RecordTable records = indexed.build();
        Lookups lookups = org.threadline.app.cli.LinkageLookups.standard();
        LinkResult batch = new Linker(new ForkJoinPool(2), 200_000_000).run(model, records, lookups, null);
        long start = System.nanoTime();
        IncrementalResolver resolver = new IncrementalResolver(model, records, batch.clustering().clusterIds(),
                lookups);
        System.out.printf(Locale.UK, "indexed %,d records in %.1f s%n", records.size(),
                (System.nanoTime() - start) / 1e9);
        for (int i = 0; i < 2_000; i++) {
            resolver.resolve("warm" + i, heldOut.get(i)); // JIT warm-up, not measured
        }
        long[] nanos = new long[heldOut.size()];
        int[] decisions = new int[3];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            Resolution r = resolver.resolve("new" + i, heldOut.get(i));
            nanos[i] = System.nanoTime() - t;
            decisions[r.decision().ordinal()]++;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.UK, "resolved %,d new records: p50 %.2f ms, p99 %.2f ms, max %.2f ms; MATCH %d, REVIEW %d, "
                        + "NEW %d%n", nanos.length, nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6,
                nanos[nanos.length - 1] / 1e6, decisions[0], decisions[1], decisions[2]);
    }
}
