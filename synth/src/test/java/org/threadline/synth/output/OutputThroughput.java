package org.threadline.synth.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * An informal throughput check, not a test (no timing assertions on a shared 2-core machine). Prints rows per
 * second for 10-column rows. Run after {@code ./mvnw -q -B -pl synth -am test-compile}:
 *
 * <pre>{@code
 * java -cp synth/target/test-classes:synth/target/classes:$(cat cp.txt) \
 *     org.threadline.synth.output.OutputThroughput 2000000 300000
 * }</pre>
 */
public final class OutputThroughput {

    private static final int COLUMNS = 10;

    private OutputThroughput() {
    }

    /** Arguments: CSV rows, XLSX rows. */
    public static void main(String[] args) throws IOException {
        int csvRows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int xlsxRows = args.length > 1 ? Integer.parseInt(args[1]) : 300_000;
        Path dir = Files.createTempDirectory("throughput");
        List<String[]> pool = rows(10_000);
        List<ColumnSpec> columns = new ArrayList<>();
        for (int c = 0; c < COLUMNS; c++) {
            columns.add(c == 3 ? ColumnSpec.date("c3", "dd/MM/yyyy") : c == 4 ? ColumnSpec.integer("c4")
                    : ColumnSpec.text("c" + c));
        }
        TableSpec spec = new TableSpec("bench", columns, CsvDialect.rfc4180(), XlsxOptions.sheet("Bench"));
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            run("CSV", dir, spec, OutputFormat.CSV, pool, csvRows);
            run("XLSX", dir, spec, OutputFormat.XLSX, pool, xlsxRows);
        }
        run("CSV windows-1252", dir, new TableSpec("bench", columns,
                CsvDialect.rfc4180().withCharset(CsvDialect.WINDOWS_1252), spec.xlsx()), OutputFormat.CSV, pool, csvRows);
    }

    private static void run(String label, Path dir, TableSpec spec, OutputFormat format, List<String[]> pool,
            int count) throws IOException {
        Path base = dir.resolve("bench");
        long start = System.nanoTime();
        try (TableWriter writer = TableOutput.of(EnumSet.of(format), Extracts.EXTRACT_TIME).open(base, spec)) {
            for (int i = 0; i < count; i++) {
                writer.row(pool.get(i % pool.size()));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Path file = TableOutput.fileFor(base, format);
        System.out.printf("%-18s %,10d rows in %6.2f s = %,10.0f rows/s, %,d bytes%n", label, count, seconds,
                count / seconds, Files.size(file));
        Files.delete(file);
    }

    private static List<String[]> rows(int count) {
        List<String[]> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(new String[] {
                "P" + (1_000_000 + i), "Smith" + (i % 977), i % 13 == 0 ? "O'Brien, \"Jo\"" : "Jo" + (i % 31),
                String.format(Locale.ROOT, "%02d/%02d/%d", 1 + i % 28, 1 + i % 12, 1950 + i % 70), Integer.toString(i % 90),
                "B" + (i % 50) + " " + (i % 9) + "XY", "12 High Street", i % 17 == 0 ? "" : "Dudley",
                "Ms", "Wałęsa"});
        }
        return rows;
    }
}
