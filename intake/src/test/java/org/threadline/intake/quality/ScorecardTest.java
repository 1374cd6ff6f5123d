package org.threadline.intake.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threadline.intake.load.FieldValue;
import org.threadline.intake.load.LoadedRow;
import org.threadline.intake.read.RawRow;
import org.threadline.intake.standardise.Outcome;

class ScorecardTest {

    private static LoadedRow row(String key, String surname, FieldValue dob, boolean quarantined) {
        Map<String, FieldValue> fields = new LinkedHashMap<>();
        fields.put("person_key", new FieldValue(key, Outcome.OK, ""));
        fields.put("forename", new FieldValue("ANN", Outcome.OK, ""));
        fields.put("surname", new FieldValue(surname, Outcome.OK, ""));
        fields.put("date_of_birth", dob);
        return new LoadedRow(new RawRow("", 2, List.of(), ""), fields,
                quarantined ? Map.of("date_of_birth", "required") : Map.of());
    }

    private static FieldValue date(String v) {
        return new FieldValue(v, Outcome.OK, "");
    }

    @Test
    void a_scorecard_counts_completeness_validity_reasons_duplicates_and_date_anomalies() {
        ScorecardBuilder b = new ScorecardBuilder("police-custody v1", "custody.csv");
        b.add(row("N1", "SMITH", date("1990-01-01"), false));
        b.add(row("N2", "SMITH", date("1990-01-01"), false));
        b.add(row("N3", "JONES", new FieldValue("", Outcome.MISSING, "sentinel date"), true));
        b.add(row("N4", "KHAN", new FieldValue("31/02/2019", Outcome.INVALID, "no such date"), true));
        b.add(row("N5", "PATEL", new FieldValue("2019-04-03", Outcome.FLAGGED, "ambiguous day/month"), false));

        Scorecard s = b.build("abc");

        FieldQuality dob = s.fields().stream().filter(f -> f.field().equals("date_of_birth")).findFirst().orElseThrow();
        assertThat(s.rows()).isEqualTo(5);
        assertThat(s.quarantined()).isEqualTo(2);
        assertThat(dob.completeness()).isCloseTo(0.8, within(1e-12));
        assertThat(dob.validity()).isCloseTo(0.75, within(1e-12));
        assertThat(dob.reasons()).containsEntry("no such date", 1L).containsEntry("sentinel date", 1L);
        assertThat(s.likelyDuplicates()).isEqualTo(2);
        assertThat(s.dateAnomalies()).isEqualTo(2);
        assertThat(s.sha256()).isEqualTo("abc");
    }

    @Test
    void drift_against_the_previous_load_names_the_field_and_the_change() {
        ScorecardBuilder before = new ScorecardBuilder("d v1", "a.csv");
        ScorecardBuilder after = new ScorecardBuilder("d v1", "b.csv");
        for (int i = 0; i < 10; i++) {
            before.add(row("N" + i, "S" + i, date("1990-01-0" + (i % 9 + 1)), false));
            after.add(row("N" + i, "S" + i, i < 3 ? new FieldValue("", Outcome.MISSING, "blank")
                    : date("1990-01-0" + (i % 9 + 1)), false));
        }

        Scorecard drifted = after.build("b").withDriftFrom(before.build("a"));

        assertThat(drifted.drift()).containsExactly("date_of_birth: completeness fell from 100.0% to 70.0%");
        assertThat(before.build("a").withDriftFrom(before.build("a")).drift()).isEmpty();
    }

    @Test
    void the_html_page_escapes_whatever_the_partner_sent() {
        ScorecardBuilder b = new ScorecardBuilder("d v1", "<script>alert(1)</script>.csv");
        b.add(row("N1", "X", new FieldValue("x", Outcome.INVALID, "<b>bad</b>"), false));

        String html = ScorecardHtml.render(b.build("f00"));

        assertThat(html).doesNotContain("<script>").doesNotContain("<b>bad</b>").contains("&lt;script&gt;")
                .contains("&lt;b&gt;bad&lt;/b&gt;");
    }
}
