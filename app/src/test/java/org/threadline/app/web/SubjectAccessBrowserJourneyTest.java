package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.threadline.app.governance.ResponseDeadline;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.store.governance.SubjectAccessRequestStore;
import org.threadline.store.people.PeopleStore;

/**
 * Subject access requests end to end in headless Chromium (ADR 0020), with axe-core on every page (no serious or
 * critical violation). A social worker looks at a child's record during a section 47 enquiry; the data protection
 * officer records the child's subject access request (first with nothing filled in, and is told what is missing),
 * is refused fulfilment before the identity is verified and an export exists, produces the export, sees that the
 * recent enquiry's access is withheld with only its rule and reason, downloads both files, and fulfils the request;
 * an overdue request is marked on the list and is refused with a reason. A police officer is refused with the reason.
 */
class SubjectAccessBrowserJourneyTest {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;
    static TestApp app;
    static ChromeDriver browser;
    static String child;
    static String other;

    @BeforeAll
    static void start() throws Exception {
        Browser.requireChromium();
        app = BuiltPopulation.shared();
        List<String> people = new PeopleStore(app.database.dataSource()).personIds();
        // From the end of the population: the break-glass tests take children from its start.
        child = people.get(people.size() - 3);
        other = people.get(people.size() - 4);
        app.account("sar.dpo", Agency.LOCAL_AUTHORITY, Role.DATA_PROTECTION_OFFICER, "sar-dpo-password");
        app.account("sar.social.worker", Agency.CHILDRENS_SOCIAL_CARE, Role.SOCIAL_WORKER, "sar-sw-password");
        app.account("sar.police", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "sar-police-password");
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

    @Test
    void a_dpo_records_a_request_produces_the_export_downloads_it_and_fulfils_it() throws Exception {
        // Access under a section 47 enquiry, days ago: the disclosure rules delay it for 180 days.
        app.openCaseFor("sar.social.worker", "S47-2026-0101");
        WebClient socialWorker = new WebClient(app);
        socialWorker.signInWithPurpose("sar.social.worker", "sar-sw-password", "SAFEGUARDING.CHILD.S47_ENQUIRY",
                "S47-2026-0101");
        assertThat(socialWorker.get("/people/" + child).status()).isEqualTo(200);
        assertThat(audited("sar.social.worker", child)).isPositive();

        GovernanceAndAlertsBrowserJourneysTest.declare(browser, app, "sar.dpo", "sar-dpo-password",
                "GOVERNANCE.OVERSIGHT", "");
        Browser.clickToNavigate(browser, By.linkText("Information governance"));
        Browser.clickToNavigate(browser, By.linkText("Subject access requests"));
        assertThat(path()).isEqualTo("/governance/subject-access");
        accessible();

        Browser.clickToNavigate(browser, By.id("record-request"));
        Browser.clickToNavigate(browser, By.id("record"));
        assertThat(browser.getTitle()).startsWith("Error:");
        assertThat(text(".govuk-error-summary")).contains("Enter the person's Threadline id",
                "Enter the name of the person who asked", "Select whether the person asked for themselves",
                "Enter the date the request was received", "Select whether the requester's identity");
        accessible();

        LocalDate today = LocalDate.ofInstant(app.clock().instant(), ZoneOffset.UTC);
        LocalDate received = today.minusDays(2);
        LocalDate due = new ResponseDeadline(Period.ofMonths(1), true).dueFor(received);
        browser.findElement(By.id("personId")).sendKeys(child);
        browser.findElement(By.id("requesterName")).sendKeys("Sam Synthetic");
        browser.findElement(By.id("relation-1")).click();
        browser.findElement(By.id("received-day")).sendKeys(String.valueOf(received.getDayOfMonth()));
        browser.findElement(By.id("received-month")).sendKeys(String.valueOf(received.getMonthValue()));
        browser.findElement(By.id("received-year")).sendKeys(String.valueOf(received.getYear()));
        browser.findElement(By.id("identityVerified-1")).click();
        Browser.clickToNavigate(browser, By.id("record"));
        assertThat(path()).matches("/governance/subject-access/\\d+").doesNotContain(child);
        String requestPath = path();
        assertThat(text("#done")).contains("recorded", "due by " + DAY.format(due));
        assertThat(text("#request-status")).isEqualTo("Received");
        assertThat(text("#request-subject")).isEqualTo(child);
        assertThat(text("#request-identity")).startsWith("No");
        accessible();

        Browser.clickToNavigate(browser, By.id("fulfil-button"));
        assertThat(text(".govuk-error-summary")).contains("Verify the requester's identity");
        Browser.clickToNavigate(browser, By.id("identity"));
        assertThat(text("#request-identity")).isEqualTo("Yes");
        Browser.clickToNavigate(browser, By.id("fulfil-button"));
        assertThat(text(".govuk-error-summary")).contains("Produce the export before");
        accessible();

        Browser.clickToNavigate(browser, By.id("export"));
        assertThat(text("#done")).contains("Export", "produced");
        assertThat(text("#request-status")).isEqualTo("In progress");
        assertThat(text("#exports")).contains("sar.dpo", "recent-police-investigation=");
        accessible();

        String exportLink = browser.findElement(By.cssSelector("a[id^='view-export-']")).getAttribute("id");
        Browser.clickToNavigate(browser, By.id(exportLink));
        assertThat(text("h1")).isEqualTo("What is held about " + child);
        assertThat(text("#withheld")).contains("recent-police-investigation", "could prejudice it")
                .doesNotContain("sar.social.worker", "S47-2026-0101", "SAFEGUARDING.CHILD.S47_ENQUIRY");
        assertThat(text("main")).doesNotContain("sar.social.worker").doesNotContain("S47-2026-0101");
        assertThat(browser.findElements(By.cssSelector("#section-records tbody tr"))).isNotEmpty();
        accessible();

        List<Object> json = fetch(browser.findElement(By.id("download-json")).getAttribute("href"));
        assertThat(json.get(0)).isEqualTo(200L);
        assertThat((String) json.get(1)).startsWith("attachment").contains(".json").doesNotContain(child);
        JsonNode doc = JSON.readTree((String) json.get(3));
        assertThat(doc.path("subject").asText()).isEqualTo(child);
        assertThat(doc.path("withheld").get(0).path("rule").asText()).isEqualTo("recent-police-investigation");
        assertThat(doc.toString()).doesNotContain("sar.social.worker");
        List<Object> markdown = fetch(browser.findElement(By.id("download-markdown")).getAttribute("href"));
        assertThat(markdown.get(0)).isEqualTo(200L);
        assertThat((String) markdown.get(2)).startsWith("text/markdown");
        assertThat((String) markdown.get(3)).contains("# What is held about " + child, "recent-police-investigation")
                .doesNotContain("sar.social.worker");

        Browser.clickToNavigate(browser, By.id("back-to-request"));
        browser.findElement(By.id("note")).sendKeys("Sent by recorded post to the solicitor");
        Browser.clickToNavigate(browser, By.id("fulfil-button"));
        assertThat(path()).isEqualTo(requestPath);
        assertThat(text("#request-status")).isEqualTo("Fulfilled");
        assertThat(text("#history")).contains("Received", "Identity verified", "In progress", "Export produced",
                "Fulfilled", "Sent by recorded post", "sar.dpo");
        assertThat(browser.findElements(By.id("export"))).as("a closed request takes no new export").isEmpty();
        accessible();

        // The export, the looks at it and both downloads are audit entries about the child, with the purpose the
        // command line's export has.
        assertThat(count("SELECT count(*) FROM audit_entry WHERE payload->>'actor' = 'sar.dpo' AND payload->>'action'"
                + " = 'EXPORT' AND payload->>'subject' = ? AND payload->>'purpose' = 'SUBJECT_RIGHTS.ACCESS'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_entry WHERE payload->>'actor' = 'sar.dpo' AND payload->>'action'"
                + " = 'EXPORT' AND payload->>'subject' = ? AND payload->>'dataItem' = 'subject-access:download'"))
                .isEqualTo(2);
        assertThat(count("SELECT count(*) FROM audit_entry WHERE payload->>'actor' = 'sar.dpo' AND payload->>'action'"
                + " = 'REVIEW_DECISION' AND payload->>'subject' = ? AND payload->>'dataItem' ="
                + " 'subject-access:request'")).isEqualTo(3);
    }

    @Test
    void an_overdue_request_is_marked_and_a_refusal_needs_its_reason() throws Exception {
        GovernanceAndAlertsBrowserJourneysTest.declare(browser, app, "sar.dpo", "sar-dpo-password",
                "GOVERNANCE.OVERSIGHT", "");
        LocalDate received = LocalDate.ofInstant(app.clock().instant(), ZoneOffset.UTC).minusMonths(2);
        browser.get(app.url("/governance/subject-access/new"));
        browser.findElement(By.id("personId")).sendKeys(other);
        browser.findElement(By.id("requesterName")).sendKeys("Sam Synthetic");
        browser.findElement(By.id("relation-0")).click();
        browser.findElement(By.id("received-day")).sendKeys(String.valueOf(received.getDayOfMonth()));
        browser.findElement(By.id("received-month")).sendKeys(String.valueOf(received.getMonthValue()));
        browser.findElement(By.id("received-year")).sendKeys(String.valueOf(received.getYear()));
        browser.findElement(By.id("identityVerified-0")).click();
        Browser.clickToNavigate(browser, By.id("record"));
        String id = path().substring(path().lastIndexOf('/') + 1);
        assertThat(text("#request-overdue")).isEqualTo("Overdue");

        browser.get(app.url("/governance/subject-access"));
        assertThat(text("#request-" + id)).contains("Overdue by", other);
        accessible();

        browser.get(app.url("/governance/subject-access/" + id));
        Browser.clickToNavigate(browser, By.id("refuse"));
        assertThat(text(".govuk-error-summary")).contains("Give the reason for refusing");
        accessible();
        browser.findElement(By.id("refusalReason")).sendKeys("Manifestly unfounded: the same request answered"
                + " last week (Article 12(5))");
        Browser.clickToNavigate(browser, By.id("refuse"));
        assertThat(text("#request-status")).isEqualTo("Refused");
        assertThat(text("#request-refusal")).contains("Manifestly unfounded", "sar.dpo");
        browser.get(app.url("/governance/subject-access"));
        assertThat(browser.findElements(By.cssSelector("#open-requests #request-" + id))).isEmpty();
        assertThat(text("#closed-requests")).contains("Refused by sar.dpo");
    }

    @Test
    void a_police_officer_is_told_why_they_cannot_open_subject_access_requests() throws Exception {
        long id;
        try (Connection c = app.database.dataSource().getConnection()) {
            id = app.bean(SubjectAccessRequestStore.class).record(c, new SubjectAccessRequestStore.NewRequest(child,
                    "Sam Synthetic", SubjectAccessRequestStore.Relation.SUBJECT, LocalDate.of(2026, 9, 1),
                    LocalDate.of(2026, 10, 1), true, "sar.dpo", "social-care", app.clock().instant()));
        }
        GovernanceAndAlertsBrowserJourneysTest.declare(browser, app, "sar.police", "sar-police-password",
                "SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-2026-0777");
        browser.get(app.url("/governance/subject-access"));
        assertThat(text("#refusal-reason")).contains("for a data protection officer", "Safeguarding officer");
        assertThat(browser.findElements(By.id("open-requests"))).isEmpty();
        accessible();
        browser.get(app.url("/governance/subject-access/" + id));
        assertThat(text("#refusal-reason")).contains("for a data protection officer");
        assertThat(text("main")).doesNotContain(child).doesNotContain("Sam Synthetic");
        assertThat(count("SELECT count(*) FROM audit_entry WHERE payload->>'actor' = 'sar.police' AND"
                + " payload->>'action' = 'DENY' AND payload->>'dataItem' LIKE 'governance:subject-access%'"))
                .isEqualTo(2);
    }

    /** The browser fetches a URL with its own session: status, Content-Disposition, Content-Type and body. */
    @SuppressWarnings("unchecked")
    static List<Object> fetch(String url) {
        return (List<Object>) ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[1];"
                + " fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text().then(t => done([r.status,"
                + " r.headers.get('content-disposition'), r.headers.get('content-type'), t])))"
                + ".catch(e => done([0, '', '', String(e)]));", url);
    }

    static long audited(String actor, String subject) throws Exception {
        try (Connection c = app.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM audit_entry WHERE payload->>'actor' = ? AND payload->>'subject' = ?")) {
            s.setString(1, actor);
            s.setString(2, subject);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** A count, with the journey's child as the query's parameter if it has one. */
    static long count(String sql) throws Exception {
        try (Connection c = app.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (sql.contains("?")) {
                s.setString(1, child);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
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
