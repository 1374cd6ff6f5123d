package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.app.web.analyst.AreaLevel;
import org.threadline.app.web.analyst.CohortSource;
import org.threadline.store.indicators.IndicatorResultStore;
import org.threadline.store.people.PeopleStore;

/**
 * The cohort page over HTTP on a built, evaluated population: an analyst declaring service evaluation sees counts
 * that match the stored results once suppressed and rounded, and nothing about anyone; everyone else is refused
 * with the reason, the agreements decide which analysts, and every view and refusal is audited.
 */
class AnalystPagesTest {
    static TestApp app;
    static String indicator;
    static Set<String> held;
    static Map<String, String> postcodes;
    static List<String> met;

    @BeforeAll
    static void evaluated() throws Exception {
        app = BuiltPopulation.shared();
        BuiltPopulation.evaluateFlags(app);
        app.openCaseLinkingEveryone(Agency.POLICE, "MASH-77");
        PeopleStore store = new PeopleStore(app.database.dataSource());
        IndicatorResultStore results = new IndicatorResultStore(app.database.dataSource());
        held = new HashSet<>(store.personIds());
        postcodes = store.latestPostcodes();
        // the offered indicator met by most people held
        indicator = app.bean(CohortSource.class).choices().values().stream().flatMap(List::stream)
                .map(CohortSource.Choice::id)
                .max(Comparator.comparingLong(i -> results.metBy(i).stream().filter(held::contains).count()))
                .orElseThrow();
        met = results.metBy(indicator).stream().filter(held::contains).toList();
        assertThat(met).as("the population meets some indicator").isNotEmpty();
        app.account("cohorts.analyst", Agency.LOCAL_AUTHORITY, Role.ANALYST, "cohorts-analyst-password");
        app.account("cohorts.police.analyst", Agency.POLICE, Role.ANALYST, "cohorts-police-analyst-password");
        app.account("cohorts.housing.analyst", Agency.HOUSING, Role.ANALYST, "cohorts-housing-analyst-password");
        app.account("cohorts.police", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "cohorts-police-password");
    }

    static WebClient analyst() {
        WebClient c = new WebClient(app);
        c.signInWithPurpose("cohorts.analyst", "cohorts-analyst-password", "SERVICE_EVALUATION.PSEUDONYMISED", "");
        return c;
    }

    static long audited(String actor, String action) throws Exception {
        try (Connection c = app.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM audit_entry WHERE payload->>'actor' = ? AND payload->>'action' = ?"
                        + " AND payload->>'dataItem' = 'indicator-cohorts'")) {
            s.setString(1, actor);
            s.setString(2, action);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static String expected(long truth) {
        return truth > 0 && truth < 10 ? "c" : Long.toString(Math.round(truth / 5.0) * 5);
    }

    /** The text of each numeric cell of a table row, in order. */
    static List<String> cells(String body, String rowId) {
        int at = body.indexOf("id=\"" + rowId + "\"");
        assertThat(at).as("row " + rowId).isPositive();
        String row = body.substring(at, body.indexOf("</tr>", at));
        Matcher m = Pattern.compile("govuk-table__cell--numeric[^>]*>([^<]*)<").matcher(row);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1).strip());
        }
        return out;
    }

    @Test
    void an_analyst_evaluating_services_is_offered_the_journey_and_sees_the_table_the_chart_and_the_map() {
        WebClient c = analyst();
        assertThat(c.get("/").body()).contains("Cohorts by indicator and area");

        WebClient.Page page = c.get("/cohorts");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"cohort-table\"", "id=\"suppression-rule\"", "rounded to the nearest",
                "ISA-TL-CHILDREN@1", "<svg class=\"tl-picture tl-chart\"", "<svg class=\"tl-picture tl-map\"",
                "<desc ");
    }

    @Test
    void the_counts_are_the_stored_results_suppressed_and_rounded_and_name_no_one() {
        Map<String, Long> truth = new HashMap<>();
        for (String p : met) {
            truth.merge(AreaLevel.DISTRICT.of(postcodes.get(p)), 1L, Long::sum);
        }
        WebClient.Page page = analyst().get("/cohorts?indicator=" + indicator + "&level=DISTRICT");

        assertThat(page.status()).isEqualTo(200);
        assertThat(cells(page.body(), "area-total").get(1)).isEqualTo(expected(met.size()));
        for (Map.Entry<String, Long> e : truth.entrySet()) {
            String shown = cells(page.body(), "area-" + e.getKey().replace(' ', '-')).get(1);
            if (e.getValue() < 10) {
                assertThat(shown).as(e.getKey()).isEqualTo("c");
            } else {
                assertThat(shown).as(e.getKey()).isIn("c", expected(e.getValue()));
            }
        }
        assertThat(page.body()).doesNotContainPattern("P\\d{7}");
        for (String p : met.subList(0, Math.min(5, met.size()))) {
            String postcode = postcodes.get(p);
            if (postcode != null) {
                assertThat(page.body()).as("no full postcode").doesNotContain(postcode);
            }
        }
    }

    @Test
    void a_choice_that_is_not_offered_is_an_error_on_the_page_not_a_failure() {
        WebClient c = analyst();
        assertThat(c.get("/cohorts?indicator=no.such.thing").body()).contains("There is a problem",
                "Select at least one indicator");
        String four = String.join("&", app.bean(CohortSource.class).choices().values().stream()
                .flatMap(List::stream).limit(4).map(x -> "indicator=" + x.id()).toList());
        assertThat(c.get("/cohorts?" + four).body()).contains("Select up to 3 indicators");
        assertThat(c.get("/cohorts?indicator=" + indicator + "&level=WARD").body())
                .contains("Select a postcode area or a postcode district").doesNotContain("id=\"cohort-table\"");
    }

    @Test
    void a_practitioner_is_refused_with_the_reason_and_the_refusal_is_audited() throws Exception {
        WebClient c = new WebClient(app);
        c.signInWithPurpose("cohorts.police", "cohorts-police-password", "SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-77");
        long before = audited("cohorts.police", "DENY");
        assertThat(c.get("/").body()).doesNotContain("Cohorts by indicator and area");

        WebClient.Page page = c.get("/cohorts");

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("id=\"refusal-reason\"", "Cohort counts are for analysts",
                "Safeguarding officer").doesNotContain("cohort-table");
        assertThat(audited("cohorts.police", "DENY")).isEqualTo(before + 1);
    }

    @Test
    void an_analyst_checking_a_data_feed_is_told_to_declare_service_evaluation() {
        WebClient c = new WebClient(app);
        c.signInWithPurpose("cohorts.analyst", "cohorts-analyst-password", "DATA_QUALITY.PARTNER_FEED", "");

        WebClient.Page page = c.get("/cohorts");

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("for service evaluation", "Evaluate services using pseudonymised data");
    }

    @Test
    void the_agreements_decide_which_analysts_counts_are_released_to() {
        WebClient police = new WebClient(app);
        police.signInWithPurpose("cohorts.police.analyst", "cohorts-police-analyst-password",
                "SERVICE_EVALUATION.PSEUDONYMISED", "");
        assertThat(police.get("/cohorts").status()).as("police analysts have an aggregate grant").isEqualTo(200);

        WebClient housing = new WebClient(app);
        housing.signInWithPurpose("cohorts.housing.analyst", "cohorts-housing-analyst-password",
                "SERVICE_EVALUATION.PSEUDONYMISED", "");
        WebClient.Page page = housing.get("/cohorts");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("No agreement in force releases counts", "housing");
    }

    @Test
    void every_view_is_in_the_audit_log_with_the_agreement_relied_on() throws Exception {
        long before = audited("cohorts.analyst", "VIEW");
        analyst().get("/cohorts?indicator=" + indicator + "&level=AREA");
        assertThat(audited("cohorts.analyst", "VIEW")).isEqualTo(before + 1);
        try (Connection c = app.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT payload->>'agreement', payload->>'subject', payload->>'reasonCodes' FROM audit_entry"
                        + " WHERE payload->>'actor' = 'cohorts.analyst' AND payload->>'action' = 'VIEW'"
                        + " ORDER BY sequence DESC LIMIT 1")) {
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).contains("ISA-TL-CHILDREN@1");
                assertThat(r.getString(2)).isEmpty();
                assertThat(r.getString(3)).contains("AGGREGATE_ONLY", "MIN_CELL_10", "ROUNDED_TO_5");
            }
        }
    }
}
