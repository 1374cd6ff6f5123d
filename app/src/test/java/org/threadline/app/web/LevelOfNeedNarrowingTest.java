package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.app.audit.InstalledAuditLog;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.app.indicators.IndicatorRun;
import org.threadline.app.web.access.Access;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.LevelsOfNeed;
import org.threadline.app.web.access.SourceFields;
import org.threadline.app.web.access.AgreementMapping;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.app.web.purpose.DeclaredPurpose;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.chronology.EventVocabulary;
import org.threadline.domain.governance.agreements.LevelOfNeed;
import org.threadline.domain.governance.need.AssessedLevel;
import org.threadline.domain.governance.policy.PolicyDecisionPoint;
import org.threadline.domain.indicators.Rulebook;
import org.threadline.store.people.PeopleStore;

/**
 * Issue #7 (ADR 0036): the agreements withhold the detail of police referrals, treatment and categories of abuse
 * below the child-in-need threshold. Until a person's level of need is derived every read treats it as unknown, which
 * narrows; once the level rulebook has run, a child (or household) at level 3 or 4 is read with the detail a child
 * protection enquiry needs, the audit log says which level the release relied on, and a child at a lower level
 * still has it withheld. Here: the category of abuse on social care referrals, which the agreement shares with a
 * MASH police officer only at level 3 or 4. On a population of its own (the indicator run changes what other tests
 * would read).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LevelOfNeedNarrowingTest {
    static final String MASH = "SAFEGUARDING.CHILD.MASH_TRIAGE";
    static final String CATEGORY = "column:CATEGORY_OF_ABUSE";

    @TempDir
    static Path folder;
    static TestApp app;
    static PeopleStore people;
    static AccessPolicy policy;
    /** Referrals to children's social care, by person. */
    static Map<String, List<ChronologyEvent>> referrals;

    @BeforeAll
    static void population() throws Exception {
        app = BuiltPopulation.start(folder.resolve("population"), 300, 11);
        people = new PeopleStore(app.database.dataSource());
        policy = app.bean(AccessPolicy.class);
        referrals = people.events(people.personIds()).stream()
                .filter(e -> e.sources().stream().anyMatch(s -> s.definitionId().equals("social-care-referrals")))
                .collect(Collectors.groupingBy(ChronologyEvent::personId));
        assertThat(referrals).as("children referred to social care").hasSizeGreaterThanOrEqualTo(5);
        app.account("need.police", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "need-police-password");
        app.openCaseLinkingEveryone(Agency.POLICE, "MASH-NEED-1");
    }

    @AfterAll
    static void close() {
        if (app != null) {
            app.close();
        }
    }

    static Viewer officer() {
        return policy.viewer(new Account("need.police", "Test", Agency.POLICE, Set.of(Role.SAFEGUARDING_OFFICER)),
                new DeclaredPurpose(MASH, "MASH", "MASH-NEED-1", BuiltPopulation.DURING_THE_AGREEMENTS));
    }

    static Path root() {
        return Files.isDirectory(Path.of("config", "rules")) ? Path.of(".") : Path.of("..");
    }

    static List<String> at(LevelOfNeed... levels) {
        Viewer v = officer();
        Set<LevelOfNeed> wanted = Set.of(levels);
        return referrals.keySet().stream().sorted()
                .filter(p -> policy.levelOf(v, p).level().filter(wanted::contains).isPresent()).toList();
    }

    @Test
    @Order(1)
    void before_any_level_is_derived_every_childs_category_of_abuse_is_withheld_from_the_mash_officer() {
        Viewer v = officer();
        referrals.forEach((person, events) -> {
            AssessedLevel level = policy.levelOf(v, person);
            assertThat(level.level()).as(person).isEmpty();
            assertThat(level.reason()).isEqualTo("not evaluated under level-of-need@1");
            Access a = policy.event(v, events.get(0));
            assertThat(a.shows("event_date")).as("the referral's date is shared at every level").isTrue();
            assertThat(a.shows(CATEGORY)).isFalse();
            assertThat(a.withheld()).containsKey(CATEGORY);
            assertThat(a.reasonCodes()).noneMatch(c -> c.startsWith(AccessPolicy.LEVEL_OF_NEED));
        });
    }

    @Test
    @Order(2)
    void once_levels_are_derived_level_3_or_4_releases_the_category_and_a_lower_level_still_withholds_it()
            throws Exception {
        Clock clock = Clock.fixed(BuiltPopulation.DURING_THE_AGREEMENTS, ZoneOffset.UTC);
        Rulebook levels = IndicatorRun.shippedRulebooks(root().resolve("config/rules"),
                EventVocabulary.read(root().resolve("config/chronology/events.yaml"))).stream()
                .filter(r -> r.id().equals("level-of-need")).findFirst().orElseThrow();
        new IndicatorRun(app.database.dataSource(), InstalledAuditLog.store(new ThreadlineHome(app.home).create(),
                clock), List.of(levels), clock).runAll(Optional.of(LocalDate.of(2026, 3, 31)), line -> { });

        List<String> statutory = at(LevelOfNeed.SPECIALIST, LevelOfNeed.TARGETED);
        List<String> below = at(LevelOfNeed.UNIVERSAL, LevelOfNeed.EARLY_HELP);
        assertThat(statutory).as("referred children at level 3 or 4").isNotEmpty();
        assertThat(below).as("referred children at level 1 or 2").isNotEmpty();
        assertThat(statutory.size() + below.size()).as("everyone evaluated has a level").isEqualTo(referrals.size());

        Viewer v = officer();
        for (String person : statutory) {
            AssessedLevel level = policy.levelOf(v, person);
            assertThat(level.eventIds()).as("a level above early help rests on evidence").isNotEmpty();
            for (ChronologyEvent e : referrals.get(person)) {
                Access a = policy.event(v, e);
                assertThat(a.shows(CATEGORY)).as(person + " at " + level.level().get()).isTrue();
                assertThat(a.reasonCodes()).containsExactly(AccessPolicy.LEVEL_OF_NEED + level.level().get());
            }
        }
        for (String person : below) {
            for (ChronologyEvent e : referrals.get(person)) {
                Access a = policy.event(v, e);
                assertThat(a.shows("event_date")).isTrue();
                assertThat(a.shows(CATEGORY)).as(person + " at " + policy.levelOf(v, person).level().get()).isFalse();
                assertThat(a.reasonCodes()).isEmpty();
            }
        }
    }

    @Test
    @Order(3)
    void a_page_read_of_a_child_at_a_statutory_level_is_audited_with_the_level_the_release_relied_on()
            throws Exception {
        String child = at(LevelOfNeed.SPECIALIST, LevelOfNeed.TARGETED).get(0);
        String other = at(LevelOfNeed.UNIVERSAL, LevelOfNeed.EARLY_HELP).get(0);
        LevelOfNeed level = policy.levelOf(officer(), child).level().orElseThrow();
        WebClient police = new WebClient(app);
        police.signInWithPurpose("need.police", "need-police-password", MASH, "MASH-NEED-1");

        assertThat(police.get("/people/" + child).status()).isEqualTo(200);
        assertThat(police.get("/people/" + other).status()).isEqualTo(200);

        assertThat(referralViews(child, AccessPolicy.LEVEL_OF_NEED + level)).isPositive();
        assertThat(referralViews(child, "CATEGORY_OF_ABUSE")).as("the column released is recorded").isPositive();
        assertThat(referralViews(other, "CATEGORY_OF_ABUSE")).isZero();
        assertThat(referralViews(other, "")).as("the lower level's read is audited too").isPositive();
    }

    /** VIEW entries of a referral of {@code subject} whose reason codes or fields include {@code code}. */
    static long referralViews(String subject, String code) throws Exception {
        try (Connection c = app.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM audit_entry WHERE payload->>'subject' = ? AND payload->>'action' = 'VIEW'"
                        + " AND payload->>'dataItem' = 'social-care-referrals' AND (? = ''"
                        + " OR payload->'reasonCodes' @> CAST(? AS jsonb) OR payload->'fields' @> CAST(? AS jsonb))")) {
            s.setString(1, subject);
            s.setString(2, code);
            s.setString(3, "[\"" + code + "\"]");
            s.setString(4, "[\"" + code + "\"]");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    @Order(4)
    void a_request_looks_each_persons_level_and_markers_up_once_however_many_of_their_events_it_decides() {
        AtomicInteger levelLookups = new AtomicInteger();
        AtomicInteger markerLookups = new AtomicInteger();
        LevelsOfNeed stored = LevelsOfNeed.installed(app.database.dataSource(), root().resolve("config"));
        AccessPolicy counting = new AccessPolicy(app.bean(PolicyDecisionPoint.class), AgreementMapping.load(),
                SourceFields.read(root().resolve("config/sources")), p -> {
                    markerLookups.incrementAndGet();
                    return Set.of();
                }, p -> {
                    levelLookups.incrementAndGet();
                    return stored.of(p);
                });
        // another agency's events (the officer's own agency's are shown in full without asking about the person)
        Map<String, List<ChronologyEvent>> shared = people.events(people.personIds()).stream()
                .filter(e -> !e.agency().equals("police")).collect(Collectors.groupingBy(ChronologyEvent::personId));
        String person = shared.entrySet().stream().filter(e -> e.getValue().size() >= 3).map(Map.Entry::getKey)
                .sorted().findFirst().orElseThrow(() -> new AssertionError("someone with three events"));
        Viewer first = counting.viewer(officer().account(), officer().declared());
        List<Access> decided = new ArrayList<>();
        shared.get(person).forEach(e -> decided.add(counting.event(first, e)));
        assertThat(decided).hasSizeGreaterThanOrEqualTo(3);
        assertThat(levelLookups).hasValue(1);
        assertThat(markerLookups).hasValue(1);
        // the next request looks again: a marker or level changed in between applies at once
        counting.event(counting.viewer(first.account(), first.declared()), shared.get(person).get(0));
        assertThat(levelLookups).hasValue(2);
        assertThat(markerLookups).hasValue(2);
    }
}
