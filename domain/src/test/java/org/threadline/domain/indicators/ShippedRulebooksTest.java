package org.threadline.domain.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShippedRulebooksTest {
    @Test
    void every_shipped_rulebook_reads_and_validates_against_the_event_vocabulary() {
        List<Rulebook> books = new RulebookReader(Fixtures.vocabulary()).readAll(Fixtures.config().resolve("rules"));
        assertThat(books).extracting(Rulebook::id).containsExactly("adult-disadvantage", "child-safeguarding",
                "childhood-adversity", "supporting-families");
        assertThat(books).allSatisfy(b -> assertThat(b.sha256()).hasSize(64));
    }

    @Test
    void the_ten_aces_are_all_shipped_and_emotional_neglect_is_declared_not_derivable() {
        Rulebook aces = Fixtures.rulebook("childhood-adversity");
        assertThat(aces.indicators()).extracting(Indicator::id).contains("ace.emotional_abuse", "ace.physical_abuse",
                "ace.sexual_abuse", "ace.emotional_neglect", "ace.physical_neglect", "ace.domestic_abuse",
                "ace.household_substance_misuse", "ace.household_mental_ill_health", "ace.parental_separation",
                "ace.household_imprisonment", "toxic_trio");
        assertThat(aces.indicator("ace.emotional_neglect").orElseThrow().notDerivable()).isPresent();
    }
}
