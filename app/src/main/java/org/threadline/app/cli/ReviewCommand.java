package org.threadline.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.threadline.app.web.access.Access;
import org.threadline.app.web.access.Viewer;
import org.threadline.store.people.Build;
import org.threadline.store.people.PeopleStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./threadline review list|decide}: the human review of uncertain links. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Review uncertain links: list the queue, record link / not link / unsure with a reason.",
        subcommands = {ReviewCommand.ListQueue.class, ReviewCommand.Decide.class})
final class ReviewCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Name a review command: list or decide.");
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"The review queue of the latest build.",
                "A pair is shown only when both records are shared with --as for --purpose (and --case), and then"
                    + " only their released fields; the read is recorded in the audit log."})
    static final class ListQueue implements Callable<Integer> {
        @Option(names = "--limit", defaultValue = "20", description = "Show at most this many (default 20).")
        int limit;

        @Mixin
        DeclaredAccess access;

        @Spec
        CommandSpec spec;

        private final Map<String, String> environment;
        private final Clock clock;

        ListQueue() {
            this(System.getenv(), Clock.systemUTC());
        }

        ListQueue(Map<String, String> environment, Clock clock) {
            this.environment = Map.copyOf(environment);
            this.clock = clock;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (PeopleContext ctx = new PeopleContext(environment)) {
                GovernedReads reads = new GovernedReads(ctx, clock);
                Viewer v = access.viewer(reads, clock);
                reads.print(v, out, (w, accesses) -> {
                    List<Build.ReviewRow> queue = ctx.store.reviewQueue();
                    w.println(queue.size() + " item(s) for review (UNCERTAIN: between the review and join"
                            + " thresholds; BROKEN_CLUSTER: a pair inside one person scoring below the fracture"
                            + " threshold)");
                    w.println(GovernedReads.readAs(v));
                    int notShared = 0;
                    java.util.Set<String> why = new java.util.TreeSet<>();
                    for (Build.ReviewRow r : queue.stream().limit(limit).toList()) {
                        Optional<Build.RecordRow> a = ctx.store.record(r.recordA());
                        Optional<Build.RecordRow> b = ctx.store.record(r.recordB());
                        if (a.isEmpty() || b.isEmpty()) {
                            continue;
                        }
                        Access xa = reads.policy.record(v, a.get());
                        Access xb = reads.policy.record(v, b.get());
                        accesses.add(xa);
                        accesses.add(xb);
                        if (!xa.any() || !xb.any()) {
                            // Nothing of a pair with a record not shared: not its keys, agency, fields or evidence.
                            notShared++;
                            why.add(!xa.any() ? xa.basis() : xb.basis());
                            continue;
                        }
                        printItem(r, a.get(), b.get(), xa, xb, w);
                    }
                    w.println();
                    w.println("Withheld from you (counts and reasons only):");
                    w.println(notShared == 0 ? "  nothing" : "  " + notShared + " of the items listed involve a"
                            + " record not shared with you: " + String.join("; ", why));
                });
            }
            return 0;
        }
    }

    /** Both records' released fields side by side; a field withheld from either reads "not shown". */
    static void printItem(Build.ReviewRow r, Build.RecordRow a, Build.RecordRow b, Access xa, Access xb,
                          PrintWriter out) {
        out.printf(Locale.UK, "%n%s  %s (%s)  vs  %s (%s)  weight %+.2f, probability %.3f%n", r.kind(), r.recordA(),
                r.personA(), r.recordB(), r.personB(), r.matchWeight(), r.probability());
        java.util.Set<String> fields = new java.util.LinkedHashSet<>(a.identity().keySet());
        fields.addAll(b.identity().keySet());
        for (String field : fields) {
            String va = xa.shows(field) ? a.identity().getOrDefault(field, "") : "not shown";
            String vb = xb.shows(field) ? b.identity().getOrDefault(field, "") : "not shown";
            if (va.isBlank() && vb.isBlank()) {
                continue;
            }
            boolean both = xa.shows(field) && xb.shows(field) && !va.isEmpty() && !vb.isEmpty();
            out.printf(Locale.UK, "    %-14s %-34s %-34s %s%n", field, va, vb, !both ? "" : va.equals(vb) ? "=" : "≠");
        }
        try {
            JsonNode e = new ObjectMapper().readTree(r.explanationJson());
            StringBuilder bars = new StringBuilder("    why: prior " + e.path("prior").asDouble());
            for (JsonNode bar : e.path("bars")) {
                bars.append(String.format(Locale.UK, "; %s %s %+.2f", bar.path("comparison").asText(),
                        bar.path("level").asText(), bar.path("weight").asDouble()));
            }
            out.println(bars);
        } catch (java.io.IOException ex) {
            throw new IllegalStateException("review item " + r.recordA() + " has an unreadable explanation", ex);
        }
    }

    @Command(name = "decide", mixinStandardHelpOptions = true,
            description = "Record a decision on two records. It overrides the model on every later build and can be"
                    + " reversed by a later decision.")
    static final class Decide implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "RECORD_A")
        String recordA;

        @Parameters(index = "1", paramLabel = "RECORD_B")
        String recordB;

        @Option(names = "--decision", required = true, description = "link, not-link or unsure")
        String decision;

        @Option(names = "--reason", required = true, description = "Why (required; kept with the decision).")
        String reason;

        @Option(names = "--by", description = "Who decides (default: the operating-system user).")
        String by;

        @Option(names = "--agency", defaultValue = "hub", description = "The decider's agency (default hub).")
        String agency;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            String d = switch (decision.toLowerCase(Locale.ROOT)) {
                case "link" -> "LINK";
                case "not-link", "not_link", "notlink" -> "NOT_LINK";
                case "unsure" -> "UNSURE";
                default -> throw new UsageException("--decision must be link, not-link or unsure, not " + decision);
            };
            if (reason.isBlank()) {
                throw new UsageException("--reason must say why");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (PeopleContext ctx = new PeopleContext(System.getenv())) {
                for (String key : List.of(recordA, recordB)) {
                    ctx.store.record(key).orElseThrow(() -> new UsageException("no person record " + key));
                }
                PeopleStore.Decision saved = ctx.store.decide(recordA, recordB, d, reason,
                        by == null ? System.getProperty("user.name", "unknown") : by, agency, Instant.now());
                out.println("Recorded decision " + saved.id() + ": " + d + " " + saved.recordA() + " and "
                        + saved.recordB() + saved.supersedes().map(s -> " (supersedes decision " + s + ")").orElse("")
                        + ". It applies from the next ./threadline people build.");
            }
            return 0;
        }
    }
}
