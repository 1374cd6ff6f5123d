package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threadline.app.apikeys.ApiKeys;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.store.governance.BreakGlassStore;
import org.threadline.store.people.Build;
import org.threadline.store.people.PeopleStore;

/**
 * Break-glass beyond the person page (ADR 0024), on the shared built population: a grant applies on its subject's
 * family page to that subject only; the REST API claims, uses and ends a grant as the pages do; the holder and a data
 * protection officer end a grant early; and the DPO's page lists first whoever breaks glass more often than the
 * threshold.
 */
class BreakGlassCompletedTest {
    static TestApp app;
    static PeopleStore people;
    /** People with a police record that the duty social worker is refused without break-glass. */
    static List<String> withPolice = new ArrayList<>();
    static ApiKeys keys;

    @BeforeAll
    static void start() throws Exception {
        app = BuiltPopulation.shared();
        people = new PeopleStore(app.database.dataSource());
        for (String p : people.personIds()) {
            if (people.recordsOf(p).stream().anyMatch(r -> r.definitionId().equals("police-incident-persons")
                    && !r.identity().getOrDefault("surname", "").isBlank())) {
                withPolice.add(p);
            }
        }
        assertThat(withPolice).as("people with police records").hasSizeGreaterThanOrEqualTo(12);
        for (String user : List.of("bg2.family", "bg2.probe", "bg2.ender", "bg2.often", "bg2.once")) {
            app.account(user, Agency.CHILDRENS_SOCIAL_CARE, Role.EMERGENCY_DUTY_SOCIAL_WORKER, user + "-password");
        }
        app.account("bg2.dpo", Agency.LOCAL_AUTHORITY, Role.DATA_PROTECTION_OFFICER, "bg2.dpo-password");
        app.openCaseLinkingEveryone(Agency.CHILDRENS_SOCIAL_CARE, "EDT-2026-0099");
        app.openCaseLinkingEveryone(Agency.CHILDRENS_SOCIAL_CARE, "EDT-2026-0100");
        app.openCaseLinkingEveryone(Agency.POLICE, "MASH-2026-1");
        keys = new ApiKeys(app.database.dataSource(), new SecureRandom());
    }

    static final String REASON = "Police called at 02:10: child found alone at home, need history to place tonight";

    static WebClient edt(String user) {
        WebClient c = new WebClient(app);
        c.signInWithPurpose(user, user + "-password", "SAFEGUARDING.CHILD.MASH_TRIAGE", "EDT-2026-0099");
        return c;
    }

    static WebClient dpo() {
        WebClient c = new WebClient(app);
        c.signInWithPurpose("bg2.dpo", "bg2.dpo-password", "GOVERNANCE.OVERSIGHT", "");
        return c;
    }

    static void breakGlass(WebClient c, String person, String minutes) {
        c.get("/people/" + person + "/break-glass");
        WebClient.Page p = c.post("/people/" + person + "/break-glass", Map.of("reasonCode",
                "CHILD_AT_RISK_OUT_OF_HOURS", "reason", REASON, "duration", minutes));
        assertThat(p.status()).as("break glass for " + person).isEqualTo(302);
    }

    static long latestSequence() throws Exception {
        return count("SELECT coalesce(max(sequence), 0) FROM audit_entry");
    }

    static long count(String sql, String... args) throws Exception {
        try (Connection c = app.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** What the audit log recorded for this actor after {@code since}: subject, action, data item, reason codes. */
    static List<String> entries(String actor, long since) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = app.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT payload->>'subject', payload->>'action', payload->>'dataItem', payload->>'reasonCodes'"
                        + " FROM audit_entry WHERE payload->>'actor' = ? AND sequence > ? ORDER BY sequence")) {
            s.setString(1, actor);
            s.setLong(2, since);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getString(4));
                }
            }
        }
        return out;
    }

    /** The audit entries a family page view wrote about people other than {@code subject}, as a sorted set. */
    static TreeSet<String> aboutOthers(List<String> entries, String subject) {
        TreeSet<String> out = new TreeSet<>();
        entries.stream().filter(e -> !e.startsWith(subject + " ")).forEach(out::add);
        return out;
    }

    /** The panel's row for a source: "source | shown | basis". */
    static List<String> panelRows(String body) {
        int table = body.indexOf("id=\"access-decisions\"");
        if (table < 0) {
            return List.of();
        }
        String t = body.substring(table, body.indexOf("</table>", table));
        List<String> rows = new ArrayList<>();
        for (String tr : t.split("<tr class=\"govuk-table__row\">")) {
            List<String> cells = new ArrayList<>();
            for (String td : tr.split("<td class=\"govuk-table__cell\">")) {
                int end = td.indexOf("</td>");
                if (end >= 0) {
                    cells.add(td.substring(0, end).strip());
                }
            }
            if (!cells.isEmpty()) {
                rows.add(String.join(" | ", cells));
            }
        }
        return rows;
    }

    @Test
    void a_grant_applies_on_its_subjects_family_page_to_that_subject_only_and_without_one_nothing_changes()
            throws Exception {
        // A child whose family page (to the duty worker, without break-glass) shows someone else too, and withholds
        // something of that someone else: so that "not widened" can be seen.
        WebClient probe = edt("bg2.probe");
        String found = null;
        List<String> withoutGrant = null;
        for (String candidate : withPolice.subList(3, withPolice.size())) {
            long since = latestSequence();
            WebClient.Page page = probe.get("/people/" + candidate + "/family");
            assertThat(page.status()).isEqualTo(200);
            List<String> e = entries("bg2.probe", since);
            if (aboutOthers(e, candidate).stream().anyMatch(x -> x.contains(" DENY "))) {
                found = candidate;
                withoutGrant = e;
                break;
            }
        }
        String child = found;
        List<String> without = withoutGrant;
        assertThat(child).as("a child whose family page withholds something of another member").isNotNull();

        WebClient holder = edt("bg2.family");
        long beforeGrantView = latestSequence();
        WebClient.Page before = holder.get("/people/" + child + "/family");
        List<String> beforeEntries = entries("bg2.family", beforeGrantView);
        assertThat(before.body()).doesNotContain("id=\"break-glass-banner\"", "break-glass access under");
        assertThat(beforeEntries).as("the same person without a grant sees what anyone of the role sees")
                .containsExactlyElementsOf(without);

        breakGlass(holder, child, "60");
        long since = latestSequence();
        WebClient.Page after = holder.get("/people/" + child + "/family");
        List<String> afterEntries = entries("bg2.family", since);

        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).contains("id=\"break-glass-banner\"", "Break-glass access, expires at",
                "id=\"break-glass-end-button\"");
        assertThat(panelRows(after.body())).as("the subject's police record released under the grant")
                .anyMatch(r -> r.startsWith("police-incident-persons") && r.contains("break-glass access under"
                        + " ISA-TL-CHILDREN@1"));
        assertThat(afterEntries).as("its releases are audited as break-glass")
                .anyMatch(e -> e.startsWith(child + " BREAK_GLASS police-incident-persons"));
        assertThat(afterEntries).filteredOn(e -> e.contains(" BREAK_GLASS ")).allMatch(e -> e.startsWith(child + " "));
        assertThat(aboutOthers(afterEntries, child)).as("every other member decided exactly as without the grant")
                .isEqualTo(aboutOthers(without, child));
        assertThat(count("SELECT count(*) FROM audit_entry WHERE payload->>'actor' = 'bg2.family' AND sequence > "
                + since + " AND payload->>'action' = 'BREAK_GLASS' AND payload->>'purpose' <> ?",
                "SAFEGUARDING.CHILD.MASH_TRIAGE#BREAK_GLASS")).isZero();

        // Someone else of the same role, at the same time, without a grant: nothing changed for them.
        long probeSince = latestSequence();
        WebClient.Page other = probe.get("/people/" + child + "/family");
        assertThat(other.body()).doesNotContain("id=\"break-glass-banner\"", "break-glass access under");
        assertThat(entries("bg2.probe", probeSince)).containsExactlyElementsOf(without);
    }

    @Test
    void the_holder_ends_a_grant_early_the_end_is_audited_and_the_next_page_decides_as_without_it()
            throws Exception {
        String child = withPolice.get(4);
        WebClient holder = edt("bg2.ender");
        breakGlass(holder, child, "240");
        WebClient.Page live = holder.get("/people/" + child);
        assertThat(live.body()).contains("id=\"break-glass-banner\"", "id=\"break-glass-end-button\"");
        BreakGlassStore.Grant g = app.bean(BreakGlassStore.class).live("bg2.ender", child, app.clock.instant())
                .orElseThrow();

        WebClient.Page ended = holder.post("/people/" + child + "/break-glass/end", Map.of());
        assertThat(ended.status()).isEqualTo(302);
        assertThat(ended.location()).contains("/people/" + child);
        long since = latestSequence();
        WebClient.Page after = holder.get("/people/" + child);
        assertThat(after.body()).contains("id=\"break-glass-ended\"", "id=\"break-glass-offer\"")
                .doesNotContain("id=\"break-glass-banner\"", "break-glass access under");
        assertThat(entries("bg2.ender", since)).noneMatch(e -> e.contains(" BREAK_GLASS "));

        BreakGlassStore.Grant stamped = app.bean(BreakGlassStore.class).find(g.grantId()).orElseThrow();
        assertThat(stamped.endedAt()).contains(app.clock.instant());
        assertThat(stamped.endedBy()).contains("bg2.ender");
        assertThat(count("SELECT count(*) FROM audit_entry WHERE payload->>'actor' = 'bg2.ender' AND"
                + " payload->>'action' = 'BREAK_GLASS' AND payload->>'dataItem' = 'break-glass:end' AND"
                + " payload->>'subject' = ? AND payload->>'reasonCodes' LIKE '%ENDED%BY_HOLDER%'", child))
                .isEqualTo(1);

        // Ending again ends nothing and records nothing; from the family page it goes back to the family page.
        WebClient.Page again = holder.post("/people/" + child + "/break-glass/end", Map.of("back", "family"));
        assertThat(again.location()).contains("/people/" + child + "/family");
        assertThat(count("SELECT count(*) FROM audit_entry WHERE payload->>'actor' = 'bg2.ender' AND"
                + " payload->>'dataItem' = 'break-glass:end'")).isEqualTo(1);

        // The DPO's page shows who ended it and when.
        String section = GovernancePagesTest.section(dpo().get("/governance/break-glass").body(),
                "grant-" + g.grantId());
        assertThat(section).contains("Ended", "ended early at", "by bg2.ender");
    }

    @Test
    void a_data_protection_officer_ends_someone_elses_live_grant_and_their_next_page_decides_as_without_it()
            throws Exception {
        String child = withPolice.get(5);
        WebClient holder = edt("bg2.once");
        breakGlass(holder, child, "120");
        long id = app.bean(BreakGlassStore.class).live("bg2.once", child, app.clock.instant()).orElseThrow()
                .grantId();
        WebClient dpo = dpo();
        assertThat(GovernancePagesTest.section(dpo.get("/governance/break-glass").body(), "grant-" + id))
                .contains("Live", "id=\"end-button-" + id + "\"");

        WebClient.Page ended = dpo.post("/governance/break-glass/" + id + "/end", Map.of());
        assertThat(ended.status()).isEqualTo(302);
        WebClient.Page page = dpo.get("/governance/break-glass");
        assertThat(page.body()).contains("Break-glass use " + id + " ended now.");
        assertThat(GovernancePagesTest.section(page.body(), "grant-" + id)).contains("Ended", "by bg2.dpo")
                .doesNotContain("id=\"end-button-" + id + "\"");
        assertThat(count("SELECT count(*) FROM audit_entry WHERE payload->>'actor' = 'bg2.dpo' AND"
                + " payload->>'dataItem' = 'break-glass:end' AND payload->>'reasonCodes' LIKE '%BY_DPO%'"))
                .isEqualTo(1);
        assertThat(holder.get("/people/" + child).body()).doesNotContain("id=\"break-glass-banner\"",
                "break-glass access under");

        WebClient.Page twice = dpo.post("/governance/break-glass/" + id + "/end", Map.of());
        assertThat(twice.status()).isEqualTo(302);
        assertThat(dpo.get("/governance/break-glass").body()).contains("was no longer live: nothing to end");
        assertThat(dpo.post("/governance/break-glass/999999/end", Map.of()).status()).isEqualTo(404);
        assertThat(dpo.postRaw("/governance/break-glass/" + id + "/end", Map.of()).status())
                .as("without the CSRF token").isEqualTo(403);
    }

    @Test
    void the_dpo_page_lists_first_whoever_broke_glass_more_often_than_the_threshold_in_the_window()
            throws Exception {
        WebClient often = edt("bg2.often");
        for (String child : withPolice.subList(6, 10)) {
            breakGlass(often, child, "30");
        }
        WebClient.Page page = dpo().get("/governance/break-glass");
        String body = page.body();
        assertThat(body).contains("People granted break-glass more than 3 times in the last 30 days");
        assertThat(body.indexOf("id=\"frequent\"")).as("listed before the single uses").isPositive()
                .isLessThan(body.indexOf("id=\"grant-"));
        String row = body.substring(body.indexOf("id=\"frequent-bg2.often\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("bg2.often", "CHILDRENS_SOCIAL_CARE (social-care)", ">4<");
        assertThat(body).as("one grant is not a pattern").doesNotContain("id=\"frequent-bg2.once\"");

        // Past the window, the same four grants no longer count.
        Instant start = app.clock.instant();
        try {
            app.clock.advance(Duration.ofDays(31));
            assertThat(dpo().get("/governance/break-glass").body()).doesNotContain("id=\"frequent-bg2.often\"");
        } finally {
            app.clock.set(start);
        }
    }

    @Test
    void an_api_key_of_a_role_the_rule_names_breaks_glass_reads_under_it_and_ends_it() throws Exception {
        String child = withPolice.get(10);
        String other = withPolice.get(11);
        Build.RecordRow police = people.recordsOf(child).stream()
                .filter(r -> r.definitionId().equals("police-incident-persons")).findFirst().orElseThrow();
        String key = keys.create("edt-out-of-hours", Agency.CHILDRENS_SOCIAL_CARE.name(),
                Role.EMERGENCY_DUTY_SOCIAL_WORKER.name(), "test", app.clock.instant()).secretKey();
        ApiClient edt = new ApiClient(app, key).purpose("SAFEGUARDING.CHILD.MASH_TRIAGE", "EDT-2026-0100");
        String path = "/api/v1/people/" + child;

        assertThat(records(edt.get(path).json())).doesNotContain(police.recordKey());

        ApiClient.Reply invalid = edt.postJson(path + "/break-glass", Map.of("reason", "urgent", "minutes", 480));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("type").asText()).isEqualTo("urn:threadline:problem:break-glass-invalid");
        assertThat(invalid.json().get("detail").asText()).contains("reasonCode: Select why this cannot wait",
                "reason: Give a reason of at least 20 characters", "minutes: Select how long you need, at most"
                        + " 4 hours").doesNotContain("urgent");
        assertThat(count("SELECT count(*) FROM break_glass_grant WHERE username = 'apikey.edt-out-of-hours'"))
                .isZero();

        ApiClient.Reply granted = edt.postJson(path + "/break-glass", Map.of("reasonCode",
                "CHILD_AT_RISK_OUT_OF_HOURS", "reason", REASON, "minutes", 60));
        assertThat(granted.status()).isEqualTo(201);
        JsonNode g = granted.json();
        assertThat(g.get("personId").asText()).isEqualTo(child);
        assertThat(g.get("role").asText()).isEqualTo("EDT_SOCIAL_WORKER");
        assertThat(g.get("agreement").asText()).isEqualTo("ISA-TL-CHILDREN@1");
        assertThat(Instant.parse(g.get("expiresAt").asText())).isEqualTo(app.clock.instant().plus(Duration.ofHours(1)));
        assertThat(g.get("notified").asInt()).isEqualTo(13);
        assertThat(edt.postJson(path + "/break-glass", Map.of("reasonCode", "CHILD_AT_RISK_OUT_OF_HOURS", "reason",
                REASON, "minutes", 60)).status()).as("the live grant is returned, not doubled").isEqualTo(200);

        JsonNode person = edt.get(path).json();
        assertThat(records(person)).contains(police.recordKey());
        assertThat(person.at("/release/breakGlass/reasonCode").asText()).isEqualTo("CHILD_AT_RISK_OUT_OF_HOURS");
        assertThat(person.at("/release/sources").findValuesAsText("basis"))
                .contains("break-glass access under ISA-TL-CHILDREN@1");
        assertThat(count("SELECT count(*) FROM audit_entry WHERE payload->>'actor' = 'apikey.edt-out-of-hours' AND"
                + " payload->>'action' = 'BREAK_GLASS' AND payload->>'subject' = ? AND payload->>'dataItem' ="
                + " 'police-incident-persons' AND payload->>'purpose' = 'SAFEGUARDING.CHILD.MASH_TRIAGE#BREAK_GLASS'",
                child)).isPositive();
        assertThat(count("SELECT count(*) FROM audit_entry WHERE payload->>'actor' = 'apikey.edt-out-of-hours' AND"
                + " payload->>'action' = 'BREAK_GLASS' AND payload->>'dataItem' = 'break-glass:grant'")).isEqualTo(1);

        JsonNode second = edt.get("/api/v1/people/" + other).json();
        assertThat(second.at("/release/breakGlass").isNull() || second.at("/release/breakGlass").isMissingNode())
                .as("another person stays as without").isTrue();
        assertThat(second.at("/release/sources").findValuesAsText("basis"))
                .noneMatch(b -> b.startsWith("break-glass"));

        assertThat(edt.send("DELETE", path + "/break-glass").status()).isEqualTo(204);
        assertThat(records(edt.get(path).json())).doesNotContain(police.recordKey());
        ApiClient.Reply again = edt.send("DELETE", path + "/break-glass");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(count("SELECT count(*) FROM audit_entry WHERE payload->>'actor' = 'apikey.edt-out-of-hours' AND"
                + " payload->>'dataItem' = 'break-glass:end'")).isEqualTo(1);
    }

    @Test
    void an_api_key_of_a_role_the_rule_does_not_name_is_refused_a_claim_with_a_problem_naming_why()
            throws Exception {
        String child = withPolice.get(10);
        String key = keys.create("police-niche-bg", Agency.POLICE.name(), Role.SAFEGUARDING_OFFICER.name(), "test",
                app.clock.instant()).secretKey();
        ApiClient police = new ApiClient(app, key).purpose("SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-2026-1");
        ApiClient.Reply r = police.postJson("/api/v1/people/" + child + "/break-glass", Map.of("reasonCode",
                "IMMEDIATE_RISK_TO_LIFE", "reason", REASON, "minutes", 60));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("type").asText()).isEqualTo("urn:threadline:problem:break-glass-not-allowed");
        assertThat(r.json().get("detail").asText()).contains("Break-glass is only for the roles a sharing agreement"
                + " names for emergencies", "at police");
        assertThat(count("SELECT count(*) FROM break_glass_grant WHERE username = 'apikey.police-niche-bg'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM audit_entry WHERE payload->>'actor' = 'apikey.police-niche-bg' AND"
                + " payload->>'action' = 'DENY' AND payload->>'dataItem' = 'break-glass:request'")).isEqualTo(1);
        assertThat(police.postJson("/api/v1/people/P9999999/break-glass", Map.of()).status()).isEqualTo(404);
    }

    static List<String> records(JsonNode person) {
        return person.get("records").findValuesAsText("recordKey");
    }
}
