package org.threadline.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.threadline.app.audit.InstalledAuditLog;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.app.intake.PartnerLoads;
import org.threadline.domain.governance.agreements.AgreementRegistry;
import org.threadline.domain.governance.agreements.FeedCoverage;
import org.threadline.domain.governance.agreements.InvalidAgreementException;
import org.threadline.intake.load.FeedAgreements;
import org.threadline.intake.load.FeedRefusedException;
import org.threadline.intake.load.LoadException;
import org.threadline.intake.load.LoadReport;
import org.threadline.intake.source.OneFilePerTable;
import org.threadline.intake.source.SourceDefinition;
import org.threadline.intake.source.SourceDefinitionException;
import org.threadline.intake.source.SourceDefinitions;
import org.threadline.store.Database;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./threadline ingest}: loads partner files into the database, each in one transaction, keeping a copy of
 * each under THREADLINE_HOME/landed. A file already loaded adds nothing. A file is taken in only while a live
 * information sharing agreement covers its feed: otherwise it is refused, with the agreement's state, and nothing of
 * it is kept. Taking a file in and refusing one are both decisions to share or not, written to the audit log (an
 * accepted file's entry in the load's own transaction).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, subcommands = IngestRejectedCommand.class,
        description = {"Load partner files: keep each file, its rows as received and standardised, and quarantine"
            + " rows that fail validation with their reasons.",
            "Either --dir DIR (every file under DIR/extracts, matched to a definition in config/sources), or"
            + " --source DEFINITION.yaml FILE...",
            "Uses THREADLINE_DB_URL if set, else embedded PostgreSQL under THREADLINE_HOME/db.",
            "A file whose feed no agreement in force covers (config/agreements, or --agreements DIR) is refused with"
            + " the reason: no agreement, or the agreement expired, overdue for review, not yet valid or not active.",
            "'ingest rejected FILE --out F.csv' exports a load's quarantined rows with their reasons."})
final class IngestCommand implements Callable<Integer> {

    static final class What {
        @Option(names = "--dir", description = "A generated population folder (its extracts/ sub-folder is read)"
                + " or an extracts folder.")
        Path dir;

        @Option(names = "--source", description = "The source definition (YAML) that reads the FILEs.")
        Path source;
    }

    // Optional to picocli so that `ingest rejected` can run without it; call() insists on one of the two.
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    What what;

    @Option(names = "--prefer", split = ",", paramLabel = "EXT",
            description = "With --dir, when one table is there in several formats (custody.csv and custody.xlsx),"
                + " load only the first of these that is present and say which files were skipped."
                + " Default: csv,xlsx,jsonl,ndjson,json.")
    List<String> prefer = new ArrayList<>(OneFilePerTable.DEFAULT_PREFERENCE);

    @Option(names = "--agreements", paramLabel = "DIR", description = "The signed agreements that must cover each"
            + " feed, with their trusted keys in DIR/keys/trusted-keys.yaml (default: config/agreements).")
    Path agreements;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files to load with --source.")
    List<Path> files = new ArrayList<>();

    @Spec
    CommandSpec spec;

    /** Where THREADLINE_HOME and THREADLINE_DB_URL are read from: the process environment, except in tests. */
    private final Map<String, String> environment;
    /** Today, for the agreements' validity and review dates, and the landing time. */
    private final Clock clock;

    IngestCommand() {
        this(System.getenv(), Clock.systemUTC());
    }

    IngestCommand(Map<String, String> environment) {
        this(environment, Clock.systemUTC());
    }

    IngestCommand(Map<String, String> environment, Clock clock) {
        this.environment = Map.copyOf(environment);
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        if (what == null) {
            throw new UsageException("give --dir DIR or --source DEFINITION.yaml FILE..."
                    + " (or 'ingest rejected' to export quarantined rows)");
        }
        if (what.dir != null && !files.isEmpty()) {
            throw new UsageException("--dir reads every file under DIR; name FILEs only with --source");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Job> jobs;
        if (what.dir != null) {
            OneFilePerTable.Choice choice = fromFolder(what.dir, prefer.stream()
                    .map(e -> e.strip().replaceFirst("^\\.", "").toLowerCase(java.util.Locale.ROOT)).toList());
            for (OneFilePerTable.Skipped s : choice.skipped()) {
                out.println(String.format("%-44s %-36s skipped: %s", s.file().label(),
                        s.file().definition().reference(), s.reason()));
            }
            jobs = choice.chosen().stream().map(c -> new Job(c.file(), c.label(), c.definition())).toList();
        } else {
            jobs = fromSource(what.source, files);
        }
        AgreementRegistry registry = registry(agreements);
        FeedAgreements inForce = new FeedAgreements(registry, clock);
        ThreadlineHome home = ThreadlineHome.fromEnvironment(environment).create();
        int refused = 0;
        int landed = 0;
        long started = System.nanoTime();
        try (Database db = Database.open(environment, home.database())) {
            out.println("Loading " + jobs.size() + " file(s) into " + db.description());
            String by = System.getProperty("user.name", "unknown");
            PartnerLoads loads = new PartnerLoads(db.dataSource(), home.landed(), home.reports(), clock, registry,
                    InstalledAuditLog.store(home, clock));
            for (Job job : jobs) {
                try {
                    LoadReport report = loads.load(job.file, job.definition, by).report();
                    out.println(line(job, report, inForce.coverage(job.definition)));
                    if (!report.duplicate()) {
                        landed++;
                    }
                } catch (FeedRefusedException e) {
                    // Already recorded in the audit log as a decision not to share.
                    refused++;
                    out.println(String.format("%-44s %-36s refused: %s", job.label, job.definition.reference(),
                            e.getMessage()));
                } catch (LoadException e) {
                    refused++;
                    out.println(String.format("%-44s %-36s refused: %s", job.label, job.definition.reference(),
                            e.getMessage()));
                }
                out.flush();
            }
        }
        out.println("Data-quality scorecards (JSON and HTML, to send back to each partner): "
                + home.reports().resolve("quality"));
        if (landed > 0) {
            // Once people are built, new records reach their persons now, not at the next full build.
            try (PeopleContext people = new PeopleContext(environment)) {
                if (people.store.latestTrainedModel().isPresent()) {
                    try {
                        PeopleCommand.Attach.attach(people, out);
                    } catch (IllegalStateException e) {
                        // The load above is committed and stays; only the attaching waits.
                        out.println("The new records were loaded but not yet attached to people: " + e.getMessage());
                    }
                }
            }
        }
        out.printf("Done in %.1f s%s%n", (System.nanoTime() - started) / 1e9,
                refused == 0 ? "." : "; " + refused + " file(s) refused.");
        return refused == 0 ? 0 : ThreadlineCommand.FAILURE;
    }

    private record Job(Path file, String label, SourceDefinition definition) {
    }

    private static String line(Job job, LoadReport r, FeedCoverage coverage) {
        String what = r.duplicate() ? "already loaded (same SHA-256 " + r.sha256().substring(0, 12) + "…), nothing added"
                : String.format("rows %,d  loaded %,d  quarantined %,d", r.rowsRead(), r.loaded(), r.quarantined());
        String under = coverage instanceof FeedCoverage.Covered c ? "  under " + c.agreement() : "";
        return String.format("%-44s %-36s %s%s", job.label, r.definition(), what, under);
    }

    /**
     * The agreements in force: DIR (or config/agreements), every file fully checked against DIR's trusted keys. A
     * folder with any defect stops the command before anything is loaded (no sharing on a broken agreement).
     */
    static AgreementRegistry registry(Path folder) {
        Path dir = folder != null ? folder : PeopleContext.config("agreements", "");
        if (!Files.isDirectory(dir)) {
            throw new UsageException("no agreements folder " + dir + (folder == null ? " (is threadline.root the"
                    + " installation folder?)" : ""));
        }
        try {
            return AgreementRegistry.load(dir);
        } catch (InvalidAgreementException e) {
            throw new IllegalStateException("the agreements in " + dir + " do not check, so nothing is loaded: "
                    + e.getMessage(), e);
        }
    }

    /** Every file under the extracts folder with its definition, one file per table (see {@link OneFilePerTable}). */
    static OneFilePerTable.Choice fromFolder(Path dir, List<String> preference) throws IOException {
        Path extracts = Files.isDirectory(dir.resolve("extracts")) ? dir.resolve("extracts") : dir;
        if (!Files.isDirectory(extracts)) {
            throw new UsageException("not a folder: " + dir);
        }
        SourceDefinitions definitions = definitions();
        List<OneFilePerTable.Candidate> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(extracts)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String label = extracts.relativize(file).toString();
                try {
                    found.add(new OneFilePerTable.Candidate(file, label, definitions.match(extracts, file)));
                } catch (SourceDefinitionException e) {
                    throw new UsageException(e.getMessage());
                }
            }
        }
        return OneFilePerTable.choose(found, preference);
    }

    static List<Job> fromSource(Path source, List<Path> files) {
        if (files.isEmpty()) {
            throw new UsageException("name the FILE(s) that " + source + " reads");
        }
        SourceDefinition definition = SourceDefinitions.load(source);
        return files.stream().map(f -> new Job(f, f.toString(), definition)).toList();
    }

    /** The definitions under {@code config/sources} of the installation ({@code threadline.root}, as EdModel). */
    static SourceDefinitions definitions() {
        Path root = Path.of(System.getProperty("threadline.root", "."));
        return SourceDefinitions.loadAll(root.resolve("config").resolve("sources").toAbsolutePath().normalize());
    }
}
