package org.threadline.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.threadline.store.people.Build;
import org.threadline.store.people.PeopleStore;
import picocli.CommandLine.Command;
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

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The review queue of the latest build.")
    static final class ListQueue implements Callable<Integer> {
        @Option(names = "--limit", defaultValue = "20", description = "Show at most this many (default 20).")
        int limit;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (PeopleContext ctx = new PeopleContext(System.getenv())) {
                List<Build.ReviewRow> queue = ctx.store.reviewQueue();
                out.println(queue.size() + " item(s) for review (UNCERTAIN: between the review and join thresholds;"
                        + " BROKEN_CLUSTER: a pair inside one person scoring below the fracture threshold)");
                for (Build.ReviewRow r : queue.stream().limit(limit).toList()) {
                    printItem(ctx.store, r, out);
                }
            }
            return 0;
        }
    }

    static void printItem(PeopleStore store, Build.ReviewRow r, PrintWriter out) throws Exception {
        out.printf(Locale.UK, "%n%s  %s (%s)  vs  %s (%s)  weight %+.2f, probability %.3f%n", r.kind(), r.recordA(),
                r.personA(), r.recordB(), r.personB(), r.matchWeight(), r.probability());
        Map<String, String> a = store.record(r.recordA()).map(Build.RecordRow::identity).orElse(Map.of());
        Map<String, String> b = store.record(r.recordB()).map(Build.RecordRow::identity).orElse(Map.of());
        for (String field : a.keySet()) {
            String va = a.getOrDefault(field, "");
            String vb = b.getOrDefault(field, "");
            out.printf(Locale.UK, "    %-14s %-34s %-34s %s%n", field, va, vb,
                    va.isEmpty() || vb.isEmpty() ? "" : va.equals(vb) ? "=" : "≠");
        }
        JsonNode e = new ObjectMapper().readTree(r.explanationJson());
        StringBuilder bars = new StringBuilder("    why: prior " + e.path("prior").asDouble());
        for (JsonNode bar : e.path("bars")) {
            bars.append(String.format(Locale.UK, "; %s %s %+.2f", bar.path("comparison").asText(),
                    bar.path("level").asText(), bar.path("weight").asDouble()));
        }
        out.println(bars);
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
