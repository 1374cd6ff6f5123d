package org.threadline.linkage.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class DatesTest {

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvFileSource(resources = "dates_cases.csv", numLinesToSkip = 1)
    void named_cases_give_the_tabled_levels(String a, String b, boolean exact, boolean transposed, boolean within1,
            boolean within30, boolean sameMonth, boolean sameYear) {
        int x = Dates.parse(a);
        int y = Dates.parse(b);
        assertThat(Dates.exact(x, y)).isEqualTo(exact);
        assertThat(Dates.dayMonthTransposed(x, y)).isEqualTo(transposed);
        assertThat(Dates.withinDays(x, y, 1)).isEqualTo(within1);
        assertThat(Dates.withinDays(x, y, 30)).isEqualTo(within30);
        assertThat(Dates.sameMonthAndYear(x, y)).isEqualTo(sameMonth);
        assertThat(Dates.sameYear(x, y)).isEqualTo(sameYear);
    }

    @Test
    void parse_agrees_with_local_date_on_every_day_from_1800_to_2200() {
        for (LocalDate d = LocalDate.of(1800, 1, 1); d.getYear() < 2200; d = d.plusDays(1)) {
            assertThat(Dates.parse(d.toString())).isEqualTo(d.toEpochDay());
        }
    }

    @Test
    void parse_returns_unknown_for_missing_misshapen_and_impossible_dates() {
        for (String s : new String[] {null, "", "2010-3-4", "2010-13-01", "2010-00-10", "2010-04-31",
            "1900-02-29", "20x0-01-01", "2010/03/04", "2010-03-04T00:00", " 2010-03-04"}) {
            assertThat(Dates.parse(s)).as(s).isEqualTo(Dates.UNKNOWN);
        }
        assertThat(Dates.parse("2000-02-29")).isEqualTo(LocalDate.of(2000, 2, 29).toEpochDay());
    }

    @Test
    void calendar_levels_agree_with_local_date_and_are_symmetric() {
        SplittableRandom random = new SplittableRandom(23L);
        int from = (int) LocalDate.of(1900, 1, 1).toEpochDay();
        int to = (int) LocalDate.of(2030, 1, 1).toEpochDay();
        for (int i = 0; i < 50_000; i++) {
            int a = random.nextInt(from, to);
            int b = random.nextInt(4) == 0 ? a + random.nextInt(-400, 400) : random.nextInt(from, to);
            if (random.nextInt(10) == 0) {
                b = transposed(a);
            }
            LocalDate x = LocalDate.ofEpochDay(a);
            LocalDate y = LocalDate.ofEpochDay(b);
            assertThat(Dates.sameYear(a, b)).isEqualTo(x.getYear() == y.getYear()).isEqualTo(Dates.sameYear(b, a));
            assertThat(Dates.sameMonthAndYear(a, b))
                    .isEqualTo(x.getYear() == y.getYear() && x.getMonth() == y.getMonth())
                    .isEqualTo(Dates.sameMonthAndYear(b, a));
            assertThat(Dates.dayMonthTransposed(a, b))
                    .as("%s vs %s", x, y)
                    .isEqualTo(!x.equals(y) && x.getYear() == y.getYear()
                            && x.getDayOfMonth() == y.getMonthValue() && x.getMonthValue() == y.getDayOfMonth())
                    .isEqualTo(Dates.dayMonthTransposed(b, a));
            assertThat(Dates.withinDays(a, b, 10)).isEqualTo(Dates.withinDays(b, a, 10));
            assertThat(Dates.exact(a, b)).isEqualTo(a == b).isEqualTo(Dates.exact(b, a));
        }
    }

    @Test
    void unknown_agrees_with_nothing_not_even_itself() {
        int today = (int) LocalDate.of(2020, 5, 6).toEpochDay();
        for (int other : new int[] {Dates.UNKNOWN, today}) {
            assertThat(Dates.exact(Dates.UNKNOWN, other)).isFalse();
            assertThat(Dates.dayMonthTransposed(Dates.UNKNOWN, other)).isFalse();
            assertThat(Dates.withinDays(Dates.UNKNOWN, other, Integer.MAX_VALUE)).isFalse();
            assertThat(Dates.withinDays(other, Dates.UNKNOWN, Integer.MAX_VALUE)).isFalse();
            assertThat(Dates.sameYear(other, Dates.UNKNOWN)).isFalse();
            assertThat(Dates.sameMonthAndYear(other, Dates.UNKNOWN)).isFalse();
        }
    }

    private static int transposed(int epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        if (d.getDayOfMonth() > 12) {
            return epochDay;
        }
        return (int) LocalDate.of(d.getYear(), d.getDayOfMonth(), d.getMonthValue()).toEpochDay();
    }
}
