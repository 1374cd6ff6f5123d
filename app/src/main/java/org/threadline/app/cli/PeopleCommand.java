package org.threadline.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.threadline.app.people.PeopleBuilder;
import org.threadline.domain.people.Family;
import org.threadline.domain.people.PersonSummary;
import org.threadline.domain.people.Relationship;
import org.threadline.linkage.model.ModelJson;
import org.threadline.store.people.Build;
import picocli.CommandLine.Command;
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
                PeopleBuilder builder = builder(ctx, threads == null ? Runtime.getRuntime().availableProcessors()
                        : threads);
                PeopleBuilder.Result r = builder.build(line -> {
                    out.println("  " + line);
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

    static PeopleBuilder builder(PeopleContext ctx, int threads) {
        return new PeopleBuilder(ctx.store, ctx.vocabulary, ModelJson.read(PeopleContext.config("models",
                "people.json")), Clock.systemUTC(), threads);
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a person: identity, source records with link confidence, relationships, family.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "PERSON_ID")
        String personId;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (PeopleContext ctx = new PeopleContext(System.getenv())) {
                PersonSummary p = ctx.store.person(personId)
                        .orElseThrow(() -> new UsageException("no person " + personId + " (run people build?)"));
                String[] state = ctx.store.personState(personId).orElseThrow();
                out.println(describe(p) + "   state " + state[0]);
                if (!state[0].equals("ACTIVE")) {
                    out.println("  why: " + state[1]);
                }
                out.println("Source records:");
                for (Build.RecordRow r : ctx.store.recordsOf(personId)) {
                    Map<String, String> id = r.identity();
                    out.printf(Locale.UK, "  %-16s %-12s %-32s %s %s, born %s, %s  (link confidence %.3f)%n",
                            r.recordKey(), r.agency(), r.definitionId(), id.get("forename"), id.get("surname"),
                            id.get("date_of_birth"), id.get("postcode"), r.linkConfidence());
                }
                Family f = ctx.queries.family(personId);
                printRelationships(out, f, f.relationshipsOf(personId));
            }
            return 0;
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

    static String describe(PersonSummary p) {
        return p.personId() + "  " + p.displayName() + ", born " + p.dateOfBirth().map(Object::toString)
                .orElse("unknown") + ", sex " + p.sex();
    }

    static void printRelationships(PrintWriter out, Family family, List<Relationship> relationships) {
        out.println("Relationships (asserted: a source said so; inferred: a named rule concluded it):");
        if (relationships.isEmpty()) {
            out.println("  none held");
        }
        for (Relationship r : relationships) {
            String from = family.member(r.fromPerson()).map(PersonSummary::displayName).orElse("");
            String to = family.member(r.toPerson()).map(PersonSummary::displayName).orElse("");
            out.printf(Locale.UK, "  %s (%s) %s %s (%s)  [%s: %s; evidence %s%s]%n", r.fromPerson(), from,
                    r.type().name().toLowerCase(Locale.ROOT).replace('_', ' '), r.toPerson(), to,
                    r.basis().name().toLowerCase(Locale.ROOT), r.rule(), r.evidence().get(0),
                    r.evidence().size() > 1 ? " and " + (r.evidence().size() - 1) + " more" : "");
        }
    }
}
