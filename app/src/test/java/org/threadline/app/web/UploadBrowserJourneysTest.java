package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * The partner upload journey in headless Chromium: a housing data owner declares the data-quality purpose, opens
 * the upload page from home, is told what is missing, uploads a CSV with bad rows against their own feed and reads
 * the result, the scorecard and the quarantine, with axe-core on every page (no serious or critical violation).
 */
class UploadBrowserJourneysTest {
    @TempDir
    static Path folder;
    static TestApp app;
    static ChromeDriver browser;

    /** One good row, one without a case reference, one without a person number (not loaded by any other test). */
    static final String CSV = String.join("\r\n",
            "Case Ref;Person No;Relationship to applicant;First name;Last name;Date of birth;Sex;NI number;"
                    + "Last settled address;Postcode;UPRN",
            "HL/2026/BROWSER1;1;Applicant;Ellis;Browsertest;01-Aug-1991;Male;;3 Example Row, Leeds;LS6 2AB;",
            ";2;Partner;Noor;Browsertest;12-Dec-1990;Female;;3 Example Row, Leeds;LS6 2AB;",
            "HL/2026/BROWSER1;;Child;Ari;Browsertest;09-Oct-2018;Male;;3 Example Row, Leeds;LS6 2AB;", "");

    @BeforeAll
    static void start() throws Exception {
        Browser.requireChromium();
        app = BuiltPopulation.shared();
        app.account("browser.housing", Agency.HOUSING, Role.PARTNER_DATA_OWNER, "browser-housing-password");
        browser = Browser.start(folder.resolve("profile"), true);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    static void signInAsDataOwner(ChromeDriver driver, TestApp app, String user, String password) {
        BrowserJourneysTest.signIn(driver, app, user, password);
        driver.findElement(By.cssSelector("input[value='DATA_QUALITY.PARTNER_FEED']")).click();
        Browser.clickToNavigate(driver, By.id("declare"));
    }

    @Test
    void a_housing_data_owner_uploads_a_csv_and_reads_its_result_scorecard_and_rejected_rows() throws Exception {
        Path file = folder.resolve("people-browser.csv");
        Files.writeString(file, CSV, StandardCharsets.UTF_8);
        signInAsDataOwner(browser, app, "browser.housing", "browser-housing-password");

        Browser.clickToNavigate(browser, By.linkText("Upload a file"));
        assertThat(path()).isEqualTo("/upload");
        List<String> feeds = browser.findElements(By.cssSelector("input[name='definition']")).stream()
                .map(e -> e.getAttribute("value")).toList();
        assertThat(feeds).containsExactlyInAnyOrder("housing-applications", "housing-people");
        accessible();

        Browser.clickToNavigate(browser, By.id("upload"));
        assertThat(text(".govuk-error-summary")).contains("Select the feed this file is for",
                "Select a file to upload");
        accessible();

        browser.findElement(By.cssSelector("input[value='housing-people']")).click();
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        Browser.clickToNavigate(browser, By.id("upload"));
        assertThat(text("#outcome")).contains("File loaded", "1 of 3 rows loaded, 2 quarantined");
        assertThat(text("#counts")).isEqualTo("3 read, 1 loaded, 2 quarantined");
        assertThat(text("#fields")).contains("surname");
        assertThat(text("#problems")).contains("required column Case Ref is missing",
                "required column Person No is missing");
        WebElement download = browser.findElement(By.id("download-rejected"));
        assertThat(download.getText()).contains("Download the rejected rows");
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
