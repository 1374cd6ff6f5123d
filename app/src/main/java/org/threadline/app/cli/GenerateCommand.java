package org.threadline.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.threadline.synth.GenerationOptions;
import org.threadline.synth.GenerationReport;
import org.threadline.synth.PopulationGenerator;
import org.threadline.synth.errors.ErrorRates;
import org.threadline.synth.output.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./threadline generate}: writes a synthetic population's agency extracts and truth. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate a synthetic West Midlands population: each agency's extracts plus the ground truth.",
            "Deterministic: the same seed and options write byte-identical files."})
final class GenerateCommand implements Callable<Integer> {

    /** The output formats a user can ask for. */
    enum Format {
        csv, xlsx, both
    }

    @Option(names = "--people", defaultValue = "10000", description = "How many people (default ${DEFAULT-VALUE}).")
    int people;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, description = "Folder to write into.")
    Path out;

    @Option(names = "--format", defaultValue = "both", description = "csv, xlsx or both (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--as-of", description = "Extract date, yyyy-mm-dd (default 2026-03-31).")
    LocalDate asOf;

    @Option(names = "--error-scale", defaultValue = "1",
            description = "Multiply every error rate (0 = clean extracts; default ${DEFAULT-VALUE}).")
    double errorScale;

    @Option(names = "--error-rate", paramLabel = "KIND=RATE",
            description = "Set one error rate, e.g. name-typo=0.05 (repeatable; see docs/synthetic-data.md).")
    List<String> errorRates = new ArrayList<>();

    @Option(names = "--threads", description = "Worker threads (default: all cores). Output does not depend on it.")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        GenerationReport report = generate(options(), out);
        Summary.print(report, out);
        return 0;
    }

    GenerationOptions options() {
        ErrorRates errors;
        try {
            errors = ErrorRates.defaults().scaled(errorScale).with(errorRates);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Set<OutputFormat> formats = switch (format) {
            case csv -> EnumSet.of(OutputFormat.CSV);
            case xlsx -> EnumSet.of(OutputFormat.XLSX);
            case both -> EnumSet.of(OutputFormat.CSV, OutputFormat.XLSX);
        };
        try {
            return new GenerationOptions(people, seed, out, formats, errors,
                    asOf == null ? GenerationOptions.DEFAULT_AS_OF : asOf,
                    threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static GenerationReport generate(GenerationOptions options, PrintWriter out) throws Exception {
        return new PopulationGenerator().generate(options, ConsoleProgress.forConsole(out));
    }
}
