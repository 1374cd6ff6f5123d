package org.threadline.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.synth.GenerationOptions;
import org.threadline.synth.GenerationReport;
import org.threadline.synth.errors.ErrorRates;
import org.threadline.synth.output.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./threadline demo}: the whole spine on synthetic data under THREADLINE_HOME: generate a population, ingest it
 * under the agreements, resolve people and check them against the truth, read a sample family's chronology as a
 * declared practitioner, run the indicator rules and measure them, land a new police incident and show the alert it
 * raises, then serve the web application.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the product end to end on synthetic data: generate, ingest, link, chronology, flags and"
                + " alerts, then serve the web application.")
final class DemoCommand implements Callable<Integer> {
    /** Who the demo's printouts are read as: a children's social worker triaging a MASH referral. */
    static final String DEMO_READER = "CHILDRENS_SOCIAL_CARE:SOCIAL_WORKER";
    static final String DEMO_PURPOSE = "SAFEGUARDING.CHILD.MASH_TRIAGE";
    /**
     * The demo's case reference: opened in the case register of the demo logins' agencies, linking the sample child
     * and their family ({@link DemoCases}), so the purposes that need a case work for them (docs/web.md).
     */
    static final String DEMO_CASE = "DEMO-MASH-0001";

    @Option(names = "--people", defaultValue = "5000", description = "Population size (default ${DEFAULT-VALUE}).")
    int people;

    @Option(names = "--seed", defaultValue = "7", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--serve", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Then serve the web application with the demo accounts (new passwords printed) until"
                    + " stopped (default); --no-serve ends after the command-line steps.")
    boolean serve;

    @Option(names = "--port", defaultValue = "8080", description = "Port for --serve (default ${DEFAULT-VALUE}).")
    int port;

    @Spec
    CommandSpec spec;

    /** The operator running the demo, as the audit log records them: the operating-system user, or demo.operator. */
    static String operator() {
        String user = System.getProperty("user.name", "").strip().toLowerCase(java.util.Locale.ROOT);
        return user.matches("[a-z0-9][a-z0-9._-]{2,63}") ? user : "demo.operator";
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ThreadlineHome home = ThreadlineHome.fromEnvironment(System.getenv()).create();
        out.println("Threadline demo - all data is synthetic. Home: " + home.root());
        out.println();
        out.println("Step 1 of 6: generating a synthetic population of " + people + " people...");
        // CSV only: each table once, so that ingesting the folder holds each row once (generate --format both
        // shows the XLSX form).
        GenerationOptions options = new GenerationOptions(people, seed, home.demo().resolve("population"),
                EnumSet.of(OutputFormat.CSV), ErrorRates.defaults(),
                GenerationOptions.DEFAULT_AS_OF, Runtime.getRuntime().availableProcessors());
        GenerationReport report = GenerateCommand.generate(options, out);
        Summary.print(report, out);
        out.println("Step 2 of 6: ingesting every extract into PostgreSQL (embedded, under " + home.database()
                + "): kept as received, standardised, bad rows quarantined with reasons...");
        int ingested = ThreadlineCommand.execute(new String[] {"ingest", "--dir", report.out().toString()}, out,
                new PrintWriter(System.err, true));
        if (ingested != 0) {
            return ingested;
        }
        out.println();
        out.println("Step 3 of 6: resolving people across every agency (unsupervised, explainable linkage; model "
                + PeopleContext.config("models", "people.json") + "), attaching every event, inferring relationships...");
        int code = ThreadlineCommand.execute(new String[] {"people", "build"}, out, new PrintWriter(System.err, true));
        if (code != 0) {
            return code;
        }
        out.println();
        out.println("Checked against the generator's truth (which never entered the store):");
        ThreadlineCommand.execute(new String[] {"people", "evaluate", "--truth", report.out().resolve("truth")
            .toString()}, out, new PrintWriter(System.err, true));
        out.println();
        out.println("Step 4 of 6: a sample family with adversities - members, relationships with provenance, the"
                + " family chronology (significant events) with gaps, and who to call - read the way every read of"
                + " personal data is: declared as " + DEMO_READER + " for " + DEMO_PURPOSE + ", case " + DEMO_CASE
                + ", released only as the agreements allow, and recorded in the audit log:");
        java.util.Optional<String> child;
        try (PeopleContext ctx = new PeopleContext(System.getenv())) {
            child = ctx.store.sampleChild();
            if (child.isPresent()) {
                Clock clock = Clock.systemUTC();
                GovernedReads reads = new GovernedReads(ctx, clock);
                // The purposes that need a case show someone only while the case is open and links them (ADR 0027):
                // the demo's case is opened for the demo logins' agencies, linking the sample family.
                DemoCases.Seeded seeded = DemoCases.seed(reads, child.get(), clock, operator());
                out.println("Case " + DEMO_CASE + " is open in the case register of " + String.join(", ",
                        seeded.agencies()) + ", linking the sample child " + child.get() + " and their family ("
                        + String.join(", ", seeded.people()) + "); each step is in the audit log.");
                org.threadline.app.web.access.Viewer v = DeclaredAccess.of(DEMO_READER, DEMO_PURPOSE, DEMO_CASE,
                        operator()).viewer(reads, clock);
                ChronologyCommand.print(reads, v, child.get(), true, true, false, out);
                String declared = " --as " + DEMO_READER + " --purpose " + DEMO_PURPOSE + " --case " + DEMO_CASE;
                out.println();
                out.println("Try: ./threadline chronology " + child.get() + " --family" + declared);
                out.println("     ./threadline people show " + child.get() + declared);
                out.println("     ./threadline people show " + child.get() + " --as SCHOOLS:DESIGNATED_SAFEGUARDING_LEAD"
                        + " --purpose " + DEMO_PURPOSE + " --case " + DEMO_CASE + "   (a school sees less)");
                out.println("     ./threadline review list" + declared);
                out.println("     ./threadline cases list --as CHILDRENS_SOCIAL_CARE:SOCIAL_WORKER --purpose"
                        + " CASEWORK.MANAGE_CASES   (the case register: open, link, unlink, close)");
                out.println("     ./threadline audit verify   (every read above is in the tamper-evident log)");
            }
        }
        out.println();
        out.println("Step 5 of 6: flags from the published rules (config/rules), each with its evidence, for everyone"
                + " held; then measured against the truth:");
        code = ThreadlineCommand.execute(new String[] {"indicators", "run", "--as-of", options.asOf().toString()},
                out, new PrintWriter(System.err, true));
        if (code != 0) {
            return code;
        }
        if (child.isPresent()) {
            out.println();
            ThreadlineCommand.execute(new String[] {"indicators", "show", child.get(), "--as", DEMO_READER,
                "--purpose", DEMO_PURPOSE, "--case", DEMO_CASE, "--user", operator()}, out,
                    new PrintWriter(System.err, true));
        }
        out.println();
        ThreadlineCommand.execute(new String[] {"indicators", "evaluate", "--truth", report.out().resolve("truth")
            .toString()}, out, new PrintWriter(System.err, true));
        out.println();
        out.println("Step 6 of 6: a new police incident for that household arrives (a new file through intake); the"
                + " person is resolved incrementally, the family re-evaluated, and an alert routed:");
        if (child.isPresent()) {
            java.util.Optional<java.nio.file.Path> incident;
            try (PeopleContext ctx = new PeopleContext(System.getenv())) {
                incident = DemoIncident.write(ctx, child.get(), report.out(), options.asOf().plusDays(1),
                        home.demo().resolve("incoming"));
            }
            if (incident.isPresent()) {
                ThreadlineCommand.execute(new String[] {"ingest", "--source", PeopleContext.config("sources",
                    "police-incident-persons.yaml").toString(), incident.get().toString()}, out,
                        new PrintWriter(System.err, true));
                out.println();
                out.println("The school's designated safeguarding lead reads the alert (Operation Encompass purpose):");
                ThreadlineCommand.execute(new String[] {"alerts", "list", "--open", "--as",
                    "SCHOOLS:DESIGNATED_SAFEGUARDING_LEAD", "--purpose", "SAFEGUARDING.CHILD.ENCOMPASS", "--user",
                    "demo.school.dsl"}, out, new PrintWriter(System.err, true));
            } else {
                out.println("  (the sample child has no domestic abuse incident to repeat)");
            }
            out.println();
            out.println("Try: ./threadline indicators show " + child.get() + " --as " + DEMO_READER + " --purpose "
                    + DEMO_PURPOSE + " --case " + DEMO_CASE);
            out.println("     ./threadline alerts list --as SCHOOLS:DESIGNATED_SAFEGUARDING_LEAD --purpose"
                    + " SAFEGUARDING.CHILD.ENCOMPASS");
        }
        out.println();
        if (!serve) {
            out.println("Run './threadline demo' without --no-serve (or './threadline serve --demo-accounts') to open the web"
                    + " application.");
            return 0;
        }
        out.println();
        out.println("Serving the web application on the same database:");
        // the nightly jobs judge the synthetic population as of its extract date, as the run above did
        return ThreadlineCommand.execute(new String[] {"serve", "--demo-accounts", "--port", String.valueOf(port),
            "--nightly-as-of", options.asOf().toString()},
                out, new PrintWriter(System.err, true));
    }
}
