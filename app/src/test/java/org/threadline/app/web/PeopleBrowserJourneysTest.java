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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.store.people.Build;
import org.threadline.store.people.PeopleStore;

/**
 * The people journeys in headless Chromium on a built population: find a person, their page, their family, the
 * review queue, as a police officer and as a school's safeguarding lead, with axe-core on every page (no serious or
 * critical violation).
 */
class PeopleBrowserJourneysTest {
    @TempDir
    static Path folder;
    static TestApp app;
    static ChromeDriver browser;
    static PeopleStore store;
    static String child;

    @BeforeAll
    static void start() throws Exception {
        Browser.requireChromium();
        app = BuiltPopulation.shared();
        store = new PeopleStore(app.database.dataSource());
        child = store.sampleChild().orElseThrow();
        app.account("browser.police", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "browser-police-password");
        app.account("browser.school", Agency.SCHOOLS, Role.DESIGNATED_SAFEGUARDING_LEAD, "browser-school-password");
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

    static void signInFor(ChromeDriver driver, TestApp app, String user, String password, String caseReference) {
        BrowserJourneysTest.signIn(driver, app, user, password);
        driver.findElement(By.cssSelector("input[value='SAFEGUARDING.CHILD.MASH_TRIAGE']")).click();
        app.openCaseFor(user, caseReference);
        driver.findElement(By.id("caseReference")).sendKeys(caseReference);
        Browser.clickToNavigate(driver, By.id("declare"));
    }

    @Test
    void a_police_officer_finds_a_child_reads_their_page_and_family_and_records_a_review_decision()
            throws Exception {
        signInFor(browser, app, "browser.police", "browser-police-password", "MASH-2026-0001");
        Build.RecordRow r = store.recordsOf(child).stream().filter(x -> x.definitionId().startsWith("police-"))
                .findFirst().orElseThrow();

        Browser.clickToNavigate(browser, By.linkText("Find a person"));
        accessible();
        Browser.clickToNavigate(browser, By.id("search"));
        assertThat(text(".govuk-error-summary")).contains("Enter a name, date of birth, postcode or identifier");
        accessible();
        browser.findElement(By.id("name")).sendKeys(r.identity().get("forename") + " " + r.identity().get("surname"));
        Browser.clickToNavigate(browser, By.id("search"));
        assertThat(path()).isEqualTo("/people/find");
        assertThat(text("#results")).contains(child, "Surname matched exactly (police record)");
        accessible();

        Browser.clickToNavigate(browser, By.cssSelector("a[href='/people/" + child + "']"));
        assertThat(path()).isEqualTo("/people/" + child);
        assertThat(text("#records")).contains(r.recordKey(), r.identity().get("surname"));
        assertThat(text("#why-you-can-see-this")).contains("your agency's own record", "MASH-2026-0001");
        assertThat(browser.findElements(By.cssSelector("#chronology svg circle"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#records svg rect"))).as("a waterfall").isNotEmpty();
        accessible();

        Browser.clickToNavigate(browser, By.id("significant-link"));
        assertThat(text("#chronology-heading")).isEqualTo("Chronology: significant events");
        accessible();

        Browser.clickToNavigate(browser, By.id("family-link"));
        assertThat(path()).isEqualTo("/people/" + child + "/family");
        assertThat(browser.findElements(By.cssSelector("svg circle.tl-node-anchor"))).hasSize(1);
        accessible();

        browser.get(app.url("/review"));
        accessible();
        WebElement form = browser.findElements(By.cssSelector("form[action='/review/decide']")).get(0);
        String button = form.findElement(By.cssSelector("button")).getAttribute("id");
        Browser.clickToNavigate(browser, By.id(button));
        assertThat(text(".govuk-error-summary")).contains("give a reason");
        accessible();
        form = browser.findElements(By.cssSelector("form[action='/review/decide']")).get(0);
        form.findElement(By.cssSelector("input[value='UNSURE']")).click();
        form.findElement(By.cssSelector("textarea")).sendKeys("Need the school to confirm the date of birth");
        Browser.clickToNavigate(browser, By.id(form.findElement(By.cssSelector("button")).getAttribute("id")));
        assertThat(text("#decided")).contains("Recorded: unsure");
        accessible();
    }

    @Test
    void a_school_safeguarding_lead_sees_the_same_child_without_anything_police_hold() throws Exception {
        signInFor(browser, app, "browser.school", "browser-school-password", "MASH-2026-0002");
        List<String> policeKeys = store.recordsOf(child).stream()
                .filter(x -> x.definitionId().startsWith("police-")).map(Build.RecordRow::recordKey).toList();
        assertThat(policeKeys).isNotEmpty();

        browser.get(app.url("/people/" + child));
        String records = text("#records");
        policeKeys.forEach(k -> assertThat(records).doesNotContain(k));
        assertThat(text("#records-not-shared")).contains("not shared with you");
        assertThat(text("#events-not-shown")).contains("not shown");
        assertThat(text("#events")).doesNotContain("police");
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
