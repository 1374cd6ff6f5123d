package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.domain.indicators.alerts.Alert;

/**
 * The information-governance and alerts journeys in headless Chromium, with axe-core on every page (no serious or
 * critical violation): a DPO reviews the agreements, filters the permission matrix, compares the draft with the
 * version in force, verifies the audit log and opens the break-glass reviews; a police officer is told why they
 * cannot; a school's DSL works an Operation Encompass alert from new to closed.
 */
class GovernanceAndAlertsBrowserJourneysTest {
    @TempDir
    static Path folder;
    static TestApp app;
    static ChromeDriver browser;
    static List<Alert> alerts;

    @BeforeAll
    static void start() throws Exception {
        Browser.requireChromium();
        app = AlertsPopulation.shared();
        alerts = AlertsPopulation.raised();
        app.account("journey.dpo", Agency.LOCAL_AUTHORITY, Role.DATA_PROTECTION_OFFICER, "journey-dpo-password");
        app.account("journey.police", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "journey-police-password");
        app.account("journey.school", Agency.SCHOOLS, Role.DESIGNATED_SAFEGUARDING_LEAD, "journey-school-password");
        app.worksFor("journey.school", org.threadline.app.web.accounts.Memberships.EVERY);
        browser = Browser.start(folder.resolve("profile"), true);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signedOut() {
        browser.get(app.url("/signed-out"));
        browser.manage().deleteAllCookies();
        browser.get(app.url("/sign-in"));
    }

    static void declare(WebDriver driver, TestApp app, String user, String password, String purpose,
                        String caseReference) {
        BrowserJourneysTest.signIn(driver, app, user, password);
        driver.findElement(By.cssSelector("input[value='" + purpose + "']")).click();
        if (!caseReference.isEmpty()) {
            driver.findElement(By.id("caseReference")).sendKeys(caseReference);
            app.openCaseFor(user, caseReference);
        }
        Browser.clickToNavigate(driver, By.id("declare"));
    }

    @Test
    void a_dpo_reviews_agreements_the_matrix_a_diff_the_audit_log_and_break_glass() throws Exception {
        declare(browser, app, "journey.dpo", "journey-dpo-password", "GOVERNANCE.OVERSIGHT", "");
        Browser.clickToNavigate(browser, By.linkText("Information governance"));
        assertThat(path()).isEqualTo("/governance");
        assertThat(text("#agreement-ISA-TL-CHILDREN\\@1")).contains("Active", "7 of 7 verified");
        assertThat(text("#agreement-ISA-TL-CHILDREN\\@2")).contains("Draft", "Not signed");
        accessible();

        Browser.clickToNavigate(browser, By.linkText("Permission matrix of ISA-TL-CHILDREN@1"));
        new Select(browser.findElement(By.id("agency"))).selectByValue("schools");
        new Select(browser.findElement(By.id("purpose"))).selectByValue("SAFEGUARDING.CHILD.ENCOMPASS");
        Browser.clickToNavigate(browser, By.id("filter"));
        assertThat(path()).startsWith("/governance/matrix?");
        assertThat(text("#matrix")).contains("OCCURRENCE_DATE_TIME").doesNotContain("PNC_ID", "MASH_POLICE_OFFICER");
        accessible();

        Browser.clickToNavigate(browser, By.linkText("Compare versions"));
        assertThat(text("#widened")).contains("DASH_RISK");
        assertThat(text("#narrowed")).contains("HOME_POSTCODE");
        accessible();

        Browser.clickToNavigate(browser, By.linkText("Audit log"));
        assertThat(text("#audit-entries")).contains("journey.dpo", "governance:agreement-diff");
        accessible();
        Browser.clickToNavigate(browser, By.id("verify"));
        assertThat(text("#verification")).contains("The audit log is intact");
        accessible();

        Browser.clickToNavigate(browser, By.linkText("Break-glass reviews"));
        assertThat(text("main")).contains("Break-glass reviews");
        accessible();
    }

    @Test
    void a_police_officer_is_told_why_they_cannot_open_information_governance() throws Exception {
        declare(browser, app, "journey.police", "journey-police-password", "SAFEGUARDING.CHILD.MASH_TRIAGE",
                "MASH-2026-0099");
        assertThat(text("#journeys")).doesNotContain("Information governance").contains("Alerts for your agency");
        browser.get(app.url("/governance/audit"));
        assertThat(text("#refusal-reason")).contains("for a data protection officer", "Safeguarding officer");
        assertThat(browser.findElements(By.id("audit-entries"))).isEmpty();
        accessible();
    }

    @Test
    void a_school_dsl_works_an_encompass_alert_from_new_to_closed() throws Exception {
        assertThat(alerts.stream().filter(a -> a.recipient().agency().equals("schools"))).isNotEmpty();
        declare(browser, app, "journey.school", "journey-school-password", "SAFEGUARDING.CHILD.ENCOMPASS", "");
        Browser.clickToNavigate(browser, By.linkText("Alerts for your agency"));
        assertThat(path()).isEqualTo("/alerts");
        accessible();
        for (Alert a : alerts) {
            if (!a.recipient().agency().equals("schools")) {
                assertThat(browser.findElements(By.id("alert-" + a.alertId()))).isEmpty();
            }
        }

        // Each alert is a details element (no JavaScript needed to open it): open the first new one.
        WebElement first = browser.findElements(By.cssSelector("button[id^='acknowledge-']")).get(0);
        String alertId = first.getAttribute("id").substring("acknowledge-".length());
        assertThat(first.isDisplayed()).isFalse();
        browser.findElement(By.cssSelector("#alert-" + alertId + " summary")).click();
        assertThat(text("#alert-" + alertId)).contains("Evidence", "Domestic abuse incident");
        Browser.clickToNavigate(browser, By.id("acknowledge-" + alertId));
        assertThat(text("#done")).contains("Acknowledged: " + alertId, "journey.school");
        accessible();

        browser.findElement(By.id("no-action-" + alertId)).click();
        Browser.clickToNavigate(browser, By.id("decide-" + alertId));
        assertThat(text(".govuk-error-summary")).contains("needs its reason");
        assertThat(text("#alert-" + alertId)).contains("needs its reason");
        accessible();

        browser.findElement(By.id("action-" + alertId)).click();
        browser.findElement(By.id("reason-" + alertId)).sendKeys("Class teacher told; check-in with the child at"
                + " registration.");
        Browser.clickToNavigate(browser, By.id("decide-" + alertId));
        assertThat(text("#done")).contains("Decision recorded");
        Browser.clickToNavigate(browser, By.id("close-" + alertId));
        assertThat(text("#done")).contains("Closed: " + alertId);
        assertThat(text("#alert-" + alertId)).contains("Action taken: Class teacher told", "journey.school (schools)");
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
