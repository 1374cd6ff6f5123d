package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.app.people.PeopleBuilder;
import org.threadline.domain.chronology.EventVocabulary;
import org.threadline.domain.progress.Progress;
import org.threadline.linkage.model.ModelJson;
import org.threadline.store.Database;
import org.threadline.store.people.PeopleStore;
import org.threadline.synth.GenerationOptions;
import org.threadline.synth.PopulationGenerator;
import org.threadline.synth.output.OutputFormat;

/**
 * A small synthetic population, generated, ingested and built into real PostgreSQL, with the web app started on it
 * at a time the shipped agreements are in force (they run from 2026-04-01 to 2027-03-31).
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
        Path population = folder.resolve("population");
        new PopulationGenerator().generate(GenerationOptions.of(people, seed, population,
                EnumSet.of(OutputFormat.CSV)), Progress.NONE);
        Path root = Files.isDirectory(Path.of("config", "sources")) ? Path.of(".") : Path.of("..");
        Map<String, String> environment = new HashMap<>();
        environment.put(ThreadlineHome.VARIABLE, folder.resolve("home").toString());
        org.threadline.app.cli.TestEnvironment.useTestServerIfSet(environment);
        StringWriter out = new StringWriter();
        int code = org.threadline.app.cli.TestEnvironment.ingest(environment, population, root,
                new PrintWriter(out, true));
        assertThat(code).as(out.toString()).isZero();
        Database database = Database.open(environment, ThreadlineHome.fromEnvironment(environment).database());
        try {
            new PeopleBuilder(new PeopleStore(database.dataSource()),
                    EventVocabulary.read(root.resolve("config/chronology/events.yaml")),
                    ModelJson.read(root.resolve("config/models/people.json")),
                    Clock.fixed(DURING_THE_AGREEMENTS, ZoneOffset.UTC), 2).build(line -> { });
            return new TestApp(database, folder.resolve("home"), DURING_THE_AGREEMENTS, Map.of());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }
}
