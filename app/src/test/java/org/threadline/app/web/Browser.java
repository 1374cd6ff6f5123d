package org.threadline.app.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian ({@code apt-get install -y chromium chromium-driver}): the driver and browser are
 * named by path, so Selenium never downloads anything. Where they are missing the browser tests are skipped on a
 * developer's machine, but fail in CI (environment CI=true), where .ci/run installs them.
 */
final class Browser {
    /** The current page's path (and query), without scheme and host: what the tests compare and report. */
    static String path(WebDriver driver) {
        return driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    }

    /** The visible text of the first element matching {@code css}. */
    static String text(WebDriver driver, String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    static final Path CHROMIUM = Path.of(System.getProperty("threadline.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("threadline.chromedriver", "/usr/bin/chromedriver"));

    private Browser() {
    }

    /**
     * Clicks something that loads a new page and waits until the new page has replaced the old one (a click can
     * return before the navigation starts on a busy machine, and the old page's elements would then be read).
     */
    /**
     * Whether the page an element belonged to has been replaced. Chromium reports a node of a page being torn down
     * either as stale or, in the moment between, as "does not belong to the document": both mean gone.
     */
    static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    static void clickToNavigate(WebDriver driver, By target) {
        WebElement old = driver.findElement(By.tagName("html"));
        driver.findElement(target).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> gone(old));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState;")));
    }

    /** Skips (developer machine) or fails (CI) when Chromium or its driver is not installed. */
    static void requireChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "Browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                + "): apt-get install -y chromium chromium-driver";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true and " + message);
        }
        Assumptions.abort("Skipped: " + message);
    }

    /**
     * A new headless browser with its own profile folder.
     *
     * @param javascript false to browse as someone with JavaScript switched off
     */
    static ChromeDriver start(Path profile, boolean javascript) throws IOException {
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--window-size=1280,1000", "--hide-scrollbars", "--user-data-dir=" + profile.toAbsolutePath());
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
