package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.app.web.analyst.CohortSource;

/**
 * The analyst's journey in headless Chromium, with axe-core on every page (no serious or critical violation): an
 * analyst signs in, declares service evaluation, opens the cohorts, chooses indicators and postcode districts and
 * reads the table, the chart and the map; the same works with JavaScript switched off; a police officer is told why
 * they cannot see it.
 */
class AnalystBrowserJourneysTest {
    @TempDir
    static Path folder;
    static TestApp app;
    static ChromeDriver browser;
    static List<CohortSource.Choice> offered;

    @BeforeAll
    static void start() throws Exception {
        Browser.requireChromium();
        app = BuiltPopulation.shared();
        BuiltPopulation.evaluateFlags(app);
        offered = app.bean(CohortSource.class).choices().values().stream().flatMap(List::stream).toList();
        app.account("journey.analyst", Agency.LOCAL_AUTHORITY, Role.ANALYST, "journey-analyst-password");
        app.account("journey.officer", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "journey-officer-password");
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

    static void analystViewsCohorts(WebDriver driver, TestApp app) {
        GovernanceAndAlertsBrowserJourneysTest.declare(driver, app, "journey.analyst", "journey-analyst-password",
                "SERVICE_EVALUATION.PSEUDONYMISED", "");
        Browser.clickToNavigate(driver, By.linkText("Cohorts by indicator and area"));
    }

    @Test
    void an_analyst_reads_cohorts_by_district_as_a_table_a_chart_and_a_map() throws Exception {
        analystViewsCohorts(browser, app);
        assertThat(path()).isEqualTo("/cohorts");
        assertThat(text("#suppression-rule")).contains("reads c (suppressed)", "rounded to the nearest 5");
        assertThat(text("#cohort-table")).contains("Postcode area", "All areas");
        accessible();

        browser.findElement(By.id("indicator-" + offered.get(1).id())).click();
        browser.findElement(By.id("level-DISTRICT")).click();
        Browser.clickToNavigate(browser, By.id("show"));
        assertThat(path()).startsWith("/cohorts?").contains("level=DISTRICT");
        assertThat(text("#cohort-table")).contains("Postcode district", offered.get(0).name(),
                offered.get(1).name(), "Per 1,000");
        for (CohortSource.Choice c : offered.subList(0, 2)) {
            assertThat(browser.findElement(By.id("chart-" + c.id())).getAttribute("aria-labelledby"))
                    .isEqualTo("chart-title-" + c.id() + " chart-desc-" + c.id());
            assertThat(browser.findElements(By.cssSelector("#map-" + c.id().replace(".", "\\.") + " rect.tl-tile")))
                    .isNotEmpty();
            assertThat(text("#legend-" + c.id().replace(".", "\\."))).contains("Suppressed (hatched)");
        }
        assertThat(text("main")).doesNotContainPattern("P\\d{7}");
        accessible();

        // too many indicators: the error is on the page, linked to the field
        for (CohortSource.Choice c : offered.subList(2, 4)) {
            browser.findElement(By.id("indicator-" + c.id())).click();
        }
        Browser.clickToNavigate(browser, By.id("show"));
        assertThat(text(".govuk-error-summary")).contains("Select up to 3 indicators");
        accessible();
    }

    @Test
    void the_journey_works_with_javascript_switched_off() throws Exception {
        ChromeDriver plain = Browser.start(folder.resolve("profile-no-js"), false);
        try {
            plain.get(app.url("/sign-in"));
            BrowserJourneysTest.signIn(plain, app, "journey.analyst", "journey-analyst-password");
            plain.findElement(By.cssSelector("input[value='SERVICE_EVALUATION.PSEUDONYMISED']")).click();
            Browser.clickToNavigate(plain, By.id("declare"));
            new WebDriverWait(plain, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(app.url("/")));
            plain.get(app.url("/cohorts"));
            plain.findElement(By.id("level-DISTRICT")).click();
            Browser.clickToNavigate(plain, By.id("show"));
            new WebDriverWait(plain, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("level=DISTRICT"));
            assertThat(plain.findElement(By.id("cohort-table")).getText()).contains("Postcode district");
            assertThat(plain.findElements(By.cssSelector("svg.tl-map rect.tl-tile"))).isNotEmpty();
        } finally {
            plain.quit();
        }
    }

    @Test
    void a_police_officer_is_told_why_they_cannot_see_cohorts() throws Exception {
        GovernanceAndAlertsBrowserJourneysTest.declare(browser, app, "journey.officer", "journey-officer-password",
                "SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-2026-0101");
        assertThat(text("#journeys")).doesNotContain("Cohorts by indicator and area");
        browser.get(app.url("/cohorts"));
        assertThat(text("#refusal-reason")).contains("Cohort counts are for analysts", "Safeguarding officer");
        assertThat(browser.findElements(By.id("cohort-table"))).isEmpty();
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
