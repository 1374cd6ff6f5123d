package org.threadline.domain.indicators.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadline.domain.indicators.EventVocabulary;
import org.threadline.domain.indicators.Rulebook;
import org.threadline.domain.indicators.RulebookReader;

class PublishedRulesTest {
    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(p.resolve("config/rules"))) {
            p = p.getParent();
        }
        return p;
    }

    @Test
    void the_published_table_in_docs_is_the_one_the_shipped_rulebooks_render() throws IOException {
        Path root = root();
        List<Rulebook> books = new RulebookReader(EventVocabulary.read(root.resolve("config/chronology/events.yaml")))
                .readAll(root.resolve("config/rules"));
        String table = PublishedRules.markdown(books);
        assertThat(table).contains("`ace.emotional_neglect`").contains("**Always INSUFFICIENT_DATA:**")
                .contains("*(shipped switched off)*");
        String doc = Files.readString(root.resolve("docs/indicators.md"));
        assertThat(doc).as("docs/indicators.md is out of date: regenerate its rule tables (see the page's note)")
                .contains(table);
    }

    @Test
    void the_chronologys_reading_of_the_vocabulary_gives_the_rules_the_same_types_and_facts() {
        Path events = root().resolve("config/chronology/events.yaml");
        assertThat(EventVocabulary.of(org.threadline.domain.chronology.EventVocabulary.read(events)).factsByType())
                .isEqualTo(EventVocabulary.read(events).factsByType());
    }
}
