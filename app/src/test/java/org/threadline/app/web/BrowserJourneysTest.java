package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.threadline.app.web.accounts.DemoAccounts;

/**
 * The journeys built so far, in headless Chromium against the real app on PostgreSQL, signed in as the demo's
 * people with the passwords {@link DemoAccounts} just gave them. axe-core runs on every page shown: no serious or
 * critical accessibility violation is allowed.
 */
class BrowserJourneysTest {
    @TempDir
    static Path folder;
    static TestApp app;
    static ChromeDriver browser;
    static Map<String, String> passwords;

    @BeforeAll
    static void start() throws Exception {
        Browser.requireChromium();
        app = TestApp.start(folder.resolve("db"));
        app.openCase(org.threadline.app.web.accounts.Agency.CHILDRENS_SOCIAL_CARE, "S47-2026-0007");
        app.openCase(org.threadline.app.web.accounts.Agency.SCHOOLS, "MASH-77");
        passwords = app.bean(DemoAccounts.class).createOrReset().stream()
                .collect(Collectors.toMap(l -> l.account().username(), DemoAccounts.Login::password));
        browser = Browser.start(folder.resolve("profile"), true);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @BeforeEach
    void signedOut() {
        signOutByCookies();
    }

    @Test
    void a_social_worker_signs_in_declares_a_purpose_with_a_case_reference_changes_it_and_signs_out()
            throws Exception {
        open("/");
        assertThat(path()).isEqualTo("/sign-in");
        assertThat(browser.getTitle()).isEqualTo("Sign in - Threadline");
        assertThat(text("body")).contains("Threadline", "Synthetic data", "synthetic data only");
        accessible();

        signIn(browser, app, "social.worker", "not-the-password");
        assertThat(browser.getTitle()).startsWith("Error: ");
        assertThat(text(".govuk-error-summary")).contains("Enter a correct username and password");
        accessible();
        // GOV.UK Frontend's JavaScript ran under the Content-Security-Policy: it moved focus to the error summary.
        assertThat(script("return document.body.className;")).contains("js-enabled", "govuk-frontend-supported");
        assertThat(script("return document.activeElement.className;")).contains("govuk-error-summary");
        assertThat(script("return performance.getEntriesByType('resource').map(e => e.name).join(' ');"))
                .as("no request for the GOV.UK-only font").contains("govuk-frontend.min.css")
                .doesNotContain("/assets/fonts/");

        signIn(browser, app, "social.worker", passwords.get("social.worker"));
        assertThat(path()).isEqualTo("/purpose");
        assertThat(text("#declared-purpose")).contains("Jordan Reid (demo)", "You have not declared a purpose");
        accessible();

        Browser.clickToNavigate(browser, By.id("declare"));
        assertThat(text(".govuk-error-summary")).contains("Select why you are using Threadline");
        accessible();

        browser.findElement(By.cssSelector("input[value='SAFEGUARDING.CHILD.S47_ENQUIRY']")).click();
        Browser.clickToNavigate(browser, By.id("declare"));
        assertThat(text(".govuk-error-summary")).contains("Enter the case reference");
        accessible();

        browser.findElement(By.id("caseReference")).sendKeys("S47-2026-0007");
        Browser.clickToNavigate(browser, By.id("declare"));
        assertThat(path()).isEqualTo("/");
        assertThat(text("#declared-purpose")).contains("Section 47 enquiry about a child", "S47-2026-0007",
                "Change purpose");
        assertThat(text("#journeys")).contains("Your account and purpose");
        accessible();

        Browser.clickToNavigate(browser, By.linkText("Change purpose"));
        assertThat(path()).isEqualTo("/purpose");
        assertThat(browser.findElement(By.cssSelector("input[value='SAFEGUARDING.CHILD.S47_ENQUIRY']"))
                .isSelected()).isTrue();
        browser.findElement(By.cssSelector("input[value='SAFEGUARDING.CHILD.EARLY_HELP']")).click();
        WebElement reference = browser.findElement(By.id("caseReference"));
        reference.clear();
        reference.sendKeys("EH-551");
        Browser.clickToNavigate(browser, By.id("declare"));
        // A case the agency's register does not have is refused on the page, saying so plainly (ADR 0027).
        assertThat(text(".govuk-error-summary")).contains("Your agency has no case EH-551 in its case register");
        assertThat(text("#declared-purpose")).contains("S47-2026-0007");
        accessible();
        app.openCase(org.threadline.app.web.accounts.Agency.CHILDRENS_SOCIAL_CARE, "EH-551");
        Browser.clickToNavigate(browser, By.id("declare"));
        assertThat(text("#declared-purpose")).contains("Plan early help for a child or family", "EH-551");

        Browser.clickToNavigate(browser, By.linkText("Your account and purpose"));
        assertThat(text("#account-details")).contains("social.worker", "Children's social care", "Social worker",
                "Plan early help", "EH-551", "30 minutes");
        accessible();

        Browser.clickToNavigate(browser, By.id("sign-out"));
        assertThat(path()).isEqualTo("/signed-out");
        assertThat(text("h1")).isEqualTo("You have signed out");
        accessible();
        open("/");
        assertThat(path()).isEqualTo("/sign-in");
    }

    @Test
    void an_account_locks_after_repeated_wrong_passwords_and_the_right_one_is_then_refused() {
        for (int i = 0; i < TestApp.MAX_FAILED; i++) {
            signIn(browser, app, "health.safeguarding", "wrong-" + i);
            assertThat(path()).isEqualTo("/sign-in");
        }
        signIn(browser, app, "health.safeguarding", passwords.get("health.safeguarding"));
        assertThat(path()).as("locked").isEqualTo("/sign-in");
        assertThat(text(".govuk-error-summary")).contains("Enter a correct username and password");
        assertThat(text("main")).contains("After " + TestApp.MAX_FAILED + " wrong passwords");
    }

    @Test
    void the_purposes_offered_differ_by_role_and_a_purpose_without_a_case_needs_no_reference() throws Exception {
        signIn(browser, app, "analyst", passwords.get("analyst"));
        assertThat(radioValues()).containsExactly("SERVICE_EVALUATION.PSEUDONYMISED", "DATA_QUALITY.PARTNER_FEED");
        browser.findElement(By.cssSelector("input[value='SERVICE_EVALUATION.PSEUDONYMISED']")).click();
        Browser.clickToNavigate(browser, By.id("declare"));
        assertThat(path()).isEqualTo("/");
        assertThat(text("#declared-purpose")).contains("Evaluate services using pseudonymised data")
                .doesNotContain("case");
        Browser.clickToNavigate(browser, By.id("sign-out"));

        signIn(browser, app, "dpo", passwords.get("dpo"));
        assertThat(radioValues()).containsExactly("GOVERNANCE.OVERSIGHT");
        signOutByCookies();

        signIn(browser, app, "school.dsl", passwords.get("school.dsl"));
        assertThat(radioValues()).containsExactly("SAFEGUARDING.CHILD.MASH_TRIAGE",
                "SAFEGUARDING.CHILD.EARLY_HELP", "SAFEGUARDING.CHILD.ENCOMPASS", "CASEWORK.MANAGE_CASES");
    }

    @Test
    void an_idle_session_ends_with_a_page_that_says_why_and_unknown_pages_show_the_error_page() throws Exception {
        signIn(browser, app, "police.safeguarding", passwords.get("police.safeguarding"));
        app.clock.advance(Duration.ofMinutes(45));
        open("/purpose");
        assertThat(path()).isEqualTo("/session-expired");
        assertThat(text("h1")).isEqualTo("Your session has ended");
        accessible();

        open("/no-such-page");
        assertThat(path()).as("anonymous: sign in first").isEqualTo("/sign-in");
        signIn(browser, app, "police.safeguarding", passwords.get("police.safeguarding"));
        open("/no-such-page");
        assertThat(text("h1")).isEqualTo("Page not found");
        accessible();
    }

    @Test
    void the_journey_works_with_javascript_switched_off() throws Exception {
        ChromeDriver plain = Browser.start(folder.resolve("profile-no-js"), false);
        try {
            plain.get(app.url("/"));
            signIn(plain, app, "school.dsl", passwords.get("school.dsl"));
            plain.findElement(By.cssSelector("input[value='SAFEGUARDING.CHILD.MASH_TRIAGE']")).click();
            plain.findElement(By.id("caseReference")).sendKeys("MASH-77");
            Browser.clickToNavigate(plain, By.id("declare"));
            new WebDriverWait(plain, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(app.url("/")));
            assertThat(plain.findElement(By.id("declared-purpose")).getText()).contains("MASH-77");
            assertThat(plain.findElement(By.tagName("body")).getAttribute("class"))
                    .as("the GOV.UK bootstrap script did not run").doesNotContain("js-enabled");
            Browser.clickToNavigate(plain, By.id("sign-out"));
            new WebDriverWait(plain, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/signed-out"));
            assertThat(plain.findElement(By.tagName("h1")).getText()).isEqualTo("You have signed out");
        } finally {
            plain.quit();
        }
    }

    @Test
    void a_social_worker_manages_the_case_register_in_accessible_pages() throws Exception {
        signIn(browser, app, "social.worker", passwords.get("social.worker"));
        browser.findElement(By.cssSelector("input[value='CASEWORK.MANAGE_CASES']")).click();
        Browser.clickToNavigate(browser, By.id("declare"));
        assertThat(text("#journeys")).contains("Your agency's cases");
        open("/cases");
        assertThat(text("h1")).isEqualTo("Your agency's cases");
        accessible();

        browser.findElement(By.id("reference")).sendKeys("s47-2026-0900");
        Browser.clickToNavigate(browser, By.id("open-case"));
        assertThat(text("#done")).contains("Case S47-2026-0900 is open.");
        assertThat(text("#case-S47-2026-0900")).contains("No one yet.");
        accessible();

        browser.findElement(By.id("personId-S47-2026-0900")).sendKeys("P0000001");
        Browser.clickToNavigate(browser, By.xpath("//div[@id='case-S47-2026-0900']//button[normalize-space()"
                + "='Link person']"));
        assertThat(text(".govuk-error-summary")).contains("No one held has the person id P0000001");
        assertThat(text("#case-S47-2026-0900")).contains("No one held has the person id P0000001");
        accessible();

        Browser.clickToNavigate(browser, By.xpath("//div[@id='case-S47-2026-0900']//button[contains(., 'Close case')]"));
        assertThat(text("#done")).contains("Case S47-2026-0900 is closed.");
        assertThat(text("#closed-cases + table")).contains("S47-2026-0900", "social.worker");
        accessible();
    }

    /** Signs in from a freshly loaded form (so its CSRF token belongs to the current session). */
    @Test
    void the_accessibility_check_can_fail_a_page() throws Exception {
        open("/sign-in");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"data:,\">');");
        assertThat(Axe.seriousOrCritical(browser)).as("an image without alternative text")
                .anyMatch(v -> v.contains("image-alt"));
    }

    static void signIn(WebDriver driver, TestApp app, String username, String password) {
        if (driver.findElements(By.id("username")).isEmpty()) {
            driver.get(app.url("/sign-in"));
        }
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        Browser.clickToNavigate(driver, By.id("sign-in"));
    }

    /** Forgets the session: the cookies can only be cleared on a page of the app, then the form is reloaded. */
    private void signOutByCookies() {
        browser.get(app.url("/signed-out"));
        browser.manage().deleteAllCookies();
        browser.get(app.url("/sign-in"));
    }

    private List<String> radioValues() {
        return browser.findElements(By.cssSelector("input[name='purpose']")).stream()
                .map(e -> e.getAttribute("value")).toList();
    }

    private void open(String path) {
        browser.get(app.url(path));
    }

    private String path() {
        return Browser.path(browser);
    }

    private String script(String js) {
        return String.valueOf(((org.openqa.selenium.JavascriptExecutor) browser).executeScript(js));
    }

    private String text(String css) {
        return Browser.text(browser, css);
    }

    private void accessible() throws Exception {
        Axe.assertAccessible(browser);
    }
}
