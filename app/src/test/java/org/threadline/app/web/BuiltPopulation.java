package org.threadline.app.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.threadline.app.people.TestPopulation;

/**
 * A small synthetic population, generated, ingested and built into real PostgreSQL, with the web app started on it
 * at a time the shipped agreements are in force (they run from 2026-04-01 to 2029-03-31).
 */
final class BuiltPopulation {
    static final Instant DURING_THE_AGREEMENTS = Instant.parse("2026-10-01T09:00:00Z");

    private static TestApp shared;

    private BuiltPopulation() {
    }

    /**
     * One population (150 people, seed 3) for every test class that needs one in this JVM, built on first use and
     * closed when the JVM ends: generating, ingesting and linking once keeps the web tests' time reasonable.
     */
    static synchronized TestApp shared() throws Exception {
        if (shared == null) {
            Path folder = Files.createTempDirectory("threadline-web-population");
            shared = start(folder, 150, 3);
            TestApp app = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.close();
                try (var files = Files.walk(folder)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (java.io.IOException e) {
                    // a temporary folder left behind
                }
            }));
        }
        return shared;
    }

    static TestApp start(Path folder, int people, long seed) throws Exception {
        TestPopulation built = TestPopulation.built(folder, people, seed,
                Clock.fixed(DURING_THE_AGREEMENTS, ZoneOffset.UTC));
        try {
            return new TestApp(built.database(), built.home().root(), DURING_THE_AGREEMENTS, Map.of());
        } catch (RuntimeException e) {
            built.close();
            throw e;
        }
    }

    /** Runs the indicator rules over the shared population (as of its extract date), so pages show flags. */
    static void evaluateFlags(TestApp app) throws Exception {
        java.nio.file.Path root = Files.isDirectory(Path.of("config", "rules")) ? Path.of(".") : Path.of("..");
        Clock clock = Clock.fixed(DURING_THE_AGREEMENTS, ZoneOffset.UTC);
        new org.threadline.app.indicators.IndicatorRun(app.database.dataSource(),
                org.threadline.app.audit.InstalledAuditLog.store(
                        new org.threadline.app.home.ThreadlineHome(app.home).create(), clock),
                org.threadline.app.indicators.IndicatorRun.shippedRulebooks(root.resolve("config/rules"),
                        org.threadline.domain.chronology.EventVocabulary.read(
                                root.resolve("config/chronology/events.yaml"))), clock)
                .runAll(java.util.Optional.of(java.time.LocalDate.of(2026, 3, 31)), line -> { });
    }
}
