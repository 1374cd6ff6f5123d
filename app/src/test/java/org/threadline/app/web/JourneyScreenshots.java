package org.threadline.app.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.threadline.app.web.accounts.DemoAccounts;

/**
 * Not a test: the command that regenerates docs/screenshots (README, "Screenshots"). It drives the browser through
 * every journey built so far and saves a full-page PNG of each page. Runs only when asked:
 * {@code ./mvnw -B -pl app -am test -Dtest=JourneyScreenshots -Dsurefire.failIfNoSpecifiedTests=false
 * -Dthreadline.screenshots=docs/screenshots} (a relative folder is taken from the repository root).
 */
@EnabledIfSystemProperty(named = "threadline.screenshots", matches = ".+")
class JourneyScreenshots {

    /** The folder asked for (a relative one from the repository root), made if missing; Chromium must be here. */
    private static Path outputFolder() throws java.io.IOException {
        Browser.requireChromium();
        Path out = Path.of(System.getProperty("threadline.screenshots"));
        if (!out.isAbsolute()) {
            // Surefire runs in app/: the repository root is its parent.
            out = Path.of("").toAbsolutePath().getParent().resolve(out);
        }
        return Files.createDirectories(out);
    }

    @Test
    void write_a_screenshot_of_every_page(@TempDir Path folder) throws Exception {
        Path out = outputFolder();
        try (TestApp app = TestApp.withDefaults(folder.resolve("db"))) {
            Map<String, String> passwords = app.bean(DemoAccounts.class).createOrReset().stream()
                    .collect(Collectors.toMap(l -> l.account().username(), DemoAccounts.Login::password));
            ChromeDriver browser = Browser.start(folder.resolve("profile"), true);
            try {
                browser.get(app.url("/sign-in"));
                shoot(browser, out, "01-sign-in");
                BrowserJourneysTest.signIn(browser, app, "social.worker", "wrong password");
                shoot(browser, out, "02-sign-in-error");
                BrowserJourneysTest.signIn(browser, app, "social.worker", passwords.get("social.worker"));
                shoot(browser, out, "03-declare-purpose");
                browser.findElement(By.cssSelector("input[value='SAFEGUARDING.CHILD.MASH_TRIAGE']")).click();
                Browser.clickToNavigate(browser, By.id("declare"));
                shoot(browser, out, "04-declare-purpose-error");
                app.openCaseFor("social.worker", "MASH-2026-0412");
                browser.findElement(By.id("caseReference")).sendKeys("MASH-2026-0412");
                Browser.clickToNavigate(browser, By.id("declare"));
                shoot(browser, out, "05-home");
                browser.get(app.url("/account"));
                shoot(browser, out, "06-your-account");
                browser.get(app.url("/no-such-page"));
                shoot(browser, out, "07-page-not-found");
                browser.get(app.url("/"));
                Browser.clickToNavigate(browser, By.id("sign-out"));
                shoot(browser, out, "08-signed-out");
                BrowserJourneysTest.signIn(browser, app, "analyst", passwords.get("analyst"));
                shoot(browser, out, "09-declare-purpose-analyst");
                app.clock.advance(Duration.ofHours(1));
                browser.get(app.url("/"));
                shoot(browser, out, "10-session-expired");
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void write_a_screenshot_of_every_people_page(@TempDir Path folder) throws Exception {
        Path out = outputFolder();
        TestApp app = BuiltPopulation.shared();
        BuiltPopulation.evaluateFlags(app);
        org.threadline.store.people.PeopleStore store = new org.threadline.store.people.PeopleStore(
                app.database.dataSource());
        String child = store.sampleChild().orElseThrow();
        var police = store.recordsOf(child).stream().filter(r -> r.definitionId().startsWith("police-"))
                .findFirst().orElseThrow().identity();
        app.account("shots.police", org.threadline.app.web.accounts.Agency.POLICE,
                org.threadline.app.web.accounts.Role.SAFEGUARDING_OFFICER, "shots-police-password");
        app.account("shots.school", org.threadline.app.web.accounts.Agency.SCHOOLS,
                org.threadline.app.web.accounts.Role.DESIGNATED_SAFEGUARDING_LEAD, "shots-school-password");
        ChromeDriver browser = Browser.start(folder.resolve("profile"), true);
        try {
            PeopleBrowserJourneysTest.signInFor(browser, app, "shots.police", "shots-police-password", "MASH-2026-0412");
            browser.get(app.url("/people/find"));
            shoot(browser, out, "11-find-a-person");
            browser.findElement(By.id("name")).sendKeys(police.get("forename") + " " + police.get("surname"));
            Browser.clickToNavigate(browser, By.id("search"));
            shoot(browser, out, "12-find-a-person-results");
            browser.get(app.url("/people/" + child));
            browser.findElements(By.cssSelector("#records details summary")).stream().limit(1)
                    .forEach(org.openqa.selenium.WebElement::click);
            shoot(browser, out, "13-person-police");
            // The family with the most ties police may see: their own rows are the evidence.
            String busiest = store.allRelationships().stream()
                    .filter(r -> r.evidence().stream().anyMatch(e -> e.definitionId().startsWith("police-")))
                    .collect(java.util.stream.Collectors.groupingBy(r -> r.fromPerson(),
                            java.util.stream.Collectors.counting()))
                    .entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
            browser.get(app.url("/people/" + busiest + "/family"));
            shoot(browser, out, "14-family-police");
            browser.get(app.url("/review"));
            shoot(browser, out, "15-review-queue");
            browser.get(app.url("/signed-out"));
            browser.manage().deleteAllCookies();
            PeopleBrowserJourneysTest.signInFor(browser, app, "shots.school", "shots-school-password", "MASH-2026-0413");
            browser.get(app.url("/people/" + child));
            shoot(browser, out, "16-person-school");
        } finally {
            browser.quit();
        }
    }

    @Test
    void write_a_screenshot_of_every_governance_and_alerts_page(@TempDir Path folder) throws Exception {
        Path out = outputFolder();
        TestApp app = AlertsPopulation.shared();
        AlertsPopulation.raised();
        app.account("shots.dpo", org.threadline.app.web.accounts.Agency.LOCAL_AUTHORITY,
                org.threadline.app.web.accounts.Role.DATA_PROTECTION_OFFICER, "shots-dpo-password");
        app.account("shots.dsl", org.threadline.app.web.accounts.Agency.SCHOOLS,
                org.threadline.app.web.accounts.Role.DESIGNATED_SAFEGUARDING_LEAD, "shots-dsl-password");
        // A DSL works for one school: the inbox shows that school's alerts (the first school an alert went to).
        app.worksFor("shots.dsl", app.bean(org.threadline.store.indicators.AlertStore.class).forAgency("schools")
                .stream().flatMap(a -> a.recipient().organisation().stream()).findFirst().orElseThrow());
        app.account("shots.officer", org.threadline.app.web.accounts.Agency.POLICE,
                org.threadline.app.web.accounts.Role.SAFEGUARDING_OFFICER, "shots-officer-password");
        ChromeDriver browser = Browser.start(folder.resolve("profile"), true);
        try {
            GovernanceAndAlertsBrowserJourneysTest.declare(browser, app, "shots.dsl", "shots-dsl-password",
                    "SAFEGUARDING.CHILD.ENCOMPASS", "");
            browser.get(app.url("/alerts"));
            String first = browser.findElements(By.cssSelector("button[id^='acknowledge-']")).get(0)
                    .getAttribute("id");
            browser.findElement(By.cssSelector("#alert-" + first.substring("acknowledge-".length()) + " summary"))
                    .click();
            Browser.clickToNavigate(browser, By.id(first));
            shoot(browser, out, "17-alerts-inbox-school");
            browser.get(app.url("/signed-out"));
            browser.manage().deleteAllCookies();
            GovernanceAndAlertsBrowserJourneysTest.declare(browser, app, "shots.dpo", "shots-dpo-password",
                    "GOVERNANCE.OVERSIGHT", "");
            browser.get(app.url("/governance"));
            shoot(browser, out, "18-governance-agreements");
            browser.get(app.url("/governance/matrix?agreement=ISA-TL-CHILDREN@1&agency=schools"
                    + "&purpose=SAFEGUARDING.CHILD.ENCOMPASS"));
            shoot(browser, out, "19-governance-matrix");
            browser.get(app.url("/governance/diff"));
            shoot(browser, out, "20-governance-diff");
            browser.get(app.url("/governance/audit"));
            Browser.clickToNavigate(browser, By.id("verify"));
            shoot(browser, out, "21-governance-audit-verified");
            browser.get(app.url("/governance/break-glass"));
            shoot(browser, out, "22-governance-break-glass");
            browser.get(app.url("/signed-out"));
            browser.manage().deleteAllCookies();
            GovernanceAndAlertsBrowserJourneysTest.declare(browser, app, "shots.officer", "shots-officer-password",
                    "SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-2026-0414");
            browser.get(app.url("/governance"));
            shoot(browser, out, "23-governance-refused-police");
        } finally {
            browser.quit();
        }
    }

    @Test
    void write_a_screenshot_of_the_subject_access_pages(@TempDir Path folder) throws Exception {
        Path out = outputFolder();
        TestApp app = BuiltPopulation.shared();
        java.util.List<String> people = new org.threadline.store.people.PeopleStore(app.database.dataSource())
                .personIds();
        String child = people.get(people.size() - 5);
        app.account("shots.sar.dpo", org.threadline.app.web.accounts.Agency.LOCAL_AUTHORITY,
                org.threadline.app.web.accounts.Role.DATA_PROTECTION_OFFICER, "shots-sar-dpo-password");
        app.account("shots.sar.sw", org.threadline.app.web.accounts.Agency.CHILDRENS_SOCIAL_CARE,
                org.threadline.app.web.accounts.Role.SOCIAL_WORKER, "shots-sar-sw-password");
        // Access during a section 47 enquiry, which the disclosure rules withhold from the export for 180 days.
        app.openCaseFor("shots.sar.sw", "S47-2026-0311");
        WebClient socialWorker = new WebClient(app);
        socialWorker.signInWithPurpose("shots.sar.sw", "shots-sar-sw-password", "SAFEGUARDING.CHILD.S47_ENQUIRY",
                "S47-2026-0311");
        socialWorker.get("/people/" + child);
        java.time.LocalDate today = java.time.LocalDate.ofInstant(app.clock().instant(), java.time.ZoneOffset.UTC);
        ChromeDriver browser = Browser.start(folder.resolve("profile"), true);
        try {
            browser.get(app.url("/sign-in"));
            GovernanceAndAlertsBrowserJourneysTest.declare(browser, app, "shots.sar.dpo", "shots-sar-dpo-password",
                    "GOVERNANCE.OVERSIGHT", "");
            recordRequest(browser, app, people.get(people.size() - 6), "Jo Synthetic", today.minusMonths(2));
            recordRequest(browser, app, child, "Sam Synthetic", today.minusDays(3));
            browser.get(app.url("/governance/subject-access"));
            shoot(browser, out, "24-governance-subject-access-requests");
            String request = browser.findElements(By.cssSelector("#open-requests tbody tr")).stream()
                    .filter(tr -> tr.getText().contains(child)).findFirst().orElseThrow().getAttribute("id");
            Browser.clickToNavigate(browser, By.cssSelector("#" + request + " a"));
            Browser.clickToNavigate(browser, By.id("export"));
            shoot(browser, out, "25-governance-subject-access-request");
            Browser.clickToNavigate(browser, By.cssSelector("a[id^='view-export-']"));
            shoot(browser, out, "26-governance-subject-access-export");
        } finally {
            browser.quit();
        }
    }

    private static void recordRequest(ChromeDriver browser, TestApp app, String person, String requester,
                                      java.time.LocalDate received) {
        browser.get(app.url("/governance/subject-access/new"));
        browser.findElement(By.id("personId")).sendKeys(person);
        browser.findElement(By.id("requesterName")).sendKeys(requester);
        browser.findElement(By.id("relation-0")).click();
        browser.findElement(By.id("received-day")).sendKeys(String.valueOf(received.getDayOfMonth()));
        browser.findElement(By.id("received-month")).sendKeys(String.valueOf(received.getMonthValue()));
        browser.findElement(By.id("received-year")).sendKeys(String.valueOf(received.getYear()));
        browser.findElement(By.id("identityVerified-0")).click();
        Browser.clickToNavigate(browser, By.id("record"));
    }

    @Test
    void write_a_screenshot_of_the_upload_pages(@TempDir Path folder) throws Exception {
        Path out = outputFolder();
        TestApp app = BuiltPopulation.shared();
        app.account("shots.housing", org.threadline.app.web.accounts.Agency.HOUSING,
                org.threadline.app.web.accounts.Role.PARTNER_DATA_OWNER, "shots-housing-password");
        Path file = folder.resolve("people-2026-11.csv");
        Files.writeString(file, UploadBrowserJourneysTest.CSV.replace("BROWSER1", "SHOTS001"));
        ChromeDriver browser = Browser.start(folder.resolve("profile"), true);
        try {
            UploadBrowserJourneysTest.signInAsDataOwner(browser, app, "shots.housing", "shots-housing-password");
            browser.get(app.url("/upload"));
            shoot(browser, out, "31-upload-a-file");
            browser.findElement(By.cssSelector("input[value='housing-people']")).click();
            browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            Browser.clickToNavigate(browser, By.id("upload"));
            shoot(browser, out, "32-upload-result");
        } finally {
            browser.quit();
        }
    }

    @Test
    void write_a_screenshot_of_the_break_glass_pages(@TempDir Path folder) throws Exception {
        Path out = outputFolder();
        TestApp app = BuiltPopulation.shared();
        org.threadline.store.people.PeopleStore people = new org.threadline.store.people.PeopleStore(
                app.database.dataSource());
        String child = people.personIds().stream().filter(p -> people.recordsOf(p).stream()
                .anyMatch(r -> r.definitionId().equals("police-incident-persons"))).skip(5).findFirst()
                .orElseThrow();
        app.account("shots.edt", org.threadline.app.web.accounts.Agency.CHILDRENS_SOCIAL_CARE,
                org.threadline.app.web.accounts.Role.EMERGENCY_DUTY_SOCIAL_WORKER, "shots-edt-password");
        app.account("shots.bg.dpo", org.threadline.app.web.accounts.Agency.LOCAL_AUTHORITY,
                org.threadline.app.web.accounts.Role.DATA_PROTECTION_OFFICER, "shots-bg-dpo-password");
        ChromeDriver browser = Browser.start(folder.resolve("profile"), true);
        try {
            browser.get(app.url("/sign-in"));
            GovernanceAndAlertsBrowserJourneysTest.declare(browser, app, "shots.edt", "shots-edt-password",
                    "SAFEGUARDING.CHILD.MASH_TRIAGE", "EDT-2026-0311");
            browser.get(app.url("/people/" + child));
            shoot(browser, out, "41-person-break-glass-offer");
            Browser.clickToNavigate(browser, By.id("break-glass-link"));
            browser.findElement(By.cssSelector("input[value='CHILD_AT_RISK_OUT_OF_HOURS']")).click();
            browser.findElement(By.id("reason")).sendKeys("Police call 01:55: child found alone overnight; need"
                    + " police and health history to decide a place of safety");
            browser.findElement(By.cssSelector("input[name='duration'][value='120']")).click();
            shoot(browser, out, "42-break-glass-form");
            Browser.clickToNavigate(browser, By.id("break-glass-confirm"));
            shoot(browser, out, "43-person-under-break-glass");
            browser.get(app.url("/signed-out"));
            browser.manage().deleteAllCookies();
            browser.get(app.url("/sign-in"));
            GovernanceAndAlertsBrowserJourneysTest.declare(browser, app, "shots.bg.dpo", "shots-bg-dpo-password",
                    "GOVERNANCE.OVERSIGHT", "");
            browser.get(app.url("/governance/break-glass"));
            shoot(browser, out, "44-governance-break-glass-review");
        } finally {
            browser.quit();
        }
    }

    @Test
    void write_a_screenshot_of_the_notifications_pages(@TempDir Path folder) throws Exception {
        Path out = outputFolder();
        TestApp app = BuiltPopulation.shared();
        org.threadline.store.people.PeopleStore people = new org.threadline.store.people.PeopleStore(
                app.database.dataSource());
        String child = people.personIds().stream().filter(p -> people.recordsOf(p).stream()
                .anyMatch(r -> r.definitionId().equals("police-incident-persons"))).skip(7).findFirst()
                .orElseThrow();
        app.account("shots.n.edt", org.threadline.app.web.accounts.Agency.CHILDRENS_SOCIAL_CARE,
                org.threadline.app.web.accounts.Role.EMERGENCY_DUTY_SOCIAL_WORKER, "shots-n-edt-password");
        app.account("shots.manager", org.threadline.app.web.accounts.Agency.CHILDRENS_SOCIAL_CARE,
                org.threadline.app.web.accounts.Role.SAFEGUARDING_OFFICER, "shots-manager-password");
        WebClient edt = new WebClient(app);
        edt.signInWithPurpose("shots.n.edt", "shots-n-edt-password", "SAFEGUARDING.CHILD.MASH_TRIAGE",
                "EDT-2026-0312");
        edt.get("/people/" + child + "/break-glass");
        edt.post("/people/" + child + "/break-glass", BreakGlassPagesTest.form("CHILD_AT_RISK_OUT_OF_HOURS",
                "Police call 02:20: child alone at home overnight; need police history to decide a place of safety",
                "60"));
        ChromeDriver browser = Browser.start(folder.resolve("profile"), true);
        try {
            browser.get(app.url("/sign-in"));
            GovernanceAndAlertsBrowserJourneysTest.declare(browser, app, "shots.manager", "shots-manager-password",
                    "SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-2026-0312");
            browser.get(app.url("/notifications"));
            shoot(browser, out, "45-notifications-inbox");
            browser.get(app.url("/signed-out"));
            browser.manage().deleteAllCookies();
            // The default limit is 10 failures per username in 15 minutes: the 11th attempt is refused unchecked.
            for (int i = 0; i <= 10; i++) {
                browser.get(app.url("/sign-in"));
                browser.findElement(By.id("username")).sendKeys("shots.manager");
                browser.findElement(By.id("password")).sendKeys("not-the-password-" + i);
                Browser.clickToNavigate(browser, By.id("sign-in"));
            }
            shoot(browser, out, "63-sign-in-throttled");
        } finally {
            browser.quit();
        }
    }

    @Test
    void write_a_screenshot_of_the_analyst_pages(@TempDir Path folder) throws Exception {
        Path out = outputFolder();
        // A larger population than the tests' 150, so that some counts clear the suppression at area level; at
        // district level most are still suppressed, which is the point of the rule.
        try (TestApp app = BuiltPopulation.start(folder.resolve("population"), 2000, 3)) {
            BuiltPopulation.evaluateFlags(app);
            app.account("shots.analyst", org.threadline.app.web.accounts.Agency.LOCAL_AUTHORITY,
                    org.threadline.app.web.accounts.Role.ANALYST, "shots-analyst-password");
            app.account("shots.practitioner", org.threadline.app.web.accounts.Agency.POLICE,
                    org.threadline.app.web.accounts.Role.SAFEGUARDING_OFFICER, "shots-practitioner-password");
            ChromeDriver browser = Browser.start(folder.resolve("profile"), true);
            try {
                GovernanceAndAlertsBrowserJourneysTest.declare(browser, app, "shots.analyst",
                        "shots-analyst-password", "SERVICE_EVALUATION.PSEUDONYMISED", "");
                browser.get(app.url("/cohorts?indicator=absence.persistent&indicator=exclusion.recent&level=AREA"));
                shoot(browser, out, "51-cohorts-by-area");
                browser.get(app.url("/cohorts?indicator=absence.persistent&level=DISTRICT"));
                shoot(browser, out, "52-cohorts-by-district");
                browser.get(app.url("/signed-out"));
                browser.manage().deleteAllCookies();
                GovernanceAndAlertsBrowserJourneysTest.declare(browser, app, "shots.practitioner",
                        "shots-practitioner-password", "SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-2026-0415");
                browser.get(app.url("/cohorts"));
                shoot(browser, out, "53-cohorts-refused-police");
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void write_a_screenshot_of_the_case_register(@TempDir Path folder) throws Exception {
        Path out = outputFolder();
        try (TestApp app = BuiltPopulation.start(folder.resolve("population"), 120, 5)) {
            org.threadline.store.people.PeopleStore people = new org.threadline.store.people.PeopleStore(
                    app.database.dataSource());
            java.time.Clock clock = java.time.Clock.fixed(BuiltPopulation.DURING_THE_AGREEMENTS,
                    java.time.ZoneOffset.UTC);
            Path root = Files.isDirectory(Path.of("config", "sources")) ? Path.of(".") : Path.of("..");
            org.threadline.app.people.PeopleBuilder builder = new org.threadline.app.people.PeopleBuilder(people,
                    org.threadline.domain.chronology.EventVocabulary.read(root.resolve(
                            "config/chronology/events.yaml")),
                    org.threadline.linkage.model.ModelJson.read(root.resolve("config/models/people.json")), clock, 2)
                    .followingCaseLinks(org.threadline.app.audit.InstalledAuditLog.store(
                            new org.threadline.app.home.ThreadlineHome(app.home).create(), clock));
            // A pupil whose records include another agency's: a reviewer's "not the same person" splits them, and
            // the case linking the pupil gets an item to check (ADR 0031).
            String pupil = people.personIds().stream()
                    .filter(p -> people.recordsOf(p).stream().anyMatch(r -> r.definitionId().equals("schools-pupils")))
                    .filter(p -> people.recordsOf(p).stream().anyMatch(r -> !r.definitionId().startsWith("schools")
                            && !r.agency().equals("police")))
                    .findFirst().orElseThrow();
            List<String> others = people.personIds().stream().filter(p -> !p.equals(pupil)).limit(3).toList();
            app.openCase(org.threadline.app.web.accounts.Agency.POLICE, "MASH-2026-0420", pupil, others.get(0));
            app.openCase(org.threadline.app.web.accounts.Agency.POLICE, "MASH-2026-0421", others.get(1),
                    others.get(2));
            var records = people.recordsOf(pupil);
            var school = records.stream().filter(r -> r.definitionId().equals("schools-pupils")).findFirst()
                    .orElseThrow();
            var other = records.stream().filter(r -> !r.definitionId().startsWith("schools")
                    && !r.agency().equals("police")).findFirst().orElseThrow();
            people.decide(school.recordKey(), other.recordKey(), "NOT_LINK", "different children: checked with the"
                    + " school", "reviewer.one", "police", BuiltPopulation.DURING_THE_AGREEMENTS);
            builder.build(line -> { });
            app.account("shots.cases", org.threadline.app.web.accounts.Agency.POLICE,
                    org.threadline.app.web.accounts.Role.SAFEGUARDING_OFFICER, "shots-cases-password");
            ChromeDriver browser = Browser.start(folder.resolve("profile"), true);
            try {
                GovernanceAndAlertsBrowserJourneysTest.declare(browser, app, "shots.cases", "shots-cases-password",
                        "CASEWORK.MANAGE_CASES", "");
                browser.get(app.url("/cases"));
                shoot(browser, out, "71-cases-register");
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void write_a_screenshot_of_the_oidc_sign_in_pages(@TempDir Path folder) throws Exception {
        Path out = outputFolder();
        OidcWorld world = OidcWorld.shared();
        ChromeDriver browser = Browser.start(folder.resolve("profile"), true);
        try {
            browser.get(world.app.url("/sign-in"));
            shoot(browser, out, "61-sign-in-with-provider");
            Browser.clickToNavigate(browser, By.id("sign-in-with-provider"));
            browser.findElement(By.id("username")).sendKeys(OidcWorld.BOB.username());
            browser.findElement(By.id("password")).sendKeys(OidcWorld.BOB.password());
            Browser.clickToNavigate(browser, By.cssSelector("button[type='submit']"));
            shoot(browser, out, "62-sign-in-refused");
        } finally {
            browser.quit();
        }
    }

    private static void shoot(ChromeDriver browser, Path out, String name) throws Exception {
        browser.manage().window().setSize(new Dimension(1024, 800));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long height = (Long) js.executeScript("return document.documentElement.scrollHeight;");
        long chrome = (Long) js.executeScript("return window.outerHeight - window.innerHeight;");
        browser.manage().window().setSize(new Dimension(1024, (int) (height + chrome)));
        Path png = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, out.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
