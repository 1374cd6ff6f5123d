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
import org.threadline.store.people.Build;
import org.threadline.store.people.PeopleStore;

/**
 * Break-glass end to end in headless Chromium (ADR 0018): the out-of-hours duty social worker opens a child's page,
 * is told police records are not shared with their role, breaks glass for that child (first without a reason, and
 * is told what is missing), sees the police record under the break-glass banner; a second child stays refused. The
 * data protection officer sees the new notification, the live grant and its due review, and records the outcome.
 * axe-core runs on every page: no serious or critical violation.
 */
class BreakGlassBrowserJourneyTest {
    @TempDir
    static Path folder;
    static TestApp app;
    static ChromeDriver browser;
    static String child;
    static String secondChild;
    static Build.RecordRow childPolice;
    static Build.RecordRow secondPolice;

    @BeforeAll
    static void start() throws Exception {
        Browser.requireChromium();
        app = BuiltPopulation.shared();
        PeopleStore people = new PeopleStore(app.database.dataSource());
        List<Build.RecordRow> police = new ArrayList<>();
        for (String p : people.personIds()) {
            people.recordsOf(p).stream().filter(r -> r.definitionId().equals("police-incident-persons")
                    && !r.identity().getOrDefault("surname", "").isBlank()).findFirst().ifPresent(police::add);
            if (police.size() == 5) {
                break;
            }
        }
        // BreakGlassPagesTest takes the first three; this journey the next two, so that no grant of one is seen
        // by the other.
        assertThat(police).hasSize(5);
        childPolice = police.get(3);
        secondPolice = police.get(4);
        child = childPolice.personId();
        secondChild = secondPolice.personId();
        app.account("journey.edt", Agency.CHILDRENS_SOCIAL_CARE, Role.EMERGENCY_DUTY_SOCIAL_WORKER,
                "journey-edt-password");
        app.account("journey.bg.dpo", Agency.LOCAL_AUTHORITY, Role.DATA_PROTECTION_OFFICER, "journey-bg-dpo-password");
        browser = Browser.start(folder.resolve("profile"), true);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void the_duty_social_worker_breaks_glass_for_one_child_and_the_dpo_reviews_it() throws Exception {
        browser.get(app.url("/sign-in"));
        GovernanceAndAlertsBrowserJourneysTest.declare(browser, app, "journey.edt", "journey-edt-password",
                "SAFEGUARDING.CHILD.MASH_TRIAGE", "EDT-2026-0107");

        browser.get(app.url("/people/" + child));
        assertThat(text("#records")).doesNotContain(childPolice.recordKey());
        assertThat(text("#records-not-shared")).contains("not shared with your role");
        assertThat(browser.findElements(By.id("break-glass-banner"))).isEmpty();
        accessible();

        Browser.clickToNavigate(browser, By.id("break-glass-link"));
        assertThat(path()).isEqualTo("/people/" + child + "/break-glass");
        assertThat(text("#break-glass-terms")).contains("this one person only", "4 hours", "3 days");
        accessible();
        Browser.clickToNavigate(browser, By.id("break-glass-confirm"));
        assertThat(text(".govuk-error-summary")).contains("Select why this cannot wait",
                "Give a reason of at least 20 characters", "Select how long you need");
        assertThat(browser.getTitle()).startsWith("Error:");
        accessible();

        browser.findElement(By.cssSelector("input[value='CHILD_AT_RISK_OUT_OF_HOURS']")).click();
        browser.findElement(By.id("reason")).sendKeys("Police call 02:40: child left alone overnight, need police"
                + " history before placing");
        browser.findElement(By.cssSelector("input[name='duration'][value='60']")).click();
        Browser.clickToNavigate(browser, By.id("break-glass-confirm"));
        assertThat(path()).isEqualTo("/people/" + child);
        assertThat(text("#break-glass-banner")).contains("Break-glass access, expires at");
        assertThat(text("#records")).contains(childPolice.recordKey(), childPolice.identity().get("surname"));
        assertThat(text("#why-you-can-see-this")).contains("break-glass access under ISA-TL-CHILDREN@1");
        assertThat(browser.findElements(By.id("break-glass-offer"))).isEmpty();
        accessible();

        browser.get(app.url("/people/" + secondChild));
        assertThat(text("#records")).doesNotContain(secondPolice.recordKey());
        assertThat(browser.findElements(By.id("break-glass-banner"))).isEmpty();
        assertThat(browser.findElements(By.id("break-glass-offer"))).hasSize(1);

        browser.get(app.url("/signed-out"));
        browser.manage().deleteAllCookies();
        browser.get(app.url("/sign-in"));
        GovernanceAndAlertsBrowserJourneysTest.declare(browser, app, "journey.bg.dpo", "journey-bg-dpo-password",
                "GOVERNANCE.OVERSIGHT", "");
        Browser.clickToNavigate(browser, By.linkText("Information governance"));
        assertThat(text("#break-glass-unread")).endsWith("new");
        Browser.clickToNavigate(browser, By.linkText("Break-glass reviews"));
        WebElement grant = browser.findElements(By.cssSelector("section[id^='grant-']")).stream()
                .filter(s -> s.getText().contains("journey.edt for " + child)).findFirst().orElseThrow();
        assertThat(grant.getText()).contains("Live", "CHILD_AT_RISK_OUT_OF_HOURS", "Due by", "EDT-2026-0107");
        assertThat(text("#break-glass")).contains("journey.edt", "police-incident-persons");
        accessible();

        String id = grant.getAttribute("id").substring("grant-".length());
        Browser.clickToNavigate(browser, By.id("review-button-" + id));
        assertThat(text(".govuk-error-summary")).contains("Select the outcome of the review");
        accessible();
        browser.findElement(By.id("outcome-" + id + "-0")).click();
        browser.findElement(By.id("reason-" + id)).sendKeys("Out-of-hours call confirmed with police control room");
        Browser.clickToNavigate(browser, By.id("review-button-" + id));
        assertThat(text("#reviewed")).contains("Review of break-glass use " + id + " recorded: appropriate.");
        assertThat(text("#review-" + id)).contains("appropriate (journey.bg.dpo",
                "confirmed with police control room");
        assertThat(browser.findElements(By.id("review-button-" + id))).isEmpty();
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
