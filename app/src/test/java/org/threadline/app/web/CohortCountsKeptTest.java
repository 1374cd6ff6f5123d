package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threadline.app.indicators.IndicatorRun;
import org.threadline.app.web.analyst.AreaCohorts;
import org.threadline.app.web.analyst.AreaLevel;
import org.threadline.app.web.analyst.CohortSource;
import org.threadline.domain.chronology.EventVocabulary;
import org.threadline.store.indicators.CohortInputChanges;
import org.threadline.store.indicators.IndicatorResultStore;
import org.threadline.store.people.PeopleStore;

/** Cohort counts kept between views (ADR 0034), on the shared built population with its indicator results. */
class CohortCountsKeptTest {
    static TestApp app;
    static PeopleStore people;
    static IndicatorResultStore results;
    static List<String> offered;

    @BeforeAll
    static void evaluated() throws Exception {
        app = BuiltPopulation.shared();
        BuiltPopulation.evaluateFlags(app);
        people = new PeopleStore(app.database.dataSource());
        results = new IndicatorResultStore(app.database.dataSource());
        offered = app.bean(CohortSource.class).choices().values().stream().flatMap(List::stream)
                .map(CohortSource.Choice::id).toList();
    }

    static CohortSource source(CohortSource.Recount recount, List<Runnable> queued) {
        java.nio.file.Path root = java.nio.file.Files.isDirectory(java.nio.file.Path.of("config", "rules"))
                ? java.nio.file.Path.of(".") : java.nio.file.Path.of("..");
        return new CohortSource(people, results, new CohortInputChanges(app.database.dataSource()),
                IndicatorRun.shippedRulebooks(root.resolve("config/rules"),
                        EventVocabulary.read(root.resolve("config/chronology/events.yaml"))), app.clock(), recount,
                queued::add);
    }

    /** Counted straight from every person's place and who meets what, as each view once did. */
    static AreaCohorts countedNow(AreaLevel level, List<String> indicators) {
        return countedNow(level, indicators, 1, 1);
    }

    static AreaCohorts countedNow(AreaLevel level, List<String> indicators, int minimumCell, int roundTo) {
        Map<String, String> postcodes = people.latestPostcodes();
        Map<String, String> areaOf = new HashMap<>();
        people.personIds().forEach(p -> areaOf.put(p, level.of(postcodes.get(p))));
        Map<String, List<String>> metBy = new HashMap<>();
        indicators.forEach(i -> metBy.put(i, results.metBy(i)));
        return AreaCohorts.count(level, areaOf, metBy, indicators, minimumCell, roundTo);
    }

    @Test
    void kept_counts_equal_counting_every_person_again_for_every_offered_indicator_at_both_levels() {
        CohortSource source = source(CohortSource.Recount.ON_VIEW, new ArrayList<>());
        assertThat(offered).as("the shipped rulebooks offer indicators").hasSizeGreaterThan(5);

        for (AreaLevel level : AreaLevel.values()) {
            for (String indicator : offered) {
                assertThat(source.count(level, List.of(indicator), 1, 1).cohorts()).as(level + " " + indicator)
                        .isEqualTo(countedNow(level, List.of(indicator)));
            }
            assertThat(source.count(level, offered.subList(0, 3), 10, 5).cohorts()).as(level + " suppressed")
                    .isEqualTo(countedNow(level, offered.subList(0, 3), 10, 5));
        }
    }

    @Test
    void while_nothing_they_are_made_of_changes_the_counts_are_not_made_again() {
        CohortSource source = source(CohortSource.Recount.ON_VIEW, new ArrayList<>());
        CohortSource.Counted first = source.count(AreaLevel.AREA, offered.subList(0, 1), 10, 5);

        app.clock.advance(Duration.ofMinutes(5));
        CohortSource.Counted later = source.count(AreaLevel.DISTRICT, offered.subList(1, 2), 10, 5);

        assertThat(later.countedAt()).isEqualTo(first.countedAt());
        assertThat(later.current()).isTrue();
    }

    @Test
    void in_the_background_the_view_after_a_change_shows_the_kept_counts_marked_and_one_recount_is_started()
            throws Exception {
        List<Runnable> queued = new ArrayList<>();
        CohortSource source = source(CohortSource.Recount.BACKGROUND, queued);
        Change change = Change.somebodyNewMeets(offered);
        AreaCohorts before = source.count(AreaLevel.DISTRICT, List.of(change.indicator), 1, 1).cohorts();
        assertThat(queued).isEmpty();
        try {
            change.make();
            app.clock.advance(Duration.ofMinutes(1));

            CohortSource.Counted marked = source.count(AreaLevel.DISTRICT, List.of(change.indicator), 1, 1);
            CohortSource.Counted again = source.count(AreaLevel.DISTRICT, List.of(change.indicator), 1, 1);

            assertThat(marked.current()).isFalse();
            assertThat(marked.cohorts()).isEqualTo(before);
            assertThat(again.current()).isFalse();
            assertThat(queued).as("one recount at a time").hasSize(1);

            queued.remove(0).run();
            CohortSource.Counted recounted = source.count(AreaLevel.DISTRICT, List.of(change.indicator), 1, 1);

            assertThat(recounted.current()).isTrue();
            assertThat(recounted.countedAt()).isAfter(marked.countedAt());
            assertThat(recounted.cohorts()).isEqualTo(countedNow(AreaLevel.DISTRICT, List.of(change.indicator)));
            assertThat(recounted.cohorts().total().cells().get(0).count().getAsLong())
                    .isEqualTo(before.total().cells().get(0).count().getAsLong() + 1);
            assertThat(queued).isEmpty();
        } finally {
            change.undo();
        }
    }

    @Test
    void on_view_the_view_after_a_change_waits_for_the_counts_of_the_data_as_it_is() throws Exception {
        CohortSource source = source(CohortSource.Recount.ON_VIEW, new ArrayList<>());
        Change change = Change.somebodyNewMeets(offered);
        long before = source.count(AreaLevel.AREA, List.of(change.indicator), 1, 1).cohorts().total().cells().get(0)
                .count().getAsLong();
        try {
            change.make();

            CohortSource.Counted after = source.count(AreaLevel.AREA, List.of(change.indicator), 1, 1);

            assertThat(after.current()).isTrue();
            assertThat(after.cohorts().total().cells().get(0).count().getAsLong()).isEqualTo(before + 1);
        } finally {
            change.undo();
        }
    }

    @Test
    void the_page_says_when_its_counts_were_made_and_that_they_are_being_made_again_after_a_change()
            throws Exception {
        app.account("kept.analyst", org.threadline.app.web.accounts.Agency.LOCAL_AUTHORITY,
                org.threadline.app.web.accounts.Role.ANALYST, "kept-analyst-password");
        try (TestApp background = TestApp.alongside(app, app.clock.instant(),
                Map.of("threadline.cohorts.recount", "background"))) {
            WebClient c = new WebClient(background);
            c.signInWithPurpose("kept.analyst", "kept-analyst-password", "SERVICE_EVALUATION.PSEUDONYMISED", "");
            Change change = Change.somebodyNewMeets(offered);
            String page = "/cohorts?indicator=" + change.indicator + "&level=AREA";
            assertThat(c.get(page).body()).contains("id=\"counted-at\"").doesNotContain("id=\"recounting\"");
            try {
                change.make();

                assertThat(c.get(page).body()).contains("id=\"recounting\"", "reload the page in a minute");
                String recounted = c.get(page).body();
                for (int i = 0; i < 100 && !recounted.contains("id=\"counted-at\""); i++) {
                    Thread.sleep(100); // the recount runs on its own thread
                    recounted = c.get(page).body();
                }
                assertThat(recounted).contains("id=\"counted-at\"");
            } finally {
                change.undo();
            }
        }
    }

    /** A person held who does not meet an indicator is given another person's met result of it; undone after. */
    record Change(String indicator, String from, String to) {
        static Change somebodyNewMeets(List<String> offered) {
            Set<String> held = new HashSet<>(people.personIds());
            for (String indicator : offered) {
                List<String> met = results.metBy(indicator).stream().filter(held::contains).toList();
                if (!met.isEmpty()) {
                    String to = held.stream().sorted().filter(p -> !met.contains(p)).findFirst().orElseThrow();
                    return new Change(indicator, met.get(0), to);
                }
            }
            throw new AssertionError("the population meets no offered indicator");
        }

        void make() throws SQLException {
            run("INSERT INTO indicator_result (subject_person_id, rulebook_id, indicator_id, rulebook_version,"
                    + " rulebook_sha256, status, reason, evidence, as_of, evaluated_at) SELECT ?, rulebook_id,"
                    + " indicator_id, rulebook_version, rulebook_sha256, status, reason, evidence, as_of,"
                    + " evaluated_at FROM indicator_result WHERE indicator_id = ? AND status = 'MET'"
                    + " AND subject_person_id = ?", to, indicator, from);
        }

        void undo() throws SQLException {
            run("DELETE FROM indicator_result WHERE subject_person_id = ? AND indicator_id = ? AND ? <> ''", to,
                    indicator, from);
        }

        private static void run(String sql, String... values) throws SQLException {
            try (Connection c = app.database.dataSource().getConnection(); PreparedStatement s =
                    c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    s.setString(i + 1, values[i]);
                }
                assertThat(s.executeUpdate()).as(sql).isEqualTo(1);
            }
        }
    }
}
