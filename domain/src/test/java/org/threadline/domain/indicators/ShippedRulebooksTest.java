package org.threadline.domain.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ShippedRulebooksTest {
    @Test
    void every_shipped_rulebook_reads_and_validates_against_the_event_vocabulary() {
        List<Rulebook> books = new RulebookReader(Fixtures.vocabulary()).readAll(Fixtures.config().resolve("rules"));
        assertThat(books).extracting(Rulebook::id).containsExactly("adult-disadvantage", "child-safeguarding",
                "childhood-adversity", "level-of-need", "supporting-families");
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

    /**
     * Issue #6's "tests cover every shipped rule with cases that must and must not trigger it", kept true as rules are
     * added: the rule tests of this package (the {@code *RulesTest} classes) must call {@code met("id", ...)} and
     * {@code notMet("id", ...)} for every shipped indicator, or {@code insufficient("id", ...)} for one declared not
     * derivable.
     */
    @Test
    void every_shipped_indicator_has_a_case_that_must_meet_it_and_a_case_that_must_not() throws IOException {
        StringBuilder tests = new StringBuilder();
        Path folder = Path.of("src/test/java/org/threadline/domain/indicators");
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith("RulesTest.java")).sorted().toList()) {
                tests.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        assertThat(tests).as("rule tests under " + folder.toAbsolutePath()).isNotEmpty();
        List<String> missing = new ArrayList<>();
        for (Rulebook b : new RulebookReader(Fixtures.vocabulary()).readAll(Fixtures.config().resolve("rules"))) {
            for (Indicator i : b.indicators()) {
                List<String> calls = i.notDerivable().isPresent() ? List.of("insufficient")
                        : List.of("met", "notMet");
                for (String call : calls) {
                    Pattern called = Pattern.compile("\\b" + call + "\\(\"" + Pattern.quote(i.id()) + "\"");
                    if (!called.matcher(tests).find()) {
                        missing.add(b.id() + "/" + i.id() + ": no " + call + "(\"" + i.id() + "\", ...)");
                    }
                }
            }
        }
        assertThat(missing).as("indicators without a must / must-not case").isEmpty();
    }
}
