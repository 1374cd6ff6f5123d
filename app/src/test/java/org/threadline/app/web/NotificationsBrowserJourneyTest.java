package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.store.people.PeopleStore;

/**
 * The break-glass notifications inbox in headless Chromium (ADR 0026): after the out-of-hours duty social worker
 * breaks glass for a child, their line manager sees the unread count in the navigation, opens the inbox, reads the
 * use (the child and the written reason: their role acts on it) and marks it read, and the count goes. A social worker
 * of the same agency, whom the rule does not name, has no count and no notification. axe-core runs on every page: no
 * serious or critical violation.
 */
class NotificationsBrowserJourneyTest {
    static final String REASON = "Police call 04:05: child left alone overnight, need police history to place";

    @TempDir
    static Path folder;
    static TestApp app;
    static ChromeDriver browser;
    static String child;

    @BeforeAll
    static void start() throws Exception {
        Browser.requireChromium();
        app = BuiltPopulation.shared();
        PeopleStore people = new PeopleStore(app.database.dataSource());
        List<String> withPolice = new ArrayList<>();
        for (String p : people.personIds()) {
            if (people.recordsOf(p).stream().anyMatch(r -> r.definitionId().equals("police-incident-persons")
                    && !r.identity().getOrDefault("surname", "").isBlank())) {
                withPolice.add(p);
            }
            if (withPolice.size() == 8) {
                break;
            }
        }
        // The other break-glass tests take the first six; this journey the seventh.
        child = withPolice.get(6);
        app.account("inbox.edt", Agency.CHILDRENS_SOCIAL_CARE, Role.EMERGENCY_DUTY_SOCIAL_WORKER, "inbox-edt-pw");
        app.account("inbox.manager", Agency.CHILDRENS_SOCIAL_CARE, Role.SAFEGUARDING_OFFICER, "inbox-manager-pw");
        app.account("inbox.social", Agency.CHILDRENS_SOCIAL_CARE, Role.SOCIAL_WORKER, "inbox-social-pw");
        // The cases the users declare (ADR 0027), as the other break-glass tests open theirs.
        app.openCaseLinkingEveryone("EDT-2026-0400", Agency.CHILDRENS_SOCIAL_CARE);
        app.openCaseLinkingEveryone("MASH-2026-0400", Agency.CHILDRENS_SOCIAL_CARE);
        app.openCaseLinkingEveryone("MASH-2026-0401", Agency.CHILDRENS_SOCIAL_CARE);
        WebClient edt = new WebClient(app);
        edt.signInWithPurpose("inbox.edt", "inbox-edt-pw", "SAFEGUARDING.CHILD.MASH_TRIAGE", "EDT-2026-0400");
        edt.get("/people/" + child + "/break-glass");
        assertThat(edt.post("/people/" + child + "/break-glass", BreakGlassPagesTest.form(
                "CHILD_AT_RISK_OUT_OF_HOURS", REASON, "60")).location()).contains("/people/" + child);
        browser = Browser.start(folder.resolve("profile"), true);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void the_line_manager_reads_the_use_in_their_inbox_and_an_unrelated_social_worker_sees_none() throws Exception {
        browser.get(app.url("/sign-in"));
        GovernanceAndAlertsBrowserJourneysTest.declare(browser, app, "inbox.manager", "inbox-manager-pw",
                "SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-2026-0400");
        assertThat(Integer.parseInt(text("#notifications-unread"))).as("the count in the navigation").isPositive();
        accessible();

        Browser.clickToNavigate(browser, By.id("notifications-link"));
        assertThat(path()).isEqualTo("/notifications");
        WebElement use = browser.findElements(By.cssSelector("section[id^='notice-']")).stream()
                .filter(s -> s.getText().contains("by inbox.edt")).findFirst().orElseThrow();
        assertThat(use.getText()).contains("New", "lineManager at social-care", "CHILD_AT_RISK_OUT_OF_HOURS", child,
                REASON);
        accessible();

        Browser.clickToNavigate(browser, By.id("mark-read"));
        assertThat(text("#marked-read")).contains("marked as read");
        assertThat(browser.findElements(By.id("notifications-unread"))).as("nothing unread").isEmpty();
        WebElement read = browser.findElements(By.cssSelector("section[id^='notice-']")).stream()
                .filter(s -> s.getText().contains("by inbox.edt")).findFirst().orElseThrow();
        assertThat(read.getText()).doesNotContain("New");
        accessible();

        browser.get(app.url("/signed-out"));
        browser.manage().deleteAllCookies();
        browser.get(app.url("/sign-in"));
        GovernanceAndAlertsBrowserJourneysTest.declare(browser, app, "inbox.social", "inbox-social-pw",
                "SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-2026-0401");
        assertThat(browser.findElements(By.id("notifications-unread"))).isEmpty();
        Browser.clickToNavigate(browser, By.id("notifications-link"));
        assertThat(text("#no-role")).contains("Your role is not one that break-glass notifications are sent to");
        assertThat(browser.findElements(By.cssSelector("section[id^='notice-']"))).isEmpty();
        assertThat(text("#main-content")).doesNotContain(child, REASON);
        accessible();
    }

    private String path() {
        return Browser.path(browser);
    }

    private String text(String css) {
        return Browser.text(browser, css);
    }

    private void accessible() throws Exception {
        Axe.assertAccessible(browser);
    }
}
