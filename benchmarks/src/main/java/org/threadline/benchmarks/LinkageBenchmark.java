package org.threadline.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.threadline.app.cli.ThreadlineCommand;

/**
 * Runs {@code ./threadline link run --train --truth entity} on a public benchmark set after re-keying and shuffling
 * it, so that neither ids nor row order can help (shared/data/README.md): every record gets a random surrogate id,
 * its true entity goes to a column the engine only reads for measuring, and rows are shuffled with a fixed seed.
 *
 * <pre>
 * ./mvnw -q -DskipTests package
 * java -cp "benchmarks/target/classes:app/target/lib/*:app/target/threadline.jar" \
 *     org.threadline.benchmarks.LinkageBenchmark febrl3 ../shared/data /tmp/linkage-bench
 * </pre>
 * Sets: {@code febrl3}, {@code febrl4}, {@code fake_1000}, {@code historical_50k}.
 */
public final class LinkageBenchmark {
    private LinkageBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        String set = args[0];
        Path data = Path.of(args.length > 1 ? args[1] : "../shared/data");
        Path work = Path.of(args.length > 2 ? args[2] : "/tmp/linkage-bench").resolve(set);
        Files.createDirectories(work);
        List<String> run = new ArrayList<>(List.of("link", "run", "--train", "--truth", "entity",
                "--out", work.resolve("out").toString()));
        switch (set) {
            case "febrl3" -> {
                prepare(data.resolve("febrl/dataset3.csv"), work.resolve("a.csv"), "rec_id", LinkageBenchmark::febrlEntity);
                run.addAll(List.of("--model", "config/models/febrl-dedupe.json", "--input", work.resolve("a.csv").toString()));
            }
            case "febrl4" -> {
                prepare(data.resolve("febrl/dataset4a.csv"), work.resolve("a.csv"), "rec_id", LinkageBenchmark::febrlEntity);
                prepare(data.resolve("febrl/dataset4b.csv"), work.resolve("b.csv"), "rec_id", LinkageBenchmark::febrlEntity);
                run.addAll(List.of("--model", "config/models/febrl-link.json", "--input", work.resolve("a.csv").toString(),
                        "--input", work.resolve("b.csv").toString()));
            }
            case "fake_1000" -> {
                prepare(data.resolve("fake_1000/fake_1000.csv"), work.resolve("a.csv"), "cluster", v -> v);
                run.addAll(List.of("--model", "config/models/fake-1000.json", "--input", work.resolve("a.csv").toString()));
            }
            case "historical_50k" -> {
                prepare(data.resolve("historical_50k/historical_figures_with_errors_50k.csv"), work.resolve("a.csv"),
                        "cluster", v -> v);
                run.addAll(List.of("--model", "config/models/historical-50k.json", "--input",
                        work.resolve("a.csv").toString()));
            }
            default -> throw new IllegalArgumentException("unknown set " + set);
        }
        long start = System.nanoTime();
        int code = ThreadlineCommand.execute(run.toArray(new String[0]), new PrintWriter(System.out, true),
                new PrintWriter(System.err, true));
        System.out.printf("%s: exit %d, wall %.1f s (including CSV reading and writing)%n", set, code,
                (System.nanoTime() - start) / 1e9);
        System.exit(code);
    }

    /** Extracts the true entity from a column's value. */
    private interface EntityOf {
        String entity(String value);
    }

    private static String febrlEntity(String recId) {
        String[] parts = recId.split("-");
        return parts[1];
    }

    /**
     * Writes {@code out} with a surrogate {@code id}, the {@code entity}, and every original column but the one that
     * gave the entity and the original id, trimmed; rows shuffled with a fixed seed.
     */
    private static void prepare(Path in, Path out, String entityColumn, EntityOf entityOf) throws IOException {
        List<CSVRecord> rows;
        List<String> header;
        try (Reader r = Files.newBufferedReader(in, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(r, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                     .setIgnoreSurroundingSpaces(true).setTrim(true).get())) {
            header = p.getHeaderNames();
            rows = p.getRecords();
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(20261126L + in.getFileName().toString().hashCode()));
        List<String> keep = new ArrayList<>();
        for (String h : header) {
            if (!h.equals(entityColumn) && !h.equals("rec_id") && !h.equals("unique_id")) {
                keep.add(h);
            }
        }
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180)) {
            List<String> head = new ArrayList<>(List.of("id", "entity"));
            head.addAll(keep);
            printer.printRecord(head);
            int surrogate = 0;
            for (int i : order) {
                CSVRecord row = rows.get(i);
                List<String> cells = new ArrayList<>();
                cells.add(in.getFileName().toString().charAt(7) + "x" + (surrogate++));
                cells.add(entityOf.entity(row.get(entityColumn)));
                for (String k : keep) {
                    cells.add(row.get(k));
                }
                printer.printRecord(cells);
            }
        }
    }
}
