package org.threadline.app.web.people;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.threadline.app.indicators.IndicatorRun;
import org.threadline.app.people.PeopleQueries;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.domain.chronology.EventVocabulary;
import org.threadline.store.indicators.IndicatorResultStore;

/** The person page's flags: the stored results of the shipped rulebooks ({@code config/rules}). */
@Configuration
public class FlagConfiguration {

    @Bean
    FlagViews flagViews(DataSource dataSource, PeopleQueries queries, AccessPolicy policy) {
        Path root = Path.of(System.getProperty("threadline.root", "."));
        if (!Files.isDirectory(root.resolve("config/rules")) && Files.isDirectory(Path.of("..", "config", "rules"))) {
            root = Path.of("..");
        }
        EventVocabulary vocabulary = EventVocabulary.read(root.resolve("config/chronology/events.yaml"));
        return new FlagViews(new IndicatorResultStore(dataSource),
                IndicatorRun.shippedRulebooks(root.resolve("config/rules"), vocabulary), queries, policy);
    }
}
