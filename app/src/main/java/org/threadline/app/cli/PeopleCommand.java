package org.threadline.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.threadline.app.people.PeopleBuilder;
import org.threadline.app.web.access.Access;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.people.PeopleViews;
import org.threadline.domain.people.Relationship;
import org.threadline.linkage.model.ModelJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./threadline people build|show}: persons resolved across every agency's records. */
@Command(name = "people", mixinStandardHelpOptions = true,
        description = "Resolve persons across every agency's ingested records, and show them.",
        subcommands = {PeopleCommand.BuildPeople.class, PeopleCommand.Attach.class, PeopleCommand.Show.class,
            PeopleCommand.Evaluate.class})
final class PeopleCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Name a people command: build or show.");
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Link every ingested person record into persons (stable ids, review decisions applied),"
                    + " attach every event, infer relationships.")
    static final class BuildPeople implements Callable<Integer> {
        @Option(names = "--threads", description = "Worker threads (default: all cores).")
        Integer threads;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (PeopleContext ctx = new PeopleContext(System.getenv())) {
                // A build's merges move case links, and its splits raise items to check, audited (ADR 0031).
                PeopleBuilder builder = builder(ctx, threads == null ? Runtime.getRuntime().availableProcessors()
                        : threads).followingCaseLinks(auditLog(ctx));
                long start = System.nanoTime();
                // Each step says when it ended (minutes:seconds since the start): where a long build spends its time.
                PeopleBuilder.Result r = builder.build(line -> {
                    long s = (System.nanoTime() - start) / 1_000_000_000L;
                    out.printf(Locale.UK, "  %d:%02d %s%n", s / 60, s % 60, line);
                    out.flush();
                });
                out.printf(Locale.UK, "People build %d: %,d records from %,d rows -> %,d persons (%,d new); %,d need"
                                + " attention; %,d pairs for review; %,d events; %,d relationships; %d review"
                                + " decision(s) applied.%n", r.runId(), r.records(), r.sourceRows(), r.persons(),
                        r.newPersons(), r.needingAttention(), r.reviewItems(), r.events(), r.relationships(),
                        r.decisionsApplied());
                r.changes().stream().limit(10).forEach(c -> out.println("  " + c.kind() + " " + c.before() + " -> "
                        + c.after() + " (" + c.records() + " records)"));
                if (r.changes().size() > 10) {
                    out.println("  ... and " + (r.changes().size() - 10) + " more changes (table person_change)");
                }
                if (!r.caseChanges().isEmpty()) {
                    out.printf(Locale.UK, "  open cases changed: %d (recorded in the audit log; see ./threadline"
                            + " cases list)%n", r.caseChanges().size());
                    r.caseChanges().forEach(c -> out.println("    " + c));
                }
                if (!r.warnings().isEmpty()) {
                    out.println("  training notes: " + r.warnings().size() + " (levels never observed in a pass keep"
                            + " their starting m; see docs/linkage.md)");
                }
                out.println("  phases (ms): " + r.millis());
            }
            return 0;
        }
    }

    @Command(name = "attach", mixinStandardHelpOptions = true,
            description = "Resolve the records of files landed since the last build against the persons held (no"
                    + " re-training) and attach their events; ingest does this by itself once a build exists.")
    static final class Attach implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (PeopleContext ctx = new PeopleContext(System.getenv())) {
                attach(ctx, out);
            }
            return 0;
        }

        static PeopleBuilder.Increment attach(PeopleContext ctx, PrintWriter out) {
            long started = System.nanoTime();
            PeopleBuilder.Increment i = builder(ctx, 1).attachNew(line -> { });
            out.printf(Locale.UK, "Attached %,d new rows in %.1f s: %,d person records (%,d matched to persons held,"
                            + " %,d sent for review, %,d new persons), %,d events.%n", i.newRows(),
                    (System.nanoTime() - started) / 1e9, i.newRecords(), i.matched(), i.forReview(), i.newPersons(),
                    i.events());
            IndicatorsCommand.afterAttach(ctx, i, out);
            return i;
        }
    }

    static org.threadline.store.audit.AuditStore auditLog(PeopleContext ctx) {
        try {
            return org.threadline.app.audit.InstalledAuditLog.store(ctx.home, Clock.systemUTC());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the audit log's checkpoint key: " + e.getMessage(), e);
        }
    }

    static PeopleBuilder builder(PeopleContext ctx, int threads) {
        return new PeopleBuilder(ctx.store, ctx.vocabulary, ModelJson.read(PeopleContext.config("models",
                "people.json")), Clock.systemUTC(), threads);
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Show a person: identity, source records with link confidence, relationships.",
                "Only what the sharing agreements release to --as for --purpose (and --case) is shown; what is"
                    + " withheld is counted with its reasons, and the read is recorded in the audit log."})
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "PERSON_ID")
        String personId;

        @Mixin
        DeclaredAccess access;

        @Spec
        CommandSpec spec;

        private final Map<String, String> environment;
        private final Clock clock;

        Show() {
            this(System.getenv(), Clock.systemUTC());
        }

        Show(Map<String, String> environment, Clock clock) {
            this.environment = Map.copyOf(environment);
            this.clock = clock;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (PeopleContext ctx = new PeopleContext(environment)) {
                GovernedReads reads = new GovernedReads(ctx, clock);
                Viewer v = access.viewer(reads, clock);
                if (!reads.views.exists(personId)) {
                    throw new UsageException("no person " + personId + " (run people build?)");
                }
                reads.print(v, out, (w, accesses) -> show(reads, v, personId, w, accesses));
            }
            return 0;
        }

        private static void show(GovernedReads reads, Viewer v, String personId, PrintWriter w,
                                 List<Access> accesses) {
            PeopleViews.Records records = reads.views.records(v, personId, false);
            accesses.addAll(records.accesses());
            String state = reads.ctx.store.personState(personId).map(s -> s[0]).orElse("UNKNOWN");
            w.println(ChronologyCommand.describe(records.identity()) + "   state " + state);
            w.println(GovernedReads.readAs(v));
            w.println("Source records shared with you:");
            if (records.records().isEmpty()) {
                w.println("  none");
            }
            for (PeopleViews.RecordView r : records.records()) {
                w.printf(Locale.UK, "  %-16s %-12s %-32s link confidence %.3f  (%s)%n", r.recordKey(), r.agency(),
                        r.feed(), r.linkConfidence(), r.basis());
                for (PeopleViews.Field f : r.fields()) {
                    w.printf(Locale.UK, "      %-14s %s%n", f.label(), f.value());
                }
                r.linkedBy().ifPresent(why -> w.printf(Locale.UK, "      %-14s %s%n", "joined by", why));
            }
            int[] hidden = {0};
            List<Relationship> ties = reads.views.visible(v, reads.ctx.store.relationshipsOf(personId), accesses,
                    hidden);
            List<String> others = ties.stream().flatMap(r -> java.util.stream.Stream.of(r.fromPerson(),
                    r.toPerson())).filter(p -> !p.equals(personId)).distinct().toList();
            Map<String, String> names = new java.util.HashMap<>(reads.views.names(v, others, accesses));
            names.put(personId, records.identity().nameShown() ? records.identity().name() : "name not shared");
            ChronologyCommand.printRelationships(w, ties, names);
            GovernedReads.withheld(w, records.notShared(), records.whyNotShared(), List.of(), 0, hidden[0],
                    records.accesses());
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Measure the latest build against a synthetic population's truth folder.")
    static final class Evaluate implements Callable<Integer> {
        @Option(names = "--truth", required = true, description = "The population's truth/ folder.")
        java.nio.file.Path truth;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (PeopleContext ctx = new PeopleContext(System.getenv())) {
                print(org.threadline.app.people.TruthEvaluation.evaluate(ctx.store, truth), out);
            }
            return 0;
        }

        static void print(org.threadline.app.people.TruthEvaluation.Report r, PrintWriter out) {
            out.printf(Locale.UK, "Persons: %,d records of %,d true people resolved to %,d persons; pairwise precision"
                            + " %.4f, recall %.4f, F1 %.4f; %,d persons hold more than one true person.%n", r.records(),
                    r.truePersons(), r.persons(), r.pairs().precision(), r.pairs().recall(), r.pairs().f1(),
                    r.overMerged());
            out.println("Relationships (precision: share of ours that are true; recall: share of true ties between"
                    + " people we hold that we found):");
            r.relationships().forEach((label, c) -> out.printf(Locale.UK, "  %-28s %,7d found, precision %.3f%s%n",
                    label, c.predicted(), c.precision(), c.actual() == 0 ? ""
                            : String.format(Locale.UK, ", recall %.3f of %,d", c.recall(), c.actual())));
        }
    }
}
