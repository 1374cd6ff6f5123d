package org.threadline.domain.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactRangeTest {
    @Test
    void starting_from_any_size_it_gives_the_same_roots_and_completed_subtrees_as_the_full_tree() {
        List<byte[]> inputs = MerkleLogTest.leaves(70, 6);
        MerkleLog full = MerkleLogTest.logOf(inputs);
        for (int start = 0; start <= 70; start++) {
            MerkleLog prefix = MerkleLogTest.logOf(inputs.subList(0, start));
            List<byte[]> frontier = new ArrayList<>();
            for (NodeRef ref : MerkleLog.frontier(start)) {
                MerkleLog part = MerkleLogTest.logOf(inputs.subList((int) ref.firstLeaf(),
                        (int) ref.firstLeaf() + (1 << ref.level())));
                frontier.add(part.root(part.size()));
            }
            CompactRange range = CompactRange.of(start, frontier);
            assertThat(range.root()).as("root at %d", start).isEqualTo(prefix.root(start));
            for (int i = start; i < 70; i++) {
                List<CompactRange.Completed> made = range.append(full.leaf(i));
                assertThat(range.root()).as("root at %d from %d", i + 1, start).isEqualTo(full.root(i + 1));
                assertThat(made).hasSize(Long.numberOfTrailingZeros(~(long) i));
                for (CompactRange.Completed c : made) {
                    int width = 1 << c.node().level();
                    MerkleLog part = MerkleLogTest.logOf(inputs.subList((int) c.node().firstLeaf(),
                            (int) c.node().firstLeaf() + width));
                    assertThat(c.hash()).as("%s", c.node()).isEqualTo(part.root(width));
                }
            }
        }
    }
}
