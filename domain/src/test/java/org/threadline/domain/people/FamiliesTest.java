package org.threadline.domain.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.threadline.domain.chronology.SourceRef;

class FamiliesTest {

    static Relationship tie(String a, String b, RelationshipType type) {
        String from = type.symmetric() && a.compareTo(b) > 0 ? b : a;
        String to = from.equals(a) ? b : a;
        return new Relationship(from, to, type, Basis.ASSERTED, "test", Optional.empty(), Optional.empty(),
                List.of(new SourceRef("x", "d", 1, 1)));
    }

    static final List<Relationship> ALL = List.of(
            tie("mum", "child", RelationshipType.PARENT_OF),
            tie("dad", "child", RelationshipType.PARENT_OF),
            tie("gran", "mum", RelationshipType.PARENT_OF),
            tie("greatgran", "gran", RelationshipType.PARENT_OF),
            tie("child", "lodger", RelationshipType.HOUSEHOLD_MEMBER_WITH),
            tie("dad", "neighbour", RelationshipType.HOUSEHOLD_MEMBER_WITH));

    static List<Relationship> involving(Collection<String> people) {
        return ALL.stream().filter(r -> people.contains(r.fromPerson()) || people.contains(r.toPerson())).toList();
    }

    static Map<String, PersonSummary> summaries(Collection<String> people) {
        Map<String, PersonSummary> out = new HashMap<>();
        people.forEach(p -> out.put(p, new PersonSummary(p, p, "", Optional.empty(), Sex.UNKNOWN)));
        return out;
    }

    @Test
    void a_family_reaches_two_steps_of_family_ties_and_the_anchors_own_household_only() {
        Family f = Families.standard().around("child", FamiliesTest::involving, FamiliesTest::summaries);

        assertThat(f.members()).extracting(PersonSummary::personId)
                .containsExactlyInAnyOrder("child", "mum", "dad", "lodger", "gran");
        assertThat(f.relationships()).allSatisfy(r -> assertThat(f.member(r.fromPerson())).isPresent())
                .hasSize(4);
    }

    @Test
    void a_family_never_grows_past_its_size_cap() {
        Family f = new Families(5, 3).around("child", FamiliesTest::involving, FamiliesTest::summaries);

        assertThat(f.members()).hasSize(3);
    }
}
