package org.threadline.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.threadline.app.people.PeopleQueries;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.chronology.EventDate;
import org.threadline.domain.chronology.EventRole;
import org.threadline.domain.chronology.EventVocabulary;
import org.threadline.domain.chronology.SourceRef;
import org.threadline.domain.chronology.Timeline;
import org.threadline.domain.people.Basis;
import org.threadline.domain.people.Relationship;
import org.threadline.domain.people.RelationshipType;
import org.threadline.store.Database;
import org.threadline.store.people.Build;
import org.threadline.store.people.PeopleStore;

/**
 * How long a family's chronology takes to render from PostgreSQL: a family of 10 people with 2,000 events among a
 * background of other persons' events, read through the same Java API the command line and the web app use
 * through a connection pool as the web app does (family from relationships, every member's events in one query, the timeline with merging, aggregation and gaps,
 * and who to call per member). Reports p50, p95 and max over repeated renders after a warm-up. Run (after
 * {@code ./mvnw -q -DskipTests package}):
 *
 * <pre>
 * java -Xmx4g -cp "benchmarks/target/classes:app/target/lib/*:app/target/threadline.jar" \
 *     org.threadline.benchmarks.ChronologyBenchmark 100000 /tmp/threadline-chronology-bench
 * </pre>
 *
 * Uses THREADLINE_DB_URL if set, else embedded PostgreSQL in the folder given (which must be new).
 */
public final class ChronologyBenchmark {
    private static final String[] TYPES = {"POLICE_INCIDENT", "DOMESTIC_ABUSE_INCIDENT", "ED_ATTENDANCE",
        "SCHOOL_ATTENDANCE", "CSC_REFERRAL", "HEALTH_VISIT", "MISSING_EPISODE"};
    private static final String[] AGENCIES = {"police", "police", "health", "schools", "social-care", "health",
        "social-care"};

    private ChronologyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int background = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path folder = Path.of(args.length > 1 ? args[1] : "/tmp/threadline-chronology-bench");
        if (Files.exists(folder.resolve("PG_VERSION"))) {
            throw new IllegalArgumentException(folder + " already holds a database: name a new folder");
        }
        SplittableRandom random = new SplittableRandom(11);
        List<Build.PersonRow> persons = new ArrayList<>();
        List<ChronologyEvent> events = new ArrayList<>();
        List<Relationship> ties = new ArrayList<>();
        for (int p = 0; p < 10 + background; p++) {
            String id = String.format(Locale.ROOT, "P%07d", p);
            persons.add(new Build.PersonRow(id, "ACTIVE", "F" + p, "S" + p / 10,
                    Optional.of(LocalDate.of(1970 + p % 40, 1 + p % 12, 1 + p % 28)), "F", "[]"));
            int count = p < 10 ? 200 : 10;
            for (int e = 0; e < count; e++) {
                int t = random.nextInt(TYPES.length);
                events.add(new ChronologyEvent("E" + p + "-" + e, id,
                        EventDate.day(LocalDate.of(2010, 1, 1).plusDays(random.nextInt(5800))), Optional.empty(),
                        AGENCIES[t], TYPES[t], EventRole.SUBJECT, "summary of event " + e, t % 2 == 1,
                        Map.of("occurrence_ref", t < 2 ? "OC" + p + "-" + e : ""),
                        List.of(new SourceRef(AGENCIES[t], "def", 1 + p % 7, e + 2L)), 0.99));
            }
        }
        // The family: two parents, eight children, asserted ties.
        for (int c = 2; c < 10; c++) {
            for (int parent = 0; parent < 2; parent++) {
                ties.add(new Relationship("P000000" + parent, "P000000" + c, RelationshipType.PARENT_OF,
                        Basis.ASSERTED, "bench", Optional.empty(), Optional.empty(),
                        List.of(new SourceRef("health", "def", 1, c))));
            }
        }
        ties.add(new Relationship("P0000000", "P0000001", RelationshipType.PARTNER_OF, Basis.ASSERTED, "bench",
                Optional.empty(), Optional.empty(), List.of(new SourceRef("housing", "def", 1, 1))));
        try (Database db = Database.open(System.getenv(), folder)) {
            PeopleStore store = new PeopleStore(db.dataSource());
            long w = System.nanoTime();
            store.write(new Build(new Build.Run(Instant.now(), Instant.now(), "bench", 1, "0".repeat(64), "{}", 0, 0,
                    0, Map.of()), persons, List.of(), List.of(), List.of(), "bench", List.of(), events, ties,
                    List.of()));
            System.out.printf(Locale.UK, "wrote %,d persons and %,d events in %.1f s%n", persons.size(),
                    events.size(), (System.nanoTime() - w) / 1e9);
            try (var c = db.dataSource().getConnection(); var s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            EventVocabulary vocabulary = EventVocabulary.read(Path.of("config/chronology/events.yaml"));
            // Pages read through the database's connection pool, as the web application does.
            PeopleQueries queries = new PeopleQueries(store, vocabulary);
            int runs = 300;
            long[] nanos = new long[runs];
            int entries = 0;
            for (int i = -50; i < runs; i++) {
                long t = System.nanoTime();
                List<String> members = queries.family("P0000003").members().stream().map(m -> m.personId()).toList();
                List<ChronologyEvent> read = queries.events(members);
                Timeline timeline = Timeline.of(read, Timeline.Settings.DEFAULT);
                queries.whoToCall(members, read);
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - t;
                    entries = timeline.entries().size();
                    if (members.size() != 10) {
                        throw new IllegalStateException("expected a family of 10, got " + members);
                    }
                }
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.UK, "family of 10, 2,000 events (%d timeline entries) among %,d events:"
                            + " p50 %.1f ms, p95 %.1f ms, max %.1f ms over %d renders%n", entries, events.size(),
                    nanos[runs / 2] / 1e6, nanos[runs * 95 / 100] / 1e6, nanos[runs - 1] / 1e6, runs);
        }
    }
}
