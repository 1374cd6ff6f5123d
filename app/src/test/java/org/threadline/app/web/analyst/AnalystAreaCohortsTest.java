package org.threadline.app.web.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Cohort counts as the analyst sees them: suppressed, rounded, with rates; people placed by postcode. */
class AnalystAreaCohortsTest {

    /** {@code n} people in an area, ids prefixed by the area. */
    private static void people(Map<String, String> areaOf, String area, int n) {
        for (int i = 0; i < n; i++) {
            areaOf.put(area + "-" + i, area);
        }
    }

    private static List<String> first(String area, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(area + "-" + i);
        }
        return out;
    }

    private static AreaCohorts.Row row(AreaCohorts t, String area) {
        return t.rows().stream().filter(r -> r.area().equals(area)).findFirst().orElseThrow();
    }

    @Test
    void shown_counts_are_rounded_to_the_nearest_five_and_rates_come_from_the_rounded_count() {
        Map<String, String> areaOf = new HashMap<>();
        people(areaOf, "B11", 400);
        people(areaOf, "WV1", 200);
        List<String> met = new ArrayList<>(first("B11", 23));
        met.addAll(first("WV1", 12));
        AreaCohorts t = AreaCohorts.count(AreaLevel.DISTRICT, areaOf, Map.of("x", met), List.of("x"), 10, 5);

        assertThat(row(t, "B11").cells().get(0).countText()).isEqualTo("25");
        assertThat(row(t, "B11").cells().get(0).rateText()).isEqualTo("62.5");
        assertThat(row(t, "WV1").cells().get(0).countText()).isEqualTo("10");
        assertThat(row(t, "WV1").cells().get(0).rateText()).isEqualTo("50.0");
        assertThat(row(t, "B11").peopleText()).isEqualTo("400");
        assertThat(t.total().cells().get(0).countText()).isEqualTo("35");
        assertThat(t.total().peopleText()).isEqualTo("600");
    }

    @Test
    void a_count_from_one_to_nine_reads_c_and_a_zero_reads_zero() {
        Map<String, String> areaOf = new HashMap<>();
        people(areaOf, "B1", 100);
        people(areaOf, "B2", 100);
        people(areaOf, "B3", 100);
        people(areaOf, "B4", 100);
        List<String> met = new ArrayList<>(first("B1", 4));
        met.addAll(first("B2", 5));
        met.addAll(first("B3", 40));
        AreaCohorts t = AreaCohorts.count(AreaLevel.DISTRICT, areaOf, Map.of("x", met), List.of("x"), 10, 5);

        assertThat(row(t, "B1").cells().get(0).suppressed()).isTrue();
        assertThat(row(t, "B1").cells().get(0).rateText()).isEqualTo("c");
        assertThat(row(t, "B2").cells().get(0).suppressed()).isTrue();
        assertThat(row(t, "B3").cells().get(0).countText()).isEqualTo("40");
        assertThat(row(t, "B4").cells().get(0).countText()).isEqualTo("0");
        assertThat(t.suppressedCells()).isEqualTo(2);
    }

    @Test
    void a_lone_small_count_hides_another_so_the_total_cannot_give_it_away() {
        Map<String, String> areaOf = new HashMap<>();
        people(areaOf, "B1", 100);
        people(areaOf, "B2", 100);
        people(areaOf, "B3", 100);
        List<String> met = new ArrayList<>(first("B1", 3));
        met.addAll(first("B2", 20));
        met.addAll(first("B3", 30));
        AreaCohorts t = AreaCohorts.count(AreaLevel.DISTRICT, areaOf, Map.of("x", met), List.of("x"), 10, 5);

        assertThat(row(t, "B1").cells().get(0).suppressed()).isTrue();
        assertThat(row(t, "B2").cells().get(0).suppressed()).as("the smallest other count, hidden too").isTrue();
        assertThat(row(t, "B3").cells().get(0).countText()).isEqualTo("30");
        assertThat(t.total().cells().get(0).countText()).isEqualTo("55");
    }

    @Test
    void people_without_a_postcode_are_a_last_row_and_people_not_held_are_not_counted() {
        Map<String, String> areaOf = new HashMap<>();
        people(areaOf, "B10", 50);
        people(areaOf, "B2", 50);
        people(areaOf, AreaLevel.UNKNOWN, 20);
        List<String> met = new ArrayList<>(first("B10", 15));
        met.add("not-held-1");
        AreaCohorts t = AreaCohorts.count(AreaLevel.DISTRICT, areaOf, Map.of("x", met), List.of("x"), 10, 5);

        assertThat(t.rows()).extracting(AreaCohorts.Row::area).containsExactly("B2", "B10", AreaLevel.UNKNOWN);
        assertThat(t.placed()).extracting(AreaCohorts.Row::area).containsExactly("B2", "B10");
        assertThat(t.total().cells().get(0).countText()).isEqualTo("15");
    }

    @Test
    void a_cell_reads_the_same_whatever_other_indicators_are_chosen() {
        Map<String, String> areaOf = new HashMap<>();
        people(areaOf, "B1", 100);
        people(areaOf, "B2", 100);
        people(areaOf, "B3", 100);
        Map<String, List<String>> metBy = new HashMap<>();
        metBy.put("x", new ArrayList<>(first("B1", 25)));
        metBy.get("x").addAll(first("B2", 30));
        metBy.put("y", new ArrayList<>(first("B1", 2)));
        metBy.get("y").addAll(first("B3", 60));
        AreaCohorts alone = AreaCohorts.count(AreaLevel.DISTRICT, areaOf, metBy, List.of("x"), 10, 5);
        AreaCohorts both = AreaCohorts.count(AreaLevel.DISTRICT, areaOf, metBy, List.of("y", "x"), 10, 5);

        for (String area : List.of("B1", "B2", "B3")) {
            assertThat(row(both, area).cells().get(1)).isEqualTo(row(alone, area).cells().get(0));
        }
    }

    @Test
    void over_random_tables_no_small_count_is_shown_none_can_be_worked_out_and_every_shown_count_is_near_the_truth() {
        for (long seed = 1; seed <= 200; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            Map<String, String> areaOf = new HashMap<>();
            Map<String, List<String>> metBy = new HashMap<>();
            Map<String, Integer> truth = new HashMap<>();
            int areas = 1 + random.nextInt(12);
            List<String> ids = new ArrayList<>();
            for (int a = 0; a < areas; a++) {
                String area = "B" + (a + 1);
                int held = 1 + random.nextInt(300);
                people(areaOf, area, held);
                // mostly small counts, so suppression has work to do
                int met = Math.min(held, random.nextInt(4) == 0 ? random.nextInt(60) : random.nextInt(12));
                ids.addAll(first(area, met));
                truth.put(area, met);
            }
            metBy.put("x", ids);
            AreaCohorts t = AreaCohorts.count(AreaLevel.DISTRICT, areaOf, metBy, List.of("x"), 10, 5);
            String why = "seed " + seed + ", truth " + truth;
            int hidden = 0;
            for (AreaCohorts.Row r : t.rows()) {
                int n = truth.get(r.area());
                AreaCohorts.Cell c = r.cells().get(0);
                if (n > 0 && n < 10) {
                    assertThat(c.suppressed()).as(why).isTrue();
                }
                if (c.suppressed()) {
                    hidden++;
                } else {
                    assertThat(c.count().getAsLong() % 5).as(why).isZero();
                    assertThat(Math.abs(c.count().getAsLong() - n)).as(why).isLessThanOrEqualTo(2);
                }
            }
            // a column with exactly one hidden count and its total shown would give that count away
            assertThat(hidden == 1 && !t.total().cells().get(0).suppressed()).as(why).isFalse();
        }
    }

    @Test
    void an_area_level_places_a_postcode_by_its_area_or_district_and_orders_districts_by_number() {
        assertThat(AreaLevel.AREA.of("b11 1aa")).isEqualTo("B");
        assertThat(AreaLevel.DISTRICT.of("B11 1AA")).isEqualTo("B11");
        assertThat(AreaLevel.DISTRICT.of("not a postcode")).isEqualTo(AreaLevel.UNKNOWN);
        assertThat(AreaLevel.DISTRICT.of(null)).isEqualTo(AreaLevel.UNKNOWN);
        assertThat(AreaLevel.parse("DISTRICT")).contains(AreaLevel.DISTRICT);
        assertThat(AreaLevel.parse("ward")).isEmpty();
        assertThat(new ArrayList<>(List.of("B10", AreaLevel.UNKNOWN, "B2", "CV1", "B1")).stream()
                .sorted(AreaLevel.POSTCODE_ORDER).toList()).containsExactly("B1", "B2", "B10", "CV1",
                AreaLevel.UNKNOWN);
    }
}
