package org.threadline.app.cli;

import java.nio.file.Path;
import java.util.Map;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.app.people.PeopleQueries;
import org.threadline.domain.chronology.EventVocabulary;
import org.threadline.store.Database;
import org.threadline.store.people.PeopleStore;

/** The database and the configuration the people commands share; closes the database with it. */
final class PeopleContext implements AutoCloseable {
    final ThreadlineHome home;
    final Database database;
    final PeopleStore store;
    final EventVocabulary vocabulary;
    final PeopleQueries queries;
    /** The environment it was opened with (THREADLINE_CASE_REGISTER decides the case register). */
    final Map<String, String> environment;

    PeopleContext(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        ThreadlineHome home;
        try {
            home = ThreadlineHome.fromEnvironment(environment).create();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create THREADLINE_HOME: " + e.getMessage(), e);
        }
        this.home = home;
        this.database = Database.open(environment, home.database());
        this.store = new PeopleStore(database.dataSource());
        this.vocabulary = EventVocabulary.read(config("chronology", "events.yaml"));
        this.queries = new PeopleQueries(store, vocabulary);
    }

    /** A shipped configuration file, beside the {@code threadline} script. */
    static Path config(String folder, String file) {
        return config(folder).resolve(file);
    }

    /** The shipped configuration, beside the {@code threadline} script. */
    static Path config() {
        return Path.of(System.getProperty("threadline.root", "."), "config").toAbsolutePath().normalize();
    }

    /** A shipped configuration folder, beside the {@code threadline} script. */
    static Path config(String folder) {
        return config().resolve(folder);
    }

    @Override
    public void close() {
        database.close();
    }
}
