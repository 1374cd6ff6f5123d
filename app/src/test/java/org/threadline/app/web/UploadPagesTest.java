package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;

/**
 * The partner upload page over real HTTP: a housing data owner loads a CSV with bad rows against their own feed,
 * sees the result, the scorecard and the quarantine, and downloads the rejected rows with formula-like cells
 * neutralised; no one can load against another agency's feed or read back its rejected rows, and every load and
 * export is in the audit log.
 */
class UploadPagesTest {
    static TestApp app;

    /** Three rows: one good, one without a case reference (and a formula for a name), one without a person number. */
    static final String CSV = String.join("\r\n",
            "Case Ref;Person No;Relationship to applicant;First name;Last name;Date of birth;Sex;NI number;"
                    + "Last settled address;Postcode;UPRN",
            "HL/2026/PAGE0001;1;Applicant;Quinn;Pagetest;14-Apr-1988;Female;;2 Example Row, Leeds;LS6 1AB;",
            ";2;Partner;@SUM(1+1);Pagetest;03-May-1986;Male;;2 Example Row, Leeds;LS6 1AB;",
            "HL/2026/PAGE0001;;Child;Rowan;Pagetest;20-Jul-2016;Female;;2 Example Row, Leeds;LS6 1AB;", "");

    @BeforeAll
    static void population() throws Exception {
        app = BuiltPopulation.shared();
        app.account("upload.housing", Agency.HOUSING, Role.PARTNER_DATA_OWNER, "upload-housing-password");
        app.account("upload.police", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "upload-police-password");
        app.account("upload.police.owner", Agency.POLICE, Role.PARTNER_DATA_OWNER, "upload-police-owner-password");
        app.openCase(Agency.POLICE, "MASH-77");
    }

    static WebClient owner(String user, String password) {
        WebClient c = new WebClient(app);
        c.signIn(user, password);
        c.get("/purpose");
        c.post("/purpose", Map.of("purpose", "DATA_QUALITY.PARTNER_FEED"));
        return c;
    }

    static long audited(String actor, String action) throws Exception {
        try (Connection c = app.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM audit_entry WHERE payload->>'actor' = ? AND payload->>'action' = ?")) {
            s.setString(1, actor);
            s.setString(2, action);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static String lastReasons(String actor, String action) throws Exception {
        try (Connection c = app.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT payload->>'reasonCodes' FROM audit_entry WHERE payload->>'actor' = ? AND"
                        + " payload->>'action' = ? ORDER BY sequence DESC LIMIT 1")) {
            s.setString(1, actor);
            s.setString(2, action);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return String.valueOf(r.getString(1));
            }
        }
    }

    @Test
    void a_data_owner_loads_a_file_sees_its_quarantine_and_scorecard_and_downloads_the_rejected_rows()
            throws Exception {
        WebClient housing = owner("upload.housing", "upload-housing-password");
        WebClient.Page form = housing.get("/upload");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"housing-people\"", "value=\"housing-applications\"")
                .doesNotContain("police-custody", "schools-pupils");
        assertThat(housing.get("/").body()).contains("Upload a file");

        long loads = audited("upload.housing", "INTAKE");
        WebClient.Page result = housing.postMultipart("/upload", Map.of("definition", "housing-people"), "file",
                "people-page.csv", CSV.getBytes(StandardCharsets.UTF_8));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).contains("File loaded", "3 read, 1 loaded, 2 quarantined", "housing-people v1",
                "Data-quality scorecard", "required column Case Ref is missing", "required column Person No is missing")
                .doesNotContain("Quinn");
        assertThat(audited("upload.housing", "INTAKE")).isEqualTo(loads + 1);
        assertThat(lastReasons("upload.housing", "INTAKE")).contains("ROWS_3", "QUARANTINED_2", "LANDED_FILE_");

        Matcher id = Pattern.compile("name=\"landedFileId\" value=\"(\\d+)\"").matcher(result.body());
        assertThat(id.find()).isTrue();
        long exports = audited("upload.housing", "EXPORT");
        WebClient.Page csv = housing.post("/upload/rejected", Map.of("landedFileId", id.group(1)));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment", "people-page-rejected.csv");
        assertThat(csv.body()).contains("'@SUM(1+1)", "required column Case Ref is missing")
                .doesNotContain(";@SUM", ",@SUM", "Quinn");
        assertThat(audited("upload.housing", "EXPORT")).isEqualTo(exports + 1);

        // Another agency's data owner cannot read these rows back, and is not told they exist.
        WebClient police = owner("upload.police.owner", "upload-police-owner-password");
        police.get("/upload");
        assertThat(police.post("/upload/rejected", Map.of("landedFileId", id.group(1))).status()).isEqualTo(404);
    }

    @Test
    void an_agency_cannot_load_against_another_agencys_feed() {
        WebClient police = owner("upload.police.owner", "upload-police-owner-password");
        WebClient.Page form = police.get("/upload");
        assertThat(form.body()).contains("value=\"police-custody\"").doesNotContain("housing-people");
        WebClient.Page refused = police.postMultipart("/upload", Map.of("definition", "housing-people"), "file",
                "people-page.csv", CSV.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.body()).contains("There is a problem", "You can only load against your own agency")
                .doesNotContain("File loaded");
    }

    @Test
    void the_form_says_what_is_missing_and_a_file_it_cannot_read_is_refused_with_the_reason() {
        WebClient housing = owner("upload.housing", "upload-housing-password");
        housing.get("/upload");
        WebClient.Page empty = housing.postMultipart("/upload", Map.of(), "file", "", new byte[0]);
        assertThat(empty.body()).contains("Select the feed this file is for", "Select a file to upload");
        housing.get("/upload");
        WebClient.Page unreadable = housing.postMultipart("/upload", Map.of("definition", "housing-people"), "file",
                "wrong.csv", "nothing;here\r\n1;2\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(unreadable.body()).contains("The file could not be loaded", "lacks the required column");
    }

    @Test
    void a_file_over_the_size_limit_is_sent_back_to_the_form_as_too_large_and_loads_nothing() throws Exception {
        WebClient housing = owner("upload.housing", "upload-housing-password");
        housing.get("/upload");
        long loads = audited("upload.housing", "INTAKE");
        byte[] big = new byte[26 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        WebClient.Page page = housing.postMultipart("/upload", Map.of("definition", "housing-people"), "file",
                "big.csv", big);
        assertThat(page.status()).isEqualTo(303);
        assertThat(page.location()).hasValue("/upload");
        assertThat(housing.get("/upload").body()).contains("There is a problem",
                "The selected file must be smaller than 25 MB");
        assertThat(housing.get("/upload").body()).as("said once").doesNotContain("must be smaller");
        assertThat(audited("upload.housing", "INTAKE")).isEqualTo(loads);
    }

    @Test
    void the_upload_needs_the_csrf_token_like_every_form() {
        WebClient housing = owner("upload.housing", "upload-housing-password");
        WebClient.Page page = housing.postMultipart("/upload", Map.of("definition", "housing-people",
                "_csrf", "not-the-token"), "file", "x.csv", CSV.getBytes(StandardCharsets.UTF_8));
        assertThat(page.status()).isEqualTo(403);
    }

    @Test
    void someone_who_is_not_a_data_owner_is_told_why_there_is_nothing_to_upload() {
        WebClient police = new WebClient(app);
        police.signInWithPurpose("upload.police", "upload-police-password", "SAFEGUARDING.CHILD.MASH_TRIAGE",
                "MASH-77");
        WebClient.Page page = police.get("/upload");
        assertThat(page.body()).contains("Uploading files is for your agency's partner data owner")
                .doesNotContain("type=\"file\"");
        assertThat(police.get("/").body()).doesNotContain("Upload a file");
        assertThat(police.postMultipart("/upload", Map.of("definition", "police-custody"), "file", "c.csv",
                CSV.getBytes(StandardCharsets.UTF_8)).body()).doesNotContain("File loaded");
    }
}
