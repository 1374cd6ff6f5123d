package org.threadline.domain.indicators.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CohortTableTest {
    static List<CohortTable.Flag> flags(String area, String indicator, int n) {
        List<CohortTable.Flag> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new CohortTable.Flag(area, indicator));
        }
        return out;
    }

    @Test
    void small_counts_are_hidden_and_a_second_cell_in_the_same_row_and_column_too() {
        List<CohortTable.Flag> f = new ArrayList<>();
        f.addAll(flags("Birmingham", "ace.domestic_abuse", 40));
        f.addAll(flags("Birmingham", "missing.repeated", 3));
        f.addAll(flags("Birmingham", "smd.core", 25));
        f.addAll(flags("Coventry", "ace.domestic_abuse", 30));
        f.addAll(flags("Coventry", "missing.repeated", 12));
        f.addAll(flags("Coventry", "smd.core", 18));
        CohortTable t = CohortTable.suppress(f, List.of("ace.domestic_abuse", "missing.repeated", "smd.core"), 10);
        // Birmingham × missing (3) is primary; its row and column each need a second hidden cell
        assertThat(t.cells().get(0).get(1)).isEmpty();
        assertThat(t.cells().get(0).stream().filter(OptionalLong::isEmpty).count()).isEqualTo(2);
        assertThat(t.cells().stream().filter(r -> r.get(1).isEmpty()).count()).isEqualTo(2);
        assertThat(Recovery.recoverable(t)).isFalse();
        assertThat(t.toMarkdown()).contains("| Birmingham | ").contains(" c ");
    }

    @Test
    void a_table_with_nothing_small_hides_nothing() {
        List<CohortTable.Flag> f = new ArrayList<>(flags("Walsall", "a", 12));
        f.addAll(flags("Dudley", "a", 0));
        f.addAll(flags("Dudley", "b", 15));
        CohortTable t = CohortTable.suppress(f, List.of("a", "b"), 10);
        assertThat(t.suppressedCells()).isZero();
        assertThat(t.grandTotal()).hasValue(27);
        assertThat(t.areas()).containsExactly("Dudley", "Walsall");
    }

    @Test
    void no_hidden_count_can_be_worked_back_from_totals_in_random_tables() {
        for (long seed = 1; seed <= 300; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int areas = 1 + random.nextInt(6);
            int indicators = 1 + random.nextInt(6);
            int minimum = 2 + random.nextInt(9);
            List<String> names = new ArrayList<>();
            for (int j = 0; j < indicators; j++) {
                names.add("i" + j);
            }
            List<CohortTable.Flag> f = new ArrayList<>();
            for (int i = 0; i < areas; i++) {
                for (int j = 0; j < indicators; j++) {
                    int n = random.nextInt(4) == 0 ? random.nextInt(minimum) : random.nextInt(60);
                    f.addAll(flags("area" + i, "i" + j, n));
                }
            }
            CohortTable t = CohortTable.suppress(f, names, minimum);
            for (List<OptionalLong> row : t.cells()) {
                for (OptionalLong x : row) {
                    assertThat(x.isEmpty() || x.getAsLong() == 0 || x.getAsLong() >= minimum)
                            .as("seed %d: a small count is shown", seed).isTrue();
                }
            }
            assertThat(Recovery.recoverable(t)).as("seed %d: a hidden count can be recovered", seed).isFalse();
        }
    }

    /** An attacker who repeatedly solves any row or column (or totals line) with exactly one unknown. */
    static final class Recovery {
        static boolean recoverable(CohortTable t) {
            int r = t.areas().size();
            int c = t.indicators().size();
            Long[][] cell = new Long[r][c];
            Long[] rows = new Long[r];
            Long[] cols = new Long[c];
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    cell[i][j] = box(t.cells().get(i).get(j));
                }
                rows[i] = box(t.rowTotals().get(i));
            }
            for (int j = 0; j < c; j++) {
                cols[j] = box(t.columnTotals().get(j));
            }
            Long grand = box(t.grandTotal());
            int hiddenBefore = countHidden(cell);
            boolean progress = true;
            while (progress) {
                progress = false;
                for (int i = 0; i < r; i++) {
                    List<int[]> unknown = new ArrayList<>();
                    long sum = 0;
                    for (int j = 0; j < c; j++) {
                        if (cell[i][j] == null) {
                            unknown.add(new int[] {i, j});
                        } else {
                            sum += cell[i][j];
                        }
                    }
                    if (rows[i] != null && unknown.size() == 1) {
                        cell[unknown.get(0)[0]][unknown.get(0)[1]] = rows[i] - sum;
                        progress = true;
                    } else if (rows[i] == null && unknown.isEmpty()) {
                        rows[i] = sum;
                        progress = true;
                    }
                }
                for (int j = 0; j < c; j++) {
                    List<int[]> unknown = new ArrayList<>();
                    long sum = 0;
                    for (int i = 0; i < r; i++) {
                        if (cell[i][j] == null) {
                            unknown.add(new int[] {i, j});
                        } else {
                            sum += cell[i][j];
                        }
                    }
                    if (cols[j] != null && unknown.size() == 1) {
                        cell[unknown.get(0)[0]][unknown.get(0)[1]] = cols[j] - sum;
                        progress = true;
                    } else if (cols[j] == null && unknown.isEmpty()) {
                        cols[j] = sum;
                        progress = true;
                    }
                }
                progress |= solveTotals(rows, grand) | solveTotals(cols, grand);
            }
            return countHidden(cell) < hiddenBefore;
        }

        private static boolean solveTotals(Long[] totals, Long grand) {
            if (grand == null) {
                return false;
            }
            int unknown = -1;
            int n = 0;
            long sum = 0;
            for (int k = 0; k < totals.length; k++) {
                if (totals[k] == null) {
                    unknown = k;
                    n++;
                } else {
                    sum += totals[k];
                }
            }
            if (n == 1) {
                totals[unknown] = grand - sum;
                return true;
            }
            return false;
        }

        private static int countHidden(Long[][] cell) {
            int n = 0;
            for (Long[] row : cell) {
                for (Long x : row) {
                    n += x == null ? 1 : 0;
                }
            }
            return n;
        }

        private static Long box(OptionalLong x) {
            return x.isPresent() ? x.getAsLong() : null;
        }
    }

    @Test
    void counts_made_beforehand_suppress_exactly_as_the_flags_they_were_made_of() {
        SplittableRandom random = new SplittableRandom(27);
        List<String> indicators = List.of("a", "b", "c");
        for (int table = 0; table < 200; table++) {
            List<CohortTable.Flag> f = new ArrayList<>();
            java.util.Map<String, java.util.Map<String, Long>> counted = new java.util.HashMap<>();
            for (int area = 0; area < 1 + random.nextInt(8); area++) {
                for (String indicator : indicators) {
                    int n = random.nextInt(3) == 0 ? 0 : random.nextInt(40);
                    f.addAll(flags("area" + area, indicator, n));
                    counted.computeIfAbsent("area" + area, k -> new java.util.HashMap<>()).put(indicator, (long) n);
                }
            }
            assertThat(CohortTable.suppressCounts(counted, indicators, 10))
                    .isEqualTo(CohortTable.suppress(f, indicators, 10));
        }
    }
}
