package org.threadline.linkage.blocking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.threadline.linkage.data.RecordTable;

class BlockerTest {
    private static final List<String> COLUMNS = List.of("surname", "dob", "postcode");

    @Test
    void rules_are_unioned_and_no_pair_is_produced_twice() {
        RecordTable records = randomRecords(600, 7, false);
        List<List<KeyPart>> rules = List.of(List.of(KeyPart.exact("surname")),
                List.of(KeyPart.exact("dob")), List.of(KeyPart.exact("surname"), KeyPart.exact("postcode")));

        CandidatePairs pairs = new Blocker(1_000_000).pairs(records, rules, List.of("s", "d", "sp"), false);

        Set<Long> produced = new HashSet<>();
        for (int p = 0; p < pairs.size(); p++) {
            assertThat(pairs.left(p)).isLessThan(pairs.right(p));
            assertThat(produced.add(((long) pairs.left(p) << 32) | pairs.right(p))).as("pair produced twice").isTrue();
        }
        assertThat(produced).isEqualTo(bruteForce(records, false));
    }

    @Test
    void a_pair_meets_every_rule_whose_keys_it_shares_not_only_the_rule_that_found_it() {
        RecordTable records = randomRecords(600, 17, false);
        List<List<KeyPart>> rules = List.of(List.of(KeyPart.exact("surname")), List.of(KeyPart.exact("dob")));

        CandidatePairs pairs = new Blocker(1_000_000).pairs(records, rules, List.of("s", "d"), false);

        int foundBySurnameWithSameDob = 0;
        for (int p = 0; p < pairs.size(); p++) {
            int a = pairs.left(p);
            int b = pairs.right(p);
            boolean sameSurname = same(records, "surname", a, b);
            boolean sameDob = same(records, "dob", a, b);
            assertThat(pairs.meets(p, 0)).as("pair %d-%d, surname", a, b).isEqualTo(sameSurname);
            assertThat(pairs.meets(p, 1)).as("pair %d-%d, dob", a, b).isEqualTo(sameDob);
            foundBySurnameWithSameDob += pairs.rule()[p] == 0 && sameDob ? 1 : 0;
        }
        assertThat(foundBySurnameWithSameDob).as("pairs found first by surname that the dob rule also admits")
                .isPositive();
    }

    @Test
    void linking_two_sources_pairs_only_across_them_with_the_first_source_on_the_left() {
        RecordTable records = randomRecords(400, 3, true);

        CandidatePairs pairs = new Blocker(1_000_000).pairs(records,
                List.of(List.of(KeyPart.exact("surname")), List.of(KeyPart.exact("dob"))), List.of("s", "d"), true);

        Set<Long> produced = new HashSet<>();
        for (int p = 0; p < pairs.size(); p++) {
            assertThat(records.source(pairs.left(p))).isZero();
            assertThat(records.source(pairs.right(p))).isOne();
            produced.add(((long) pairs.left(p) << 32) | pairs.right(p));
        }
        assertThat(produced).isEqualTo(bruteForce(records, true));
    }

    @Test
    void a_record_with_a_blank_key_part_does_not_block_under_that_rule() {
        RecordTable records = RecordTable.builder(COLUMNS).add("a", 0, "SMITH", "", "B1 1AA")
                .add("b", 0, "SMITH", "", "B1 1AA").add("c", 0, "", "2000-01-01", "").add("d", 0, "", "2000-01-01", "")
                .build();

        CandidatePairs pairs = new Blocker(100).pairs(records,
                List.of(List.of(KeyPart.exact("surname"), KeyPart.exact("dob"))), List.of("sd"), false);

        assertThat(pairs.size()).isZero();
    }

    @Test
    void a_transform_can_block_on_part_of_a_value() {
        RecordTable records = RecordTable.builder(COLUMNS).add("a", 0, "SMITH", "1990-05-01", "")
                .add("b", 0, "SMYTHE", "1990-11-30", "").add("c", 0, "JONES", "1991-05-01", "").build();

        CandidatePairs pairs = new Blocker(100).pairs(records, List.of(List.of(
                new KeyPart("surname", s -> s.substring(0, 2)), new KeyPart("dob", d -> d.substring(0, 4)))),
                List.of("sm-year"), false);

        assertThat(pairs.size()).isOne();
        assertThat(records.id(pairs.left(0)) + records.id(pairs.right(0))).isEqualTo("ab");
    }

    @Test
    void a_single_huge_block_is_refused_with_a_message_naming_the_rule() {
        RecordTable.Builder b = RecordTable.builder(COLUMNS);
        for (int i = 0; i < 2000; i++) {
            b.add("r" + i, 0, "SMITH", "", "");
        }

        assertThatThrownBy(() -> new Blocker(100_000).pairs(b.build(), List.of(List.of(KeyPart.exact("surname"))),
                List.of("surname only"), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("surname only").hasMessageContaining("2000 records in one block");
    }

    @Test
    void the_same_records_give_the_same_pairs_in_the_same_order() {
        RecordTable records = randomRecords(500, 11, false);
        List<List<KeyPart>> rules = List.of(List.of(KeyPart.exact("dob")), List.of(KeyPart.exact("surname")));

        CandidatePairs one = new Blocker(1_000_000).pairs(records, rules, List.of("d", "s"), false);
        CandidatePairs two = new Blocker(1_000_000).pairs(records, rules, List.of("d", "s"), false);

        assertThat(two.left()).isEqualTo(one.left());
        assertThat(two.right()).isEqualTo(one.right());
    }

    private static Set<Long> bruteForce(RecordTable r, boolean linkOnly) {
        Set<Long> pairs = new HashSet<>();
        for (int a = 0; a < r.size(); a++) {
            for (int b = a + 1; b < r.size(); b++) {
                if (linkOnly && r.source(a) == r.source(b)) {
                    continue;
                }
                boolean surname = r.column("surname").value(a) != null
                        && r.column("surname").value(a).equals(r.column("surname").value(b));
                boolean dob = r.column("dob").value(a) != null && r.column("dob").value(a).equals(r.column("dob").value(b));
                boolean sp = surname && r.column("postcode").value(a) != null
                        && r.column("postcode").value(a).equals(r.column("postcode").value(b));
                if (surname || dob || sp) {
                    int left = linkOnly && r.source(a) > r.source(b) ? b : a;
                    int right = left == a ? b : a;
                    pairs.add(((long) left << 32) | right);
                }
            }
        }
        return pairs;
    }

    /** Both values present (not blank) and equal: what a key of the untransformed column means. */
    private static boolean same(RecordTable records, String column, int a, int b) {
        String x = records.column(column).value(a);
        String y = records.column(column).value(b);
        return x != null && !x.isBlank() && x.equals(y);
    }

    private static RecordTable randomRecords(int n, long seed, boolean twoSources) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] surnames = {"SMITH", "JONES", "KHAN", "PATEL", "WOOD", "BROWN", "SINGH", "", "AHMED", "TAYLOR"};
        RecordTable.Builder b = RecordTable.builder(COLUMNS);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("r" + i);
            String dob = random.nextInt(10) == 0 ? "" : "19" + (50 + random.nextInt(40)) + "-0" + (1 + random.nextInt(9))
                    + "-1" + random.nextInt(10);
            b.add("r" + i, twoSources ? random.nextInt(2) : 0, surnames[random.nextInt(surnames.length)], dob,
                    "B" + random.nextInt(20) + " 1AA");
        }
        return b.build();
    }
}
