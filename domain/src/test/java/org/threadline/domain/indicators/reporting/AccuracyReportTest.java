package org.threadline.domain.indicators.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threadline.domain.indicators.Status;

class AccuracyReportTest {
    /** n people of one sex, of whom the first {@code present} truly have the indicator and the first {@code met} are flagged. */
    static List<Labelled> group(String sex, int n, int present, int met, int insufficient) {
        List<Labelled> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Status s = k < met ? Status.MET : k < met + insufficient ? Status.INSUFFICIENT_DATA : Status.NOT_MET;
            out.add(new Labelled(sex + k, Map.of("sex", sex, "ethnicity", k % 2 == 0 ? "WBRI" : "APKN"),
                    Map.of("ace.domestic_abuse", s), k < present ? Set.of("ace.domestic_abuse") : Set.of()));
        }
        return out;
    }

    @Test
    void precision_and_recall_are_counted_overall_and_per_subgroup_and_a_large_gap_is_flagged() {
        List<Labelled> people = new ArrayList<>(group("F", 100, 40, 30, 5)); // 30 TP, 10 FN; recall 75%
        people.addAll(group("M", 100, 40, 20, 0)); // 20 TP, 20 FN; recall 50%
        AccuracyReport r = AccuracyReport.measure(people, List.of("ace.domestic_abuse"), List.of("sex", "ethnicity"),
                0.10, 10);
        AccuracyReport.IndicatorAccuracy a = r.indicators().get(0);
        assertThat(a.overall().truePositives()).isEqualTo(50);
        assertThat(a.overall().falseNegatives()).isEqualTo(30);
        assertThat(a.overall().falsePositives()).isZero();
        assertThat(a.overall().insufficient()).isEqualTo(5);
        assertThat(a.overall().recall()).hasValue(50.0 / 80);
        assertThat(a.overall().precision()).hasValue(1.0);
        assertThat(a.largestGap()).hasValueSatisfying(g -> {
            assertThat(g.attribute()).isEqualTo("sex");
            assertThat(g.lowest()).isEqualTo("M");
            assertThat(g.difference()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
        });
        assertThat(a.flagged()).isTrue();
        assertThat(r.toMarkdown()).contains("| ace.domestic_abuse | 200 | 80 | 50 | 50 | 100.0% | 62.5% | 5 |")
                .contains("**GAP**").contains("| ace.domestic_abuse | sex | M | 100 | 40 | 20 | 100.0% | 50.0% |");
    }

    @Test
    void a_gap_within_tolerance_or_between_groups_too_small_to_compare_is_not_flagged() {
        List<Labelled> people = new ArrayList<>(group("F", 100, 40, 30, 0));
        people.addAll(group("M", 100, 40, 28, 0));
        assertThat(AccuracyReport.measure(people, List.of("ace.domestic_abuse"), List.of("sex"), 0.10, 10)
                .indicators().get(0).flagged()).isFalse();
        List<Labelled> tiny = new ArrayList<>(group("F", 100, 40, 30, 0));
        tiny.addAll(group("M", 5, 4, 0, 0)); // 4 true cases: below the minimum support of 10
        assertThat(AccuracyReport.measure(tiny, List.of("ace.domestic_abuse"), List.of("sex"), 0.10, 10)
                .indicators().get(0).flagged()).isFalse();
    }

    @Test
    void people_an_indicator_was_not_evaluated_for_are_outside_its_population() {
        List<Labelled> people = List.of(new Labelled("A", Map.of(), Map.of(), Set.of("x")),
                new Labelled("B", Map.of(), Map.of("x", Status.MET), Set.of("x")));
        AccuracyReport r = AccuracyReport.measure(people, List.of("x"), List.of("sex"), 0.1, 1);
        assertThat(r.indicators().get(0).overall().population()).isEqualTo(1);
        assertThat(r.indicators().get(0).subgroups()).singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo("unknown"));
    }
}
