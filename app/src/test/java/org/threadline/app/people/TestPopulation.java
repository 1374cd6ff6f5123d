package org.threadline.app.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.domain.chronology.EventVocabulary;
import org.threadline.domain.progress.Progress;
import org.threadline.linkage.model.ModelJson;
import org.threadline.store.Database;
import org.threadline.store.people.PeopleStore;
import org.threadline.synth.GenerationOptions;
import org.threadline.synth.PopulationGenerator;
import org.threadline.synth.output.OutputFormat;

/**
 * A synthetic population generated into a test's folder and ingested into real PostgreSQL (embedded, or a fresh
 * schema of THREADLINE_TEST_DB_URL), with a people builder ready over it: what every test of people, indicators and
 * governance starts from. Close it to stop the database.
 *
 * @param root       the repository root (where config/ is), whichever module folder the test runs in
 * @param population the generated population (extracts/ and truth/)
 */
public record TestPopulation(Path root, Path population, Map<String, String> environment, ThreadlineHome home,
                             Database database, PeopleStore store, EventVocabulary vocabulary, PeopleBuilder builder)
        implements AutoCloseable {

    /** Generates {@code people} people with {@code seed}, ingests every extract, and opens the database. */
    public static TestPopulation ingested(Path folder, int people, long seed, Clock clock) throws Exception {
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
        ThreadlineHome home = ThreadlineHome.fromEnvironment(environment).create();
        Database database = Database.open(environment, home.database());
        PeopleStore store = new PeopleStore(database.dataSource());
        EventVocabulary vocabulary = EventVocabulary.read(root.resolve("config/chronology/events.yaml"));
        PeopleBuilder builder = new PeopleBuilder(store, vocabulary,
                ModelJson.read(root.resolve("config/models/people.json")), clock, 2);
        return new TestPopulation(root, population, Map.copyOf(environment), home, database, store, vocabulary,
                builder);
    }

    /** The same, with people built. */
    public static TestPopulation built(Path folder, int people, long seed, Clock clock) throws Exception {
        TestPopulation p = ingested(folder, people, seed, clock);
        try {
            p.builder().build(line -> { });
            return p;
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
