package org.threadline.linkage.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmCombinationTest {

    static final ModelParameters START = ModelParameters.of(
            new double[][] {{1, 0.5, 0.5}, {1, 0.5, 0.5}, {1, 0.5, 0.5}},
            new double[][] {{1, 0.9, 0.1}, {1, 0.9, 0.1}, {1, 0.9, 0.1}}, 0.01);

    static EmResult pass(boolean[] fixed, double m0, double m1, double m2) {
        double[][] m = {{1, 1 - m0, m0}, {1, 1 - m1, m1}, {1, 1 - m2, m2}};
        return new EmResult(m, 0.2, 5, true, fixed, List.of());
    }

    @Test
    void combine_averages_each_comparison_over_the_passes_that_did_not_fix_it() {
        EmResult blockedOnFirst = pass(new boolean[] {true, false, false}, 0.5, 0.8, 0.6);
        EmResult blockedOnSecond = pass(new boolean[] {false, true, false}, 0.9, 0.5, 0.7);

        EmCombination combined = EmTrainer.combine(List.of(blockedOnFirst, blockedOnSecond), START);

        assertThat(combined.m()[0][2]).isCloseTo(0.9, within(1e-12));
        assertThat(combined.m()[1][2]).isCloseTo(0.8, within(1e-12));
        assertThat(combined.m()[2][2]).isCloseTo(0.65, within(1e-12));
        assertThat(combined.estimatedInPasses()).containsExactly(1, 1, 2);
        assertThat(combined.warnings()).isEmpty();
        assertThat(combined.applyTo(START).m(2, 2)).isCloseTo(0.65, within(1e-12));
    }

    @Test
    void a_comparison_fixed_in_every_pass_keeps_its_starting_m_with_a_warning() {
        EmResult a = pass(new boolean[] {true, false, false}, 0.5, 0.8, 0.6);
        EmResult b = pass(new boolean[] {true, true, false}, 0.5, 0.5, 0.7);

        EmCombination combined = EmTrainer.combine(List.of(a, b), START);

        assertThat(combined.m()[0]).containsExactly(1, 0.5, 0.5);
        assertThat(combined.warnings()).containsExactly("comparison 0 was fixed in every pass; it keeps its starting m");
    }

    @Test
    void a_pass_that_did_not_converge_is_named_in_the_warnings() {
        EmResult stuck = new EmResult(START.m(), 0.2, 25, false, new boolean[3], List.of());

        EmCombination combined = EmTrainer.combine(List.of(stuck), START);

        assertThat(combined.warnings()).anyMatch(w -> w.startsWith("pass 0 did not converge"));
    }
}
