package org.threadline.app.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.threadline.domain.chronology.SourceRef;
import org.threadline.domain.people.Basis;
import org.threadline.domain.people.Relationship;
import org.threadline.domain.people.RelationshipType;

class RelatedTogetherTest {

    static Map<String, List<Relationship>> ties(String... pairs) {
        Map<String, List<Relationship>> out = new HashMap<>();
        for (String pair : pairs) {
            String[] p = pair.split("-");
            // PARENT_OF is directed: either order of the pair is a valid relationship
            Relationship r = new Relationship(p[0], p[1], RelationshipType.PARENT_OF, Basis.INFERRED, "rule",
                    Optional.empty(), Optional.empty(), List.of(new SourceRef("police", "police-incident-persons",
                    1, 1)));
            out.computeIfAbsent(p[0], k -> new ArrayList<>()).add(r);
            out.computeIfAbsent(p[1], k -> new ArrayList<>()).add(r);
        }
        return out;
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
