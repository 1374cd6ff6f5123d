package org.threadline.app.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.app.intake.PartnerLoads;
import org.threadline.intake.source.SourceDefinition;
import org.threadline.store.Database;
import org.threadline.store.intake.QuarantinedRows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./threadline ingest rejected FILE --out rejected.csv}: a load's quarantined rows, as received, with the
 * reasons, to send back to the partner. Cells a spreadsheet would run as formulas are neutralised on the way out.
 */
@Command(name = "rejected", mixinStandardHelpOptions = true,
        description = {"Export the rows of one load that were quarantined, with their reasons, as CSV.",
            "Cells beginning = + - @, a tab or a carriage return are written behind an apostrophe, so that a"
            + " spreadsheet shows them as text instead of running them."})
final class IngestRejectedCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE",
            description = "The landed file: its id, its SHA-256, or the first 8 or more hex digits of it (ingest"
                + " prints 12).")
    String reference;

    @Option(names = "--out", required = true, paramLabel = "F.csv", description = "Where to write the CSV.")
    Path out;

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;

    IngestRejectedCommand() {
        this(System.getenv());
    }

    IngestRejectedCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        ThreadlineHome home = ThreadlineHome.fromEnvironment(environment).create();
        try (Database db = Database.open(environment, home.database())) {
            QuarantinedRows quarantine = new QuarantinedRows(db.dataSource());
            QuarantinedRows.File file = quarantine.find(reference).orElseThrow(() -> new UsageException(
                    "no landed file has the id or SHA-256 '" + reference + "'"));
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            long written;
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                written = PartnerLoads.exportRejected(db.dataSource(), file, definition(file), w);
            }
            console.printf("Wrote %,d quarantined row(s) of %s (landed file %d, SHA-256 %s…) to %s%n", written,
                    file.originalName(), file.id(), file.sha256().substring(0, 12), out);
            console.println("Cells a spreadsheet would run as formulas begin with an apostrophe; the store keeps"
                    + " them as received.");
        }
        return 0;
    }

    /** The definition that read the file, if the installation still has it (for the file's own header). */
    private static Optional<SourceDefinition> definition(QuarantinedRows.File file) {
        try {
            return IngestCommand.definitions().byId(file.definitionId());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
