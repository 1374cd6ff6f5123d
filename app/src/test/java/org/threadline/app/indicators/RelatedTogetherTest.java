package org.threadline.app.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RelatedTogetherTest {

    static java.util.function.Consumer<java.util.function.BiConsumer<String, String>> ties(String... pairs) {
        return sink -> {
            for (String pair : pairs) {
                String[] p = pair.split("-");
                sink.accept(p[0], p[1]);
            }
        };
    }

    @Test
    void subjects_are_ordered_so_that_people_connected_by_relationships_come_together() {
        List<String> order = IndicatorRun.relatedTogether(List.of("P1", "P2", "P3", "P4", "P5", "P6"),
                ties("P5-P1", "P3-P5", "P6-P2"));

        assertThat(order).containsExactly("P1", "P3", "P5", "P2", "P6", "P4");
    }

    @Test
    void every_subject_is_kept_once_whatever_the_ties() {
        List<String> subjects = List.of("P9", "P1", "P7");

        assertThat(IndicatorRun.relatedTogether(subjects, ties("P1-P8", "P8-P9"))).containsExactly("P1", "P9", "P7");
    }
}
