package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.store.governance.BreakGlassStore;

/**
 * A break-glass notification to a role that only someone signing in through the OpenID provider holds (issue #7, ADR
 * 0026 as amended 2026-11-27), on an app and database of its own: nobody else holds the line manager's role at
 * children's social care here, so what the data protection officer is shown depends on the provider's people alone.
 * Dora signs in through the provider (headless Chromium, its own login page) as a children's social care
 * safeguarding officer: the role is then deliverable and she sees the notification in her inbox as a local account
 * does; ninety-one days on without a sign-in she no longer counts and the role is listed as undeliverable again;
 * signing in again counts her again; and when the provider says she is a social worker now, the row says so and the
 * role is nobody's. No token is stored.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcNotificationRecipientsTest {
    @TempDir
    static Path folder;
    static OidcTestProvider provider;
    static TestApp app;
    static long grant;
    static Instant firstSignIn;
    static final String REASON = "Out of hours: child found alone, need the family's history before placing";
    /** Her claims, changed between sign-ins as her organisation changes her roles. */
    static final Map<String, Object> DORA_CLAIMS = new HashMap<>(Map.of(
            "preferred_username", "dora@council.example", "name", "Dora Example",
            "threadline_agency", "CHILDRENS_SOCIAL_CARE", "threadline_roles", List.of("mash-duty-manager")));
    static final OidcTestProvider.Person DORA = new OidcTestProvider.Person("dora", "dora-password-1", DORA_CLAIMS);
    static final String DORA_USERNAME = "oidc.dora_council.example";
    ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Browser.requireChromium();
        Instant start = Instant.parse("2026-06-01T09:00:00Z");
        provider = OidcTestProvider.start(new MutableClock(start), List.of(DORA), List.of());
        Map<String, Object> p = new HashMap<>();
        p.put("threadline.oidc.sign-in.enabled", "true");
        p.put("threadline.oidc.sign-in.issuer-uri", provider.issuer());
        p.put("threadline.oidc.sign-in.client-id", OidcTestProvider.WEB_CLIENT);
        p.put("threadline.oidc.sign-in.client-secret", OidcTestProvider.WEB_SECRET);
        p.put("threadline.oidc.sign-in.provider-name", OidcWorld.PROVIDER_NAME);
        p.put("threadline.oidc.sign-in.roles.mash-duty-manager", "SAFEGUARDING_OFFICER");
        p.put("threadline.oidc.sign-in.roles.social-worker", "SOCIAL_WORKER");
        try {
            app = new TestApp(TestDatabase.open(folder.resolve("db")), folder.resolve("home"), start, p);
        } catch (RuntimeException e) {
            provider.close();
            throw e;
        }
        provider.allowApp(app.web.url());
        app.account("recip.dpo", Agency.LOCAL_AUTHORITY, Role.DATA_PROTECTION_OFFICER, "recip-dpo-password");
        // Another agency's safeguarding officer: holds safeguardingLead, never the children's social care line
        // manager's role; a local account that must not make that role deliverable.
        app.account("recip.police", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "recip-police-password");
        app.openCaseLinkingEveryone("MASH-2026-0950", Agency.CHILDRENS_SOCIAL_CARE);
        grant = grant(start.minus(Duration.ofHours(1)));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    /** A grant by an out-of-hours social worker telling the line manager at children's social care, as BreakGlass does. */
    static long grant(Instant at) throws Exception {
        try (Connection c = app.database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            long id = app.bean(BreakGlassStore.class).grant(c, new BreakGlassStore.NewGrant("recip.edt",
                    "CHILDRENS_SOCIAL_CARE", "social-care", "EDT_SOCIAL_WORKER", "P-RECIP-1",
                    "SAFEGUARDING.CHILD.MASH_TRIAGE", "EDT-2026-0950", "CHILD_AT_RISK_OUT_OF_HOURS", REASON,
                    "ISA-TL-CHILDREN", 1, at, at.plus(Duration.ofHours(1)), at.plus(Duration.ofDays(3)),
                    List.of(new BreakGlassStore.Recipient("lineManager", "social-care"))));
            c.commit();
            return id;
        }
    }

    /** Dora signs in at the provider, declares the MASH case and opens her inbox; returns the inbox page's source. */
    String doraReadsHerInbox(String profile) throws Exception {
        provider.clock().set(app.clock.instant());
        browser = Browser.start(folder.resolve(profile), true);
        browser.get(app.url("/sign-in"));
        Browser.clickToNavigate(browser, By.id("sign-in-with-provider"));
        assertThat(browser.getCurrentUrl()).as("the provider's own login page").startsWith(provider.issuer());
        browser.findElement(By.id("username")).sendKeys(DORA.username());
        browser.findElement(By.id("password")).sendKeys(DORA.password());
        Browser.clickToNavigate(browser, By.cssSelector("button[type='submit']"));
        assertThat(Browser.path(browser)).as("signed in, a purpose first").isEqualTo("/purpose");
        browser.findElement(By.cssSelector("input[value='SAFEGUARDING.CHILD.MASH_TRIAGE']")).click();
        browser.findElement(By.id("caseReference")).sendKeys("MASH-2026-0950");
        Browser.clickToNavigate(browser, By.id("declare"));
        browser.get(app.url("/notifications"));
        assertThat(Browser.path(browser)).isEqualTo("/notifications");
        return browser.getPageSource();
    }

    static String notice(String page) {
        Matcher m = Pattern.compile("<section id=\"notice-\\d+\"[^>]*>(?:(?!</section>).)*Break-glass use " + grant
                + " by recip\\.edt(?:(?!</section>).)*</section>", Pattern.DOTALL).matcher(page);
        return m.find() ? m.group() : "";
    }

    /** The data protection officer's break-glass page, signed in with a local account. */
    static String dpoPage() {
        WebClient dpo = new WebClient(app);
        dpo.signInWithPurpose("recip.dpo", "recip-dpo-password", "GOVERNANCE.OVERSIGHT", "");
        WebClient.Page page = dpo.get("/governance/break-glass");
        assertThat(page.status()).isEqualTo(200);
        return page.body();
    }

    /** The row of the undeliverable table for our grant's line manager, or empty when it is not listed. */
    static String undeliverableRow(String page) {
        Matcher m = Pattern.compile("<tr class=\"govuk-table__row\">\\s*<td class=\"govuk-table__cell\"><a"
                + " class=\"govuk-link\" href=\"#grant-" + grant + "\">" + grant + "</a></td>\\s*<td"
                + " class=\"govuk-table__cell\">lineManager</td>\\s*<td class=\"govuk-table__cell\">social-care</td>"
                + "(?:(?!</tr>).)*</tr>", Pattern.DOTALL).matcher(page);
        return m.find() ? m.group() : "";
    }

    /** The "who receives the others" row for the line manager at children's social care: its three counts. */
    static List<Integer> reachRow(String page) {
        Matcher m = Pattern.compile("<td class=\"govuk-table__cell\">lineManager</td>\\s*<td"
                + " class=\"govuk-table__cell\">social-care</td>\\s*<td[^>]*>(\\d+)</td>\\s*<td[^>]*>(\\d+)</td>\\s*"
                + "<td[^>]*>(\\d+)</td>").matcher(page.substring(Math.max(0, page.indexOf("id=\"reach\""))));
        return page.contains("id=\"reach\"") && m.find() ? List.of(Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))) : List.of();
    }

    static Map<String, Object> principal() throws Exception {
        try (Connection c = app.database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT * FROM oidc_principal WHERE username = ?")) {
            s.setString(1, DORA_USERNAME);
            try (ResultSet r = s.executeQuery()) {
                Map<String, Object> row = new HashMap<>();
                if (r.next()) {
                    ResultSetMetaData md = r.getMetaData();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object v = r.getObject(i);
                        row.put(md.getColumnName(i), v instanceof java.sql.Array a ? List.of((Object[]) a.getArray())
                                : v instanceof java.sql.Timestamp t ? t.toInstant() : v);
                    }
                }
                return row;
            }
        }
    }

    @Test
    @Order(1)
    void before_anyone_signs_in_through_the_provider_the_line_managers_role_is_nobodys() {
        assertThat(undeliverableRow(dpoPage())).contains("No account holds this role at this party");
    }

    @Test
    @Order(2)
    void a_role_only_a_provider_user_holds_is_deliverable_once_she_signs_in_and_she_sees_the_notification()
            throws Exception {
        firstSignIn = app.clock.instant();
        String inbox = doraReadsHerInbox("dora-1");
        assertThat(notice(inbox)).as("her inbox shows the use, with what a line manager sees")
                .contains("lineManager at social-care", "CHILD_AT_RISK_OUT_OF_HOURS", "P-RECIP-1", REASON);
        assertThat(Browser.text(browser, "#notifications-unread")).as("the count in the navigation").isEqualTo("1");

        Map<String, Object> row = principal();
        assertThat(row).containsEntry("issuer", provider.issuer()).containsEntry("subject", "dora")
                .containsEntry("display_name", "Dora Example").containsEntry("agency", "CHILDRENS_SOCIAL_CARE")
                .containsEntry("roles", List.of("SAFEGUARDING_OFFICER"))
                .containsEntry("first_seen", firstSignIn).containsEntry("last_seen", firstSignIn);

        String page = dpoPage();
        assertThat(undeliverableRow(page)).as("no longer listed as undeliverable").isEmpty();
        assertThat(reachRow(page)).as("local accounts, provider users seen recently, not seen since")
                .containsExactly(0, 1, 0);
    }

    @Test
    @Order(3)
    void no_token_nor_any_claim_beyond_the_account_is_stored() throws Exception {
        Map<String, Object> row = principal();
        assertThat(row.keySet()).containsExactlyInAnyOrder("issuer", "subject", "username", "display_name", "agency",
                "roles", "first_seen", "last_seen");
        for (Object v : row.values()) {
            // A JWT (ID, access or refresh token) is base64url JSON: it starts with "eyJ".
            assertThat(String.valueOf(v)).doesNotContain("eyJ");
        }
        assertThat(row.get("subject")).isEqualTo("dora");
    }

    @Test
    @Order(4)
    void ninety_one_days_without_a_sign_in_she_no_longer_counts_and_the_role_is_listed_as_undeliverable_again()
            throws Exception {
        app.clock.advance(Duration.ofDays(91));
        String page = dpoPage();
        assertThat(undeliverableRow(page)).contains(
                "Held only by 1 person(s) who last signed in through the provider more than 90 days ago");
        assertThat(page).contains("Someone who has not signed in for 90 days");
        assertThat(reachRow(page)).as("not among the roles someone receives").isEmpty();

        String inbox = doraReadsHerInbox("dora-2");
        assertThat(notice(inbox)).as("signing in again, she sees it as before").contains(REASON);
        assertThat(principal()).containsEntry("first_seen", firstSignIn)
                .containsEntry("last_seen", app.clock.instant());
        assertThat(undeliverableRow(dpoPage())).as("and counts again").isEmpty();
    }

    @Test
    @Order(5)
    void when_the_provider_says_she_is_a_social_worker_now_her_row_says_so_and_the_role_is_nobodys()
            throws Exception {
        app.clock.advance(Duration.ofDays(1));
        DORA_CLAIMS.put("threadline_roles", List.of("social-worker"));
        try {
            String inbox = doraReadsHerInbox("dora-3");
            assertThat(inbox).contains("Your role is not one that break-glass notifications are sent to");
            assertThat(notice(inbox)).isEmpty();
        } finally {
            DORA_CLAIMS.put("threadline_roles", List.of("mash-duty-manager"));
        }
        assertThat(principal()).containsEntry("roles", List.of("SOCIAL_WORKER"))
                .containsEntry("first_seen", firstSignIn).containsEntry("last_seen", app.clock.instant());
        assertThat(undeliverableRow(dpoPage())).contains("No account holds this role at this party");
    }
}
