package org.threadline.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (the npm webjar from Maven Central) run inside the page the browser shows: the test injects the script
 * through WebDriver (the page's Content-Security-Policy does not apply to it) and reads the violations back.
 */
final class Axe {
    private static final String RESOURCE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final String SOURCE = load();

    private Axe() {
    }

    /** Fails unless axe ran its rules on the current page and found no serious or critical violation. */
    static void assertAccessible(WebDriver driver) throws IOException {
        List<String> violations = seriousOrCritical(driver);
        org.assertj.core.api.Assertions.assertThat(rulesRun(driver)).as("axe-core ran its rules").isGreaterThan(50);
        org.assertj.core.api.Assertions.assertThat(violations).as("serious or critical accessibility violations on "
                + Browser.path(driver)).isEmpty();
    }

    /** The serious and critical violations on the current page, one line each ("rule: target ... help"). */
    static List<String> seriousOrCritical(WebDriver driver) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(SOURCE);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag',
                        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})
                    .then(r => done(JSON.stringify(r.violations)))
                    .catch(e => done(JSON.stringify({error: String(e)})));
                """);
        JsonNode violations = new ObjectMapper().readTree(String.valueOf(result));
        if (violations.has("error")) {
            throw new IllegalStateException("axe-core failed: " + violations.get("error").asText());
        }
        List<String> found = new ArrayList<>();
        for (JsonNode v : violations) {
            String impact = v.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                for (JsonNode node : v.path("nodes")) {
                    found.add(impact + " " + v.path("id").asText() + ": " + node.path("target") + " - "
                            + v.path("help").asText());
                }
            }
        }
        return found;
    }

    /** How many rules axe ran, to show the check really ran. */
    static int rulesRun(WebDriver driver) {
        Object n = ((JavascriptExecutor) driver).executeScript("return axe.getRules().length;");
        return ((Number) n).intValue();
    }

    private static String load() {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("axe-core webjar missing from the test classpath: " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
