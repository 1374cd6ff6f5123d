package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.app.audit.InstalledAuditLog;
import org.threadline.app.governance.Rectification;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Memberships;
import org.threadline.app.web.accounts.Role;
import org.threadline.domain.chronology.EventVocabulary;
import org.threadline.domain.indicators.alerts.Alert;
import org.threadline.domain.indicators.alerts.AlertState;
import org.threadline.intake.source.SourceDefinitions;
import org.threadline.linkage.model.ModelJson;
import org.threadline.store.governance.RowKey;
import org.threadline.store.indicators.AlertStore;

/**
 * An alert raised on evidence later rectified stays as raised - it was a real decision point - and its recipient is
 * told, in the inbox, that the evidence was corrected and to re-check (ADR 0032). On a population of its own (the
 * correction changes it), with alerts raised by the rule engine.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class RectifiedAlertEvidenceTest {
    private static final DateTimeFormatter POLICE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @TempDir
    static Path folder;
    static TestApp app;
    static List<Alert> raised;
    static Rectification rectification;
    static String schoolKey;

    @BeforeAll
    static void population() throws Exception {
        app = BuiltPopulation.start(folder, 400, 3);
        raised = RaisedAlerts.raise(app, app.clock.instant());
        app.account("rectified.school", Agency.SCHOOLS, Role.DESIGNATED_SAFEGUARDING_LEAD, "rectified-school-pass");
        app.worksFor("rectified.school", Memberships.EVERY);
        schoolKey = new org.threadline.app.apikeys.ApiKeys(app.database.dataSource(), new java.security.SecureRandom())
                .create("rectified-school-mis", Agency.SCHOOLS.name(), Role.DESIGNATED_SAFEGUARDING_LEAD.name(), "test",
                        app.clock.instant()).secretKey();
        app.worksFor("apikey.rectified-school-mis", Memberships.EVERY);
        Path root = Files.isDirectory(Path.of("config", "rules")) ? Path.of(".") : Path.of("..");
        rectification = new Rectification(app.database.dataSource(), InstalledAuditLog.store(
                new ThreadlineHome(app.home).create(), app.clock), SourceDefinitions.loadAll(root.resolve(
                "config/sources")), EventVocabulary.read(root.resolve("config/chronology/events.yaml")),
                ModelJson.read(root.resolve("config/models/people.json")), Optional.empty(), app.clock);
    }

    @AfterAll
    static void close() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void an_open_alert_citing_a_corrected_row_is_marked_for_its_recipient_and_otherwise_left_as_raised()
            throws Exception {
        Alert alert = raised.stream().filter(a -> a.recipient().agency().equals("schools")
                && a.state() == AlertState.RAISED).filter(a -> policeRowOf(a).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("an open Operation Encompass alert citing a police incident"));
        String[] row = policeRowOf(alert).orElseThrow();
        RowKey key = new RowKey(Long.parseLong(row[0]), Long.parseLong(row[1]));
        // The incident was recorded a minute out: the same day, so the alert's window still holds it.
        LocalTime was = row[3] == null ? LocalTime.NOON : LocalTime.parse(row[3]);
        String corrected = POLICE.format(LocalDate.parse(row[2]).atTime(was.getMinute() == 59 ? was.minusMinutes(1)
                : was.plusMinutes(1)));
        Rectification.Request q = new Rectification.Request("police-incident-persons", key, "event_datetime",
                corrected, "the force confirmed the time of the incident", "dpo.one", "local-authority");
        AlertStore store = new AlertStore(app.database.dataSource());

        Rectification.Result dry = rectification.rectify(q, true);
        assertThat(dry.alertsMarked()).isPositive();
        assertThat(store.rectified(List.of(alert.alertId()))).as("a dry run marks nothing").isEmpty();
        assertThat(inbox()).doesNotContain("rectified-" + alert.alertId());

        Rectification.Result r = rectification.rectify(q, false);

        assertThat(r.alertsMarked()).isEqualTo(dry.alertsMarked());
        assertThat(store.rectified(List.of(alert.alertId())).get(alert.alertId())).hasSize(1);
        Alert after = store.find(alert.alertId()).orElseThrow();
        assertThat(after.state()).as("the alert stays where its recipient left it").isEqualTo(AlertState.RAISED);
        assertThat(after.history()).isEqualTo(alert.history());
        assertThat(after.evidence()).isEqualTo(alert.evidence());
        String day = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(ZoneId.of("Europe/London"))
                .format(app.clock.instant());
        String page = inbox();
        assertThat(page).contains("id=\"rectified-" + alert.alertId() + "\"", "Evidence rectified on " + day,
                "Re-check the evidence before relying on this alert");
        List<String> rowEvents = r.eventsBefore().stream().map(e -> e[0]).toList();
        raised.stream().filter(a -> a.recipient().agency().equals("schools"))
                .filter(a -> a.evidence().stream().noneMatch(rowEvents::contains))
                .forEach(a -> assertThat(page).as("an alert not citing the row").doesNotContain("rectified-"
                        + a.alertId()));
        assertThat(first("SELECT payload->>'reasonCodes' FROM audit_entry WHERE sequence = " + r.auditEntry()))
                .contains("ALERTS_MARKED=" + r.alertsMarked());
        // A partner's system reading the feed is told the same.
        com.fasterxml.jackson.databind.JsonNode feed = new ApiClient(app, schoolKey)
                .purpose("SAFEGUARDING.CHILD.ENCOMPASS", null).get("/api/v1/alerts").json();
        java.util.Map<String, String> rectifiedIn = new java.util.HashMap<>();
        feed.path("alerts").forEach(a -> rectifiedIn.put(a.path("alertId").asText(),
                a.path("evidenceRectifiedAt").toString()));
        assertThat(rectifiedIn).containsKey(alert.alertId());
        assertThat(rectifiedIn.get(alert.alertId())).contains(app.clock.instant().toString().substring(0, 10));
        rectifiedIn.forEach((id, at) -> {
            if (!id.equals(alert.alertId()) && raised.stream().anyMatch(a -> a.alertId().equals(id)
                    && a.evidence().stream().noneMatch(rowEvents::contains))) {
                assertThat(at).as("an alert not citing the row, in the feed").isEqualTo("[]");
            }
        });
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void erasing_the_alerts_subject_takes_the_alert_and_its_mark_with_it() throws Exception {
        String[] marked = firstRow("SELECT m.alert_id, a.subject_person_id FROM alert_rectification m JOIN alert a"
                + " ON a.alert_id = m.alert_id ORDER BY m.alert_id LIMIT 1");

        new org.threadline.app.governance.Erasure(app.database.dataSource(), InstalledAuditLog.store(
                new ThreadlineHome(app.home).create(), app.clock), app.clock, app.home).erase(marked[1],
                "the data subject's erasure request was upheld", "dpo.one", "local-authority", false);

        assertThat(first("SELECT count(*) FROM alert_rectification WHERE alert_id = '" + marked[0] + "'"))
                .isEqualTo("0");
        assertThat(first("SELECT count(*) FROM alert WHERE alert_id = '" + marked[0] + "'")).isEqualTo("0");
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void the_database_refuses_a_mark_made_outside_a_rectification() {
        Alert alert = new AlertStore(app.database.dataSource()).all().get(0);
        assertThatThrownBy(() -> {
            try (Connection c = app.database.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO alert_rectification VALUES ('" + alert.alertId() + "', 1, now())");
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("refused");
    }

    private static String inbox() {
        WebClient c = new WebClient(app);
        c.signInWithPurpose("rectified.school", "rectified-school-pass", "SAFEGUARDING.CHILD.ENCOMPASS", "");
        WebClient.Page page = c.get("/alerts");
        assertThat(page.status()).isEqualTo(200);
        return page.body();
    }

    /** The police incident row an alert cites, if it cites one: file, row, event date, event time. */
    private static Optional<String[]> policeRowOf(Alert a) {
        try (Connection c = app.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT sources->0->>'fileId', sources->0->>'rowNumber', event_date::text, event_time::text FROM"
                        + " chronology_event WHERE event_id = ANY (?) AND sources->0->>'definitionId' ="
                        + " 'police-incident-persons' ORDER BY event_id LIMIT 1")) {
            s.setArray(1, c.createArrayOf("text", a.evidence().toArray()));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new String[] {r.getString(1), r.getString(2), r.getString(3),
                        r.getString(4)}) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String first(String sql) {
        return firstRow(sql)[0];
    }

    private static String[] firstRow(String sql) {
        try (Connection c = app.database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            assertThat(r.next()).as(sql).isTrue();
            String[] row = new String[r.getMetaData().getColumnCount()];
            for (int i = 0; i < row.length; i++) {
                row[i] = r.getString(i + 1);
            }
            return row;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
