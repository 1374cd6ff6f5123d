package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.threadline.store.people.Build;
import org.threadline.store.people.PeopleStore;

/**
 * Headless Chromium signing in to Threadline through a real OpenID provider (its own login page, in the same JVM):
 * the person declares a purpose before anything, reads a child's page as their agency may, is audited under their
 * provider identity, is signed out by the idle timeout, and signs out of both Threadline and the provider; a person whose account names an agency Threadline does not know is
 * refused with the reason, and the refusal is logged as a failed sign-in is.
 */
class OidcBrowserJourneyTest {
    @TempDir
    static Path folder;
    static OidcWorld world;
    static String child;
    ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Browser.requireChromium();
        world = OidcWorld.shared();
        world.app.openCaseLinkingEveryone("MASH-2026-0901", org.threadline.app.web.accounts.Agency.values());
        world.app.openCaseLinkingEveryone("MASH-2026-0902", org.threadline.app.web.accounts.Agency.values());
        child = new PeopleStore(world.app.database.dataSource()).sampleChild().orElseThrow();
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void a_police_officer_signs_in_through_the_provider_declares_a_purpose_and_reads_a_childs_page() throws Exception {
        browser = Browser.start(folder.resolve("alice"), true);
        browser.get(world.app.url("/people/" + child));
        assertThat(path()).isEqualTo("/sign-in");
        assertThat(text("#sign-in-with-provider"))
                .isEqualTo("Sign in with " + OidcWorld.PROVIDER_NAME);
        assertThat(browser.findElements(By.id("username"))).as("local accounts stay on outside production")
                .isNotEmpty();
        Axe.assertAccessible(browser);

        Browser.clickToNavigate(browser, By.id("sign-in-with-provider"));
        assertThat(browser.getCurrentUrl()).as("the provider's own login page").startsWith(world.provider.issuer());
        long signInsBefore = audited("oidc.alice_police.example", "SIGN_IN");
        signInAtProvider(OidcWorld.ALICE);
        assertThat(browser.getCurrentUrl()).startsWith(world.app.web.url());
        assertThat(audited("oidc.alice_police.example", "SIGN_IN")).as("the sign-in is one audit entry")
                .isEqualTo(signInsBefore + 1);
        assertThat(path()).as("a purpose first, as after a local sign-in").isEqualTo("/purpose");
        browser.get(world.app.url("/people/" + child));
        assertThat(path()).as("no person page before a purpose").isEqualTo("/purpose");

        browser.findElement(By.cssSelector("input[value='SAFEGUARDING.CHILD.MASH_TRIAGE']")).click();
        browser.findElement(By.id("caseReference")).sendKeys("MASH-2026-0901");
        Browser.clickToNavigate(browser, By.id("declare"));
        assertThat(text("#declared-purpose")).contains("Alice Example", "Police", "MASH-2026-0901");

        long viewsBefore = audited("oidc.alice_police.example", "VIEW");
        browser.get(world.app.url("/people/" + child));
        assertThat(path()).isEqualTo("/people/" + child);
        Build.RecordRow police = new PeopleStore(world.app.database.dataSource()).recordsOf(child).stream()
                .filter(r -> r.definitionId().startsWith("police-")).findFirst().orElseThrow();
        assertThat(text("#records")).contains(police.recordKey());
        assertThat(text("#why-you-can-see-this")).contains("your agency's own record", "MASH-2026-0901");
        Axe.assertAccessible(browser);
        assertThat(audited("oidc.alice_police.example", "VIEW")).as("the view is audited under the provider identity")
                .isGreaterThan(viewsBefore);

        browser.get(world.app.url("/account"));
        assertThat(text("main")).contains("Alice Example", "Police", "Safeguarding officer");

        // The idle timeout ends the session as it ends a local one; signing in again (the provider still knows the
        // person, so no password) asks for a purpose afresh.
        java.time.Instant now = world.app.clock.instant();
        world.app.clock.advance(java.time.Duration.ofMinutes(31));
        try {
            browser.get(world.app.url("/people/" + child));
            assertThat(path()).isEqualTo("/session-expired");
        } finally {
            world.app.clock.set(now);
        }
        browser.get(world.app.url("/sign-in"));
        Browser.clickToNavigate(browser, By.id("sign-in-with-provider"));
        assertThat(path()).isEqualTo("/purpose");
        browser.get(world.app.url("/people/" + child));
        assertThat(path()).as("the purpose is declared at every sign-in").isEqualTo("/purpose");
        browser.findElement(By.cssSelector("input[value='SAFEGUARDING.CHILD.MASH_TRIAGE']")).click();
        browser.findElement(By.id("caseReference")).sendKeys("MASH-2026-0902");
        Browser.clickToNavigate(browser, By.id("declare"));

        Browser.clickToNavigate(browser, By.id("sign-out"));
        assertThat(browser.getCurrentUrl()).as("back from the provider's sign-out").startsWith(world.app.web.url());
        assertThat(path()).isEqualTo("/signed-out");
        browser.get(world.app.url("/people/" + child));
        assertThat(path()).isEqualTo("/sign-in");
        Browser.clickToNavigate(browser, By.id("sign-in-with-provider"));
        assertThat(browser.getCurrentUrl()).as("the provider's session ended too: it asks for the password again")
                .startsWith(world.provider.issuer() + "/login");
    }

    /**
     * OpenID Connect Back-Channel Logout 1.0: the provider tells Threadline that Alice's session with it ended, with a
     * logout token signed by its own key; her Threadline session ends at once (not at the idle timeout). A token the
     * provider did not sign is refused with 400 and ends nothing.
     */
    @Test
    void a_back_channel_logout_from_the_provider_ends_the_persons_session_here() throws Exception {
        browser = Browser.start(folder.resolve("alice-logout"), true);
        browser.get(world.app.url("/sign-in"));
        Browser.clickToNavigate(browser, By.id("sign-in-with-provider"));
        signInAtProvider(OidcWorld.ALICE);
        assertThat(path()).isEqualTo("/purpose");
        browser.get(world.app.url("/account"));
        assertThat(path()).isEqualTo("/account");

        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.function.Function<String, java.net.http.HttpResponse<String>> post = token -> {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(world.app.url(
                        org.threadline.app.web.oidc.BackChannelLogout.PATH)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("logout_token="
                                + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8))).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        String forged = new com.nimbusds.jwt.PlainJWT(com.nimbusds.jwt.JWTClaimsSet.parse(
                com.nimbusds.jwt.SignedJWT.parse(world.provider.logoutToken(OidcWorld.ALICE.username(),
                        world.app.clock.instant())).getJWTClaimsSet().toJSONObject())).serialize();
        java.net.http.HttpResponse<String> refused = post.apply(forged);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("invalid_request", "signature: the token is not signed");
        assertThat(refused.headers().firstValue("Cache-Control")).contains("no-store");
        browser.get(world.app.url("/account"));
        assertThat(path()).as("a refused token ends nothing").isEqualTo("/account");

        java.net.http.HttpResponse<String> ended = post.apply(world.provider.logoutToken(
                OidcWorld.ALICE.username(), world.app.clock.instant()));
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        browser.get(world.app.url("/account"));
        assertThat(path()).as("the session ended with the provider's").isEqualTo("/sign-in");
    }

    @Test
    void a_person_whose_account_names_an_agency_threadline_does_not_know_is_refused_with_the_reason()
            throws Exception {
        browser = Browser.start(folder.resolve("bob"), true);
        browser.get(world.app.url("/sign-in"));
        Browser.clickToNavigate(browser, By.id("sign-in-with-provider"));
        long refusalsBefore = audited("oidc.bob", "SIGN_IN_REFUSED");
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new TeeStream(err, log), true, StandardCharsets.UTF_8));
        try {
            signInAtProvider(OidcWorld.BOB);
        } finally {
            System.setErr(err);
        }
        assertThat(path()).isEqualTo("/sign-in");
        assertThat(text("h1")).isEqualTo("You cannot use Threadline with this account");
        assertThat(text("#refusal-reason")).contains("'fire-service'", "not one of the agencies");
        Axe.assertAccessible(browser);
        assertThat(log.toString(StandardCharsets.UTF_8)).as("logged as a failed sign-in is")
                .contains("OIDC sign-in refused (unknown-agency)", "'bob'");
        assertThat(audited("oidc.bob", "SIGN_IN_REFUSED")).as("and is one audit entry, under the provider identity")
                .isEqualTo(refusalsBefore + 1);
        assertThat(audited("oidc.bob", "SIGN_IN")).isZero();
        assertThat(reasonsOfLatest("oidc.bob", "SIGN_IN_REFUSED")).contains("UNKNOWN_AGENCY");
        browser.get(world.app.url("/people/" + child));
        assertThat(path()).as("not signed in").isEqualTo("/sign-in");
        assertThat(browser.findElements(By.id("refusal-reason"))).as("the reason is shown once").isEmpty();
    }

    private void signInAtProvider(OidcTestProvider.Person person) {
        browser.findElement(By.id("username")).sendKeys(person.username());
        browser.findElement(By.id("password")).sendKeys(person.password());
        Browser.clickToNavigate(browser, By.cssSelector("button[type='submit']"));
    }

    static long audited(String actor, String action) throws Exception {
        try (Connection c = world.app.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM audit_entry WHERE payload->>'actor' = ? AND payload->>'action' = ?")) {
            s.setString(1, actor);
            s.setString(2, action);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static String reasonsOfLatest(String actor, String action) throws Exception {
        try (Connection c = world.app.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT payload->>'reasonCodes' FROM audit_entry WHERE payload->>'actor' = ? AND payload->>'action' = ?"
                        + " ORDER BY sequence DESC LIMIT 1")) {
            s.setString(1, actor);
            s.setString(2, action);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : "";
            }
        }
    }

    private String path() {
        return Browser.path(browser);
    }

    private String text(String css) {
        return Browser.text(browser, css);
    }

    /** Writes to both streams: the log still reaches the console while the test reads it. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
