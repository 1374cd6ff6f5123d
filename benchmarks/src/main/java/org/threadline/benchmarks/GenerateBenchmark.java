package org.threadline.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import org.threadline.domain.progress.Progress;
import org.threadline.synth.GenerationOptions;
import org.threadline.synth.GenerationReport;
import org.threadline.synth.PopulationGenerator;
import org.threadline.synth.output.OutputFormat;

/**
 * End-to-end generator benchmark: wall time, people per second and extract rows per second for one population,
 * written to a scratch folder. Run (after {@code ./mvnw -q -DskipTests package}):
 *
 * <pre>
 * java -Xmx2g -cp "benchmarks/target/classes:app/target/lib/*" \
 *     org.threadline.benchmarks.GenerateBenchmark 3000000 7 /tmp/threadline-bench csv
 * </pre>
 *
 * Peak memory is best read with {@code /usr/bin/time -v} around the command.
 */
public final class GenerateBenchmark {
    private GenerateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 3_000_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 7;
        Path out = Path.of(args.length > 2 ? args[2] : "/tmp/threadline-bench");
        EnumSet<OutputFormat> formats = args.length > 3 && args[3].equals("both")
                ? EnumSet.of(OutputFormat.CSV, OutputFormat.XLSX)
                : args.length > 3 && args[3].equals("xlsx") ? EnumSet.of(OutputFormat.XLSX) : EnumSet.of(OutputFormat.CSV);
        Files.createDirectories(out);
        long start = System.nanoTime();
        GenerationReport report = new PopulationGenerator()
                .generate(GenerationOptions.of(people, seed, out, formats), Progress.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.UK, "people=%d families=%d extract_rows=%d formats=%s cores=%d seconds=%.1f "
                        + "people_per_s=%.0f rows_per_s=%.0f%n", report.people(), report.lineages(),
                report.extractRows(), formats, Runtime.getRuntime().availableProcessors(), seconds,
                report.people() / seconds, report.extractRows() / seconds);
    }
}
