package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threadline.app.audit.InstalledAuditLog;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.app.indicators.IndicatorRun;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.domain.chronology.EventVocabulary;
import org.threadline.domain.indicators.Evaluation;
import org.threadline.domain.indicators.IndicatorResult;
import org.threadline.domain.indicators.Status;
import org.threadline.store.people.PeopleStore;

/**
 * Flags on the person page over HTTP: shown with their evidence to a viewer who may see every record they rest on,
 * and to anyone else counted, with why, but never named (a flag is an inference from its evidence).
 */
class PersonFlagsTest {
    static TestApp app;
    static String person;
    static String flag;

    @BeforeAll
    static void flagsEvaluated() throws Exception {
        app = BuiltPopulation.shared();
        BuiltPopulation.evaluateFlags(app);
        app.openCaseLinkingEveryone(Agency.POLICE, "MASH-201");
        app.openCaseLinkingEveryone(Agency.SCHOOLS, "MASH-202");
        Path root = Files.isDirectory(Path.of("config", "rules")) ? Path.of(".") : Path.of("..");
        Clock clock = Clock.fixed(BuiltPopulation.DURING_THE_AGREEMENTS, ZoneOffset.UTC);
        IndicatorRun run = new IndicatorRun(app.database.dataSource(),
                InstalledAuditLog.store(new ThreadlineHome(app.home).create(), clock),
                IndicatorRun.shippedRulebooks(root.resolve("config/rules"),
                        EventVocabulary.read(root.resolve("config/chronology/events.yaml"))), clock);
        PeopleStore store = new PeopleStore(app.database.dataSource());
        // someone with a flag resting on police records only
        for (String p : store.personIds()) {
            for (Evaluation e : run.stored(p).values()) {
                for (IndicatorResult r : e.results()) {
                    boolean policeOnly = r.status() == Status.MET && r.evidence().stream().allMatch(ev ->
                            ev.relationshipSources().isEmpty() && !ev.events().isEmpty()
                                    && ev.events().stream().allMatch(x -> x.agency().equals("police")));
                    if (policeOnly && person == null) {
                        person = p;
                        flag = r.indicatorId();
                    }
                }
            }
        }
        assertThat(person).as("the population has a flag resting on police records only").isNotNull();
        app.account("flags.police", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "flags-police-password");
        app.account("flags.school", Agency.SCHOOLS, Role.DESIGNATED_SAFEGUARDING_LEAD, "flags-school-password");
    }

    @Test
    void a_police_officer_triaging_sees_a_flag_resting_on_police_records_with_its_evidence() {
        WebClient c = new WebClient(app);
        c.signInWithPurpose("flags.police", "flags-police-password", "SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-201");

        WebClient.Page page = c.get("/people/" + person);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"flag-" + flag + "\"", "Flags from the published rules",
                "The evidence", "police: ");
    }

    @Test
    void a_school_lead_triaging_is_told_a_flag_rests_on_records_not_shared_but_not_which() {
        WebClient c = new WebClient(app);
        c.signInWithPurpose("flags.school", "flags-school-password", "SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-202");

        WebClient.Page page = c.get("/people/" + person);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("id=\"flag-" + flag + "\"")
                .contains("id=\"flags-not-shown\"", "rest on records not shared with you for this purpose");
    }
}
